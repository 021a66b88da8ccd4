package io.opencdp.jobs.stream;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.opencdp.ingest.connector.Connector;
import io.opencdp.ingest.connector.Connectors;
import io.opencdp.ingest.connector.LandedFileParser;
import io.opencdp.ingest.connector.ParseResult;
import io.opencdp.schemas.config.IngestConfig;
import io.opencdp.schemas.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Parses what the stream reads (a landed file, a Kafka record) with its source's connector, exactly
 * as the batch ingest does ({@link LandedFileParser}, {@link Connectors}): each event goes on as
 * its {@link Json#mapper()} JSON (plain strings between operators: no Kryo), each dead letter to
 * {@link #DEAD_LETTERS} with the batch's reason code.
 */
abstract class ParseRecords<T> extends ProcessFunction<T, String> {
  private static final long serialVersionUID = 1L;

  /** The dead letters of what was parsed. */
  static final OutputTag<DeadLetterRef> DEAD_LETTERS =
      new OutputTag<>(
          "dead-letters",
          org.apache.flink.api.common.typeinfo.TypeInformation.of(DeadLetterRef.class));

  private final IngestConfig ingest;
  private final String workspaceId;
  private transient Map<String, Connector> connectors;
  private transient LongCounter events;

  ParseRecords(IngestConfig ingest, String workspaceId) {
    this.ingest = requireNonNull(ingest, "ingest is null");
    this.workspaceId = requireNonNull(workspaceId, "workspaceId is null");
  }

  @Override
  public void open(OpenContext context) {
    connectors = new HashMap<>();
    events = new LongCounter();
    getRuntimeContext().addAccumulator(StreamCounters.EVENTS, events);
  }

  /**
   * Parses {@code in}, named {@code file} in events and dead letters, with the connector of {@code
   * source}.
   */
  final LandedFileParser.Summary parse(
      String source, InputStream in, String file, Context ctx, Collector<String> out)
      throws IOException {
    Connector connector =
        connectors.computeIfAbsent(source, name -> Connectors.create(name, ingest, workspaceId));
    Instant ingestedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    LandedFileParser.Summary summary =
        LandedFileParser.parse(
            in,
            file,
            connector,
            ingest.maxLineBytes(),
            ingestedAt,
            result -> {
              if (result instanceof ParseResult.Parsed parsed) {
                out.collect(toJson(parsed));
              } else {
                ctx.output(
                    DEAD_LETTERS,
                    DeadLetterRef.of(source, ((ParseResult.Rejected) result).deadLetter()));
              }
            });
    events.add(summary.events());
    return summary;
  }

  private static String toJson(ParseResult.Parsed parsed) {
    try {
      return Json.mapper().writeValueAsString(parsed.event());
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
