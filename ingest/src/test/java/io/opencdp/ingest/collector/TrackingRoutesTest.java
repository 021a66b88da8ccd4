package io.opencdp.ingest.collector;

import static io.opencdp.ingest.collector.CollectorFixture.APP_KEY;
import static io.opencdp.ingest.collector.CollectorFixture.START;
import static io.opencdp.ingest.collector.CollectorFixture.WEB_KEY;
import static io.opencdp.ingest.collector.CollectorFixture.json;
import static io.opencdp.ingest.collector.CollectorFixture.lines;
import static io.opencdp.ingest.collector.CollectorFixture.post;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrackingRoutesTest {
  private static final String RECEIVED = ServerFields.format(START);

  @TempDir Path root;
  private CollectorFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new CollectorFixture(root);
  }

  /** What the collector lands for a client message: Segment's server fields set. */
  private static ObjectNode landed(ObjectNode sent) {
    ObjectNode expected = sent.deepCopy();
    expected.put("type", sent.get("type").textValue());
    // receivedAt - (sentAt - timestamp) = START - 1 s
    expected.put("timestamp", ServerFields.format(START.minusSeconds(1)));
    expected.put("originalTimestamp", Segment.TIMESTAMP);
    expected.put("receivedAt", RECEIVED);
    return expected;
  }

  @ParameterizedTest
  @ValueSource(strings = {"track", "identify", "page", "screen", "alias", "group"})
  void eachRouteLandsItsMessageAsOneLineWithServerFields(String type) {
    fixture.run(
        (collector, client) -> {
          ObjectNode sent = Segment.message(type, "m-" + type);
          Response response = post(client, "/v1/" + type, WEB_KEY, Segment.json(sent));

          assertThat(response.code()).isEqualTo(200);
          assertThat(json(response)).isEqualTo(json("{\"success\":true}"));
          List<String> lines = lines(fixture.web);
          assertThat(lines).hasSize(1);
          assertThat(json(lines.get(0))).isEqualTo(landed(sent));
          assertThat(lines(fixture.app)).isEmpty();
        });
  }

  @Test
  void landedLineKeepsTheClientsJsonAndAppendsTheServerFields() {
    fixture.run(
        (collector, client) -> {
          post(client, "/v1/track", WEB_KEY, Segment.json(Segment.message("track", "m-1")));

          String line = lines(fixture.web).get(0);
          assertThat(line)
              .startsWith("{\"type\":\"track\",\"messageId\":\"m-1\",")
              .contains("\"price\":19.90")
              .endsWith(
                  ",\"originalTimestamp\":\""
                      + Segment.TIMESTAMP
                      + "\",\"receivedAt\":\""
                      + RECEIVED
                      + "\"}");
        });
  }

  @Test
  void messageWithoutTypeTakesTheRoutesType() {
    fixture.run(
        (collector, client) -> {
          ObjectNode sent = Segment.message("identify", "m-1");
          sent.remove("type");

          assertThat(post(client, "/v1/identify", WEB_KEY, Segment.json(sent)).code())
              .isEqualTo(200);
          assertThat(json(lines(fixture.web).get(0)).get("type").textValue()).isEqualTo("identify");
        });
  }

  @Test
  void batchLandsEveryMessageInOrderInTheKeysSource() {
    fixture.run(
        (collector, client) -> {
          ObjectNode a = Segment.message("page", "m-1");
          ObjectNode b = Segment.message("track", "m-2");
          ObjectNode c = Segment.message("identify", "m-3");
          Response response =
              post(client, "/v1/batch", APP_KEY, Segment.json(Segment.batch(a, b, c)));

          assertThat(response.code()).isEqualTo(200);
          assertThat(lines(fixture.app))
              .extracting(CollectorFixture::json)
              .containsExactly(landed(a), landed(b), landed(c));
          assertThat(lines(fixture.web)).isEmpty();
        });
  }

  @Test
  void batchSentAtIsCopiedToMessagesWithoutOne() {
    fixture.run(
        (collector, client) -> {
          ObjectNode m = Segment.message("track", "m-1");
          m.remove("sentAt");
          ObjectNode body = Segment.batch(m);
          body.put("sentAt", Segment.SENT_AT);

          assertThat(post(client, "/v1/batch", WEB_KEY, Segment.json(body)).code()).isEqualTo(200);
          assertThat(json(lines(fixture.web).get(0)))
              .isEqualTo(landed(Segment.message("track", "m-1")));
        });
  }

  @Test
  void deviceClockSkewIsCorrectedFromSentAtAndReceivedAt() {
    fixture.run(
        (collector, client) -> {
          ObjectNode m = Segment.message("track", "m-1");
          // the device clock is two hours behind: event at -2 h -5 s, sent at -2 h
          m.put("timestamp", ServerFields.format(START.minus(Duration.ofHours(2)).minusSeconds(5)));
          m.put("sentAt", ServerFields.format(START.minus(Duration.ofHours(2))));

          post(client, "/v1/track", WEB_KEY, Segment.json(m));

          ObjectNode line = (ObjectNode) json(lines(fixture.web).get(0));
          assertThat(line.get("timestamp").textValue())
              .isEqualTo(ServerFields.format(START.minusSeconds(5)));
          assertThat(line.get("originalTimestamp").textValue())
              .isEqualTo(m.get("timestamp").textValue());
        });
  }

  @Test
  void messageWithoutTimestampHappenedWhenItWasReceived() {
    fixture.run(
        (collector, client) -> {
          ObjectNode m = Segment.message("track", "m-1");
          m.remove("timestamp");

          post(client, "/v1/track", WEB_KEY, Segment.json(m));

          ObjectNode line = (ObjectNode) json(lines(fixture.web).get(0));
          assertThat(line.get("timestamp").textValue()).isEqualTo(RECEIVED);
          assertThat(line.get("originalTimestamp").textValue()).isEqualTo(Segment.SENT_AT);
        });
  }

  @Test
  void clientReceivedAtIsReplacedByTheCollectorsClock() {
    fixture.run(
        (collector, client) -> {
          ObjectNode m = Segment.message("track", "m-1");
          m.put("receivedAt", "2020-01-01T00:00:00Z");

          post(client, "/v1/track", WEB_KEY, Segment.json(m));

          assertThat(json(lines(fixture.web).get(0)).get("receivedAt").textValue())
              .isEqualTo(RECEIVED);
        });
  }

  @Test
  void writeKeyInTheBodyAuthenticatesAnalyticsJsAndNeverLands() {
    fixture.run(
        (collector, client) -> {
          ObjectNode body = Segment.batch(Segment.message("page", "m-1"));
          body.put("writeKey", WEB_KEY);
          ((ObjectNode) body.get("batch").get(0)).put("writeKey", WEB_KEY);

          Response response =
              post(client, "/v1/batch", null, Segment.json(body), "text/plain;charset=UTF-8");

          assertThat(response.code()).isEqualTo(200);
          assertThat(lines(fixture.web)).hasSize(1).noneMatch(line -> line.contains(WEB_KEY));
        });
  }

  @Test
  void gzipBodyIsDecoded() {
    fixture.run(
        (collector, client) -> {
          ByteArrayOutputStream bytes = new ByteArrayOutputStream();
          try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(
                Segment.json(Segment.batch(Segment.message("track", "m-1"))).getBytes(UTF_8));
          }

          Response response =
              post(client, "/v1/batch", WEB_KEY, bytes.toByteArray(), "application/json", "gzip");

          assertThat(response.code()).isEqualTo(200);
          assertThat(lines(fixture.web)).hasSize(1);
        });
  }

  @Test
  void healthzAnswersOk() {
    fixture.run(
        (collector, client) -> {
          Response response = client.get("/healthz");

          assertThat(response.code()).isEqualTo(200);
          assertThat(json(response)).isEqualTo(json("{\"status\":\"ok\"}"));
        });
  }

  @Test
  void unknownRouteIsANotFoundProblem() {
    fixture.run(
        (collector, client) -> {
          Response response = post(client, "/v1/unknown", WEB_KEY, "{}");

          assertThat(response.code()).isEqualTo(404);
          assertThat(response.header("Content-Type")).startsWith(Problem.CONTENT_TYPE);
          assertThat(json(response).get("code").textValue()).isEqualTo("not_found");
        });
  }
}
