package io.opencdp.ingest.collector;

import static io.opencdp.ingest.collector.CollectorFixture.WEB_KEY;
import static io.opencdp.ingest.collector.CollectorFixture.json;
import static io.opencdp.ingest.collector.CollectorFixture.lines;
import static io.opencdp.ingest.collector.CollectorFixture.names;
import static io.opencdp.ingest.collector.CollectorFixture.post;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencdp.schemas.config.CollectorConfig;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandingFilesTest {
  @TempDir Path root;
  private CollectorFixture fixture;
  private String stamp;

  @BeforeEach
  void setUp() {
    fixture = new CollectorFixture(root);
    stamp = LandingFiles.stamp(CollectorFixture.START);
  }

  private static String track(String id) {
    return Segment.json(Segment.message("track", id));
  }

  @Test
  void inProgressFileIsHiddenFromIngestUntilTheCollectorStops() {
    fixture.run(
        (collector, client) -> {
          post(client, "/v1/track", WEB_KEY, track("m-1"));

          assertThat(names(fixture.web))
              .containsExactly("_collector-" + stamp + "-0.jsonl.inprogress");
        });

    assertThat(names(fixture.web)).containsExactly("collector-" + stamp + "-0.jsonl");
    assertThat(lines(fixture.web)).hasSize(1);
  }

  @Test
  void fileIsFinishedOnceItReachesRotateBytes() {
    fixture.config = rotating(1024, 60);
    fixture.run(
        (collector, client) -> {
          int posted = 0;
          while (names(fixture.web).stream().noneMatch(n -> !n.startsWith("_"))) {
            post(client, "/v1/track", WEB_KEY, track("m-" + posted++));
          }
          Path finished = fixture.web.resolve("collector-" + stamp + "-0.jsonl");
          assertThat(Files.size(finished)).isGreaterThanOrEqualTo(1024);
          assertThat(Files.readAllLines(finished, UTF_8)).hasSize(posted);
          byte[] before = Files.readAllBytes(finished);

          post(client, "/v1/track", WEB_KEY, track("m-next"));

          assertThat(Files.readAllBytes(finished)).isEqualTo(before); // immutable
          assertThat(names(fixture.web))
              .containsExactly(
                  "collector-" + stamp + "-0.jsonl", "_collector-" + stamp + "-1.jsonl.inprogress");
        });
  }

  @Test
  void fileIsFinishedOnceItIsRotateSecondsOld() {
    fixture.run(
        (collector, client) -> {
          post(client, "/v1/track", WEB_KEY, track("m-1"));
          fixture.clock.advance(Duration.ofSeconds(59));
          collector.rotateDue();
          assertThat(names(fixture.web)).allMatch(n -> n.startsWith("_"));

          fixture.clock.advance(Duration.ofSeconds(1));
          collector.rotateDue();
          assertThat(names(fixture.web)).containsExactly("collector-" + stamp + "-0.jsonl");

          post(client, "/v1/track", WEB_KEY, track("m-2"));
          String later = LandingFiles.stamp(fixture.clock.instant());
          assertThat(names(fixture.web))
              .containsExactly(
                  "collector-" + stamp + "-0.jsonl", "_collector-" + later + "-0.jsonl.inprogress");
        });
  }

  @Test
  void collectorThatAcceptedNothingLeavesNoFile() {
    fixture.run((collector, client) -> client.get("/healthz"));

    assertThat(names(fixture.web)).isEmpty();
    assertThat(names(fixture.app)).isEmpty();
  }

  @Test
  void partialLastLineLeftByACrashIsCutOffAtStart() throws Exception {
    Files.createDirectories(fixture.web);
    String whole =
        "{\"type\":\"track\",\"messageId\":\"m-1\",\"userId\":\"C1\",\"event\":\"E\","
            + "\"timestamp\":\"2026-10-15T12:00:00.000Z\","
            + "\"originalTimestamp\":\"2026-10-15T12:00:00.000Z\","
            + "\"receivedAt\":\""
            + ServerFields.format(CollectorFixture.START)
            + "\"}\n";
    Path crashed = fixture.web.resolve("_collector-20261015120000-0.jsonl.inprogress");
    Files.writeString(crashed, whole + "{\"type\":\"track\",\"messageId\":\"m-2\",\"us", UTF_8);
    Path empty = fixture.web.resolve("_collector-20261015120001-0.jsonl.inprogress");
    Files.writeString(empty, "{\"type\":\"tr", UTF_8);

    fixture.run(
        (collector, client) -> {
          assertThat(names(fixture.web)).containsExactly("collector-20261015120000-0.jsonl");
          assertThat(Files.readString(fixture.web.resolve("collector-20261015120000-0.jsonl")))
              .isEqualTo(whole);

          // the whole line was acknowledged: its retry is a duplicate; the cut one was not
          post(client, "/v1/track", WEB_KEY, track("m-1"));
          post(client, "/v1/track", WEB_KEY, track("m-2"));
        });

    assertThat(lines(fixture.web))
        .extracting(line -> json(line).get("messageId").textValue())
        .containsExactly("m-1", "m-2");
  }

  @Test
  void repairKeepsAFileThatEndsInAWholeLine() throws Exception {
    Path file = root.resolve("_collector-20261015120000-0.jsonl.inprogress");
    Files.writeString(file, "{\"a\":1}\n{\"b\":2}\n", UTF_8);

    assertThat(FileRecovery.repair(file)).isZero();
    assertThat(Files.readString(file)).isEqualTo("{\"a\":1}\n{\"b\":2}\n");
  }

  @Test
  void secondCollectorOnTheSameDirectoryIsRefused() {
    Collector first = fixture.create();
    try {
      assertThatThrownBy(fixture::create)
          .isInstanceOf(CdpException.class)
          .hasMessageContaining("another collector is writing to")
          .satisfies(e -> assertThat(((CdpException) e).code()).isEqualTo(ErrorCode.ENVIRONMENT));
    } finally {
      first.stop();
    }
    fixture.create().stop(); // released on stop
  }

  @Test
  void startAndStopServeOnARealPort() throws Exception {
    Collector collector = fixture.create().start(0);
    try {
      var http = java.net.http.HttpClient.newHttpClient();
      var response =
          http.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create("http://127.0.0.1:" + collector.port() + "/healthz"))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
    } finally {
      collector.stop();
    }
  }

  private CollectorConfig rotating(long bytes, int seconds) {
    CollectorConfig c = fixture.config;
    return new CollectorConfig(
        c.host(),
        c.port(),
        c.writeKeys(),
        c.maxBodyBytes(),
        c.maxMessageBytes(),
        c.maxBatchMessages(),
        bytes,
        seconds,
        c.dedupWindowHours(),
        c.dedupMaxIds());
  }
}
