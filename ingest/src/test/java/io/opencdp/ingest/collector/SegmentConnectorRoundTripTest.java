package io.opencdp.ingest.collector;

import static io.opencdp.ingest.collector.CollectorFixture.APP_KEY;
import static io.opencdp.ingest.collector.CollectorFixture.WEB_KEY;
import static io.opencdp.ingest.collector.CollectorFixture.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencdp.ingest.connector.Connector;
import io.opencdp.ingest.connector.Connectors;
import io.opencdp.ingest.connector.LandedFileParser;
import io.opencdp.ingest.connector.ParseResult;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.config.IngestConfig;
import io.opencdp.schemas.event.TouchpointEvent;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the collector lands, batch ingest reads: every line is an event, none a dead letter. */
class SegmentConnectorRoundTripTest {
  private static final IngestConfig INGEST = CdpConfig.defaults().ingest();

  @TempDir Path root;

  @Test
  void landedLinesParseWithTheSegmentConnectorWithoutDeadLetters() throws Exception {
    CollectorFixture fixture = new CollectorFixture(root);
    List<String> types = List.of("track", "identify", "page", "screen", "alias", "group");
    fixture.run(
        (collector, client) -> {
          for (String type : types) {
            assertThat(
                    post(
                            client,
                            "/v1/" + type,
                            WEB_KEY,
                            Segment.json(Segment.message(type, "w-" + type)))
                        .code())
                .isEqualTo(200);
          }
          var order = Segment.message("track", "a-order");
          order.put("event", "Order Completed");
          order
              .putObject("properties")
              .put("order_id", "W1")
              .put("total", new java.math.BigDecimal("42.50"))
              .put("currency", "USD");
          var noTimestamp = Segment.message("screen", "a-screen");
          noTimestamp.remove("timestamp");
          assertThat(
                  post(
                          client,
                          "/v1/batch",
                          APP_KEY,
                          Segment.json(Segment.batch(order, noTimestamp)))
                      .code())
              .isEqualTo(200);
        });

    List<TouchpointEvent> web = parse("web", fixture.web);
    List<TouchpointEvent> app = parse("app", fixture.app);

    assertThat(web)
        .extracting(TouchpointEvent::sourceKey)
        .containsExactly("w-track", "w-identify", "w-page", "w-screen", "w-alias", "w-group");
    assertThat(web)
        .allSatisfy(
            e -> {
              assertThat(e.occurredAt()).isEqualTo(CollectorFixture.START.minusSeconds(1));
              assertThat(e.receivedAt()).isEqualTo(CollectorFixture.START);
            });
    assertThat(app)
        .extracting(TouchpointEvent::eventType)
        .containsExactly("order_completed", "screen");
    assertThat(app.get(1).occurredAt()).isEqualTo(CollectorFixture.START);
  }

  private static List<TouchpointEvent> parse(String source, Path dir) throws Exception {
    Connector connector = Connectors.create(source, INGEST, CollectorFixture.WORKSPACE);
    Instant ingestedAt = CollectorFixture.START.plus(Duration.ofMinutes(1));
    List<TouchpointEvent> events = new ArrayList<>();
    List<ParseResult> rejected = new ArrayList<>();
    for (Path file : CollectorFixture.files(dir)) {
      assertThat(LandingFiles.isFinished(file)).isTrue();
      try (InputStream in = Files.newInputStream(file)) {
        LandedFileParser.parse(
            in,
            source + "/" + file.getFileName(),
            connector,
            INGEST.maxLineBytes(),
            ingestedAt,
            result -> {
              if (result instanceof ParseResult.Parsed parsed) {
                events.add(parsed.event());
              } else {
                rejected.add(result);
              }
            });
      }
    }
    assertThat(rejected).isEmpty();
    return events;
  }
}
