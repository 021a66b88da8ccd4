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
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses one whole landed file with its source's connector, exactly as the batch ingest does
 * ({@link LandedFileParser}, {@link Connectors}): each event goes on as its {@link Json#mapper()}
 * JSON (plain strings between operators: no Kryo), each dead letter to {@link #DEAD_LETTERS} with
 * the batch's reason code.
 */
final class ParseLandedFile extends ProcessFunction<LandedFileRef, String> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(ParseLandedFile.class);

  /** The dead letters of the parsed files. */
  static final OutputTag<DeadLetterRef> DEAD_LETTERS =
      new OutputTag<>(
          "dead-letters",
          org.apache.flink.api.common.typeinfo.TypeInformation.of(DeadLetterRef.class));

  private final IngestConfig ingest;
  private final String workspaceId;
  private transient Map<String, Connector> connectors;
  private transient LongCounter files;
  private transient LongCounter events;

  ParseLandedFile(IngestConfig ingest, String workspaceId) {
    this.ingest = requireNonNull(ingest, "ingest is null");
    this.workspaceId = requireNonNull(workspaceId, "workspaceId is null");
  }

  @Override
  public void open(OpenContext context) {
    connectors = new HashMap<>();
    files = new LongCounter();
    events = new LongCounter();
    getRuntimeContext().addAccumulator(StreamCounters.FILES, files);
    getRuntimeContext().addAccumulator(StreamCounters.EVENTS, events);
  }

  @Override
  public void processElement(LandedFileRef file, Context ctx, Collector<String> out)
      throws IOException {
    Connector connector =
        connectors.computeIfAbsent(
            file.source(), name -> Connectors.create(name, ingest, workspaceId));
    Path path = new Path(URI.create(file.uri()));
    Instant ingestedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    LandedFileParser.Summary summary;
    try (InputStream in = path.getFileSystem().open(path)) {
      summary =
          LandedFileParser.parse(
              in,
              file.relativePath(),
              connector,
              ingest.maxLineBytes(),
              ingestedAt,
              result -> {
                if (result instanceof ParseResult.Parsed parsed) {
                  out.collect(toJson(parsed));
                } else {
                  ctx.output(
                      DEAD_LETTERS,
                      DeadLetterRef.of(
                          file.source(), ((ParseResult.Rejected) result).deadLetter()));
                }
              });
    }
    files.add(1);
    events.add(summary.events());
    LOG.info(
        "{} ({}): {} event(s), {} dead letter(s)",
        file.relativePath(),
        file.source(),
        summary.events(),
        summary.deadLetters());
  }

  private static String toJson(ParseResult.Parsed parsed) {
    try {
      return Json.mapper().writeValueAsString(parsed.event());
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
