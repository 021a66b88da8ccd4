package io.opencdp.ingest.collector;

import static io.opencdp.ingest.collector.CollectorFixture.WEB_KEY;
import static io.opencdp.ingest.collector.CollectorFixture.json;
import static io.opencdp.ingest.collector.CollectorFixture.lines;
import static io.opencdp.ingest.collector.CollectorFixture.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequestValidationTest {
  @TempDir Path root;
  private CollectorFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new CollectorFixture(root);
  }

  static Stream<Arguments> badMessages() {
    return Stream.of(
        bad("track", m -> m.remove("messageId"), "missing_field", "messageId"),
        bad("track", m -> m.put("messageId", " "), "missing_field", "messageId"),
        bad("track", m -> m.put("messageId", 42), "wrong_type", "messageId"),
        bad(
            "page",
            m -> m.remove(java.util.List.of("userId", "anonymousId")),
            "missing_identifier",
            "userId"),
        bad("page", m -> m.putObject("userId"), "wrong_type", "userId"),
        bad("track", m -> m.remove("event"), "missing_field", "event"),
        bad("alias", m -> m.remove("previousId"), "missing_identifier", "previousId"),
        bad("alias", m -> m.remove("userId"), "missing_identifier", "userId"),
        bad("track", m -> m.put("timestamp", "yesterday"), "timestamp_invalid", "timestamp"),
        bad(
            "track",
            m -> m.put("timestamp", "2026-10-15T12:00:00"),
            "timestamp_invalid",
            "timestamp"),
        bad("track", m -> m.put("sentAt", "2026-02-30T12:00:00Z"), "timestamp_invalid", "sentAt"),
        bad("track", m -> m.put("type", "identify"), "type_mismatch", "type"),
        bad("track", m -> m.put("properties", "x"), "wrong_type", "properties"),
        bad("identify", m -> m.putArray("traits"), "wrong_type", "traits"),
        bad("page", m -> m.put("name", 7), "wrong_type", "name"));
  }

  private static Arguments bad(
      String type, Consumer<ObjectNode> change, String code, String field) {
    ObjectNode m = Segment.message(type, "m-1");
    change.accept(m);
    return Arguments.of(type, Segment.json(m), code, field);
  }

  private static void assertProblem(Response response, int status, String code, String field)
      throws Exception {
    assertThat(response.code()).isEqualTo(status);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    JsonNode problem = json(response);
    assertThat(problem.get("type").textValue()).endsWith("/" + code);
    assertThat(problem.get("title").textValue()).isNotBlank();
    assertThat(problem.get("status").intValue()).isEqualTo(status);
    assertThat(problem.get("detail").textValue()).isNotBlank();
    assertThat(problem.get("code").textValue()).isEqualTo(code);
    if (field == null) {
      assertThat(problem.has("field")).isFalse();
    } else {
      assertThat(problem.get("field").textValue()).isEqualTo(field);
    }
  }

  @ParameterizedTest(name = "{0} {2} {3}")
  @MethodSource("badMessages")
  void badMessageIsRefusedNamingTheField(String type, String body, String code, String field) {
    fixture.run(
        (collector, client) -> {
          assertProblem(post(client, "/v1/" + type, WEB_KEY, body), 400, code, field);
          assertThat(lines(fixture.web)).isEmpty();
        });
  }

  @ParameterizedTest(name = "{0} {2} {3}")
  @MethodSource("badMessages")
  void badBatchMessageIsRefusedNamingItsIndex(
      String type, String message, String code, String field) {
    fixture.run(
        (collector, client) -> {
          String body =
              "{\"batch\":[" + Segment.json(Segment.message("page", "ok-1")) + "," + message + "]}";
          String batchField = code.equals("type_mismatch") ? null : "batch[1]." + field;
          Response response = post(client, "/v1/batch", WEB_KEY, body);
          if (batchField == null) {
            assertThat(response.code()).isEqualTo(200); // a batch item's type is its own
          } else {
            assertProblem(response, 400, code, batchField);
            assertThat(lines(fixture.web)).isEmpty();
          }
        });
  }

  @Test
  void batchWithOneBadMessageIsRefusedWhole() {
    fixture.run(
        (collector, client) -> {
          ObjectNode bad = Segment.message("track", "m-3");
          bad.remove("messageId");
          String body =
              Segment.json(
                  Segment.batch(
                      Segment.message("page", "m-1"), Segment.message("track", "m-2"), bad));

          assertProblem(
              post(client, "/v1/batch", WEB_KEY, body), 400, "missing_field", "batch[2].messageId");
          assertThat(lines(fixture.web)).isEmpty();
        });
  }

  @Test
  void batchItemsNeedAKnownType() {
    fixture.run(
        (collector, client) -> {
          ObjectNode noType = Segment.message("track", "m-1");
          noType.remove("type");
          ObjectNode unknown = Segment.message("track", "m-2");
          unknown.put("type", "purchase");

          assertProblem(
              post(client, "/v1/batch", WEB_KEY, Segment.json(Segment.batch(noType))),
              400,
              "missing_field",
              "batch[0].type");
          assertProblem(
              post(client, "/v1/batch", WEB_KEY, Segment.json(Segment.batch(unknown))),
              400,
              "unknown_event_type",
              "batch[0].type");
        });
  }

  @Test
  void batchBodyMustHoldAnArrayOfObjects() {
    fixture.run(
        (collector, client) -> {
          assertProblem(post(client, "/v1/batch", WEB_KEY, "{}"), 400, "missing_field", "batch");
          assertProblem(
              post(client, "/v1/batch", WEB_KEY, "{\"batch\":{}}"), 400, "wrong_type", "batch");
          assertProblem(
              post(client, "/v1/batch", WEB_KEY, "{\"batch\":[1]}"),
              400,
              "not_an_object",
              "batch[0]");
          assertProblem(
              post(client, "/v1/batch", WEB_KEY, "{\"batch\":[],\"sentAt\":\"soon\"}"),
              400,
              "timestamp_invalid",
              "sentAt");
        });
  }

  @Test
  void bodyThatIsNotAJsonObjectIsABadRequest() {
    fixture.run(
        (collector, client) -> {
          assertProblem(
              post(client, "/v1/track", WEB_KEY, "{\"type\":"), 400, "json_malformed", null);
          assertProblem(post(client, "/v1/track", WEB_KEY, ""), 400, "json_malformed", null);
          assertProblem(post(client, "/v1/track", WEB_KEY, "[{}]"), 400, "not_an_object", null);
          assertProblem(
              post(client, "/v1/track", WEB_KEY, "{\"a\":1,\"a\":2}"), 400, "json_malformed", null);
          assertProblem(post(client, "/v1/track", WEB_KEY, "{} {}"), 400, "json_malformed", null);
        });
  }

  @Test
  void wrongContentTypeOrEncodingIsABadRequest() {
    fixture.run(
        (collector, client) -> {
          String body = Segment.json(Segment.message("track", "m-1"));
          assertProblem(
              post(client, "/v1/track", WEB_KEY, body, "application/x-www-form-urlencoded"),
              400,
              "unsupported_content_type",
              null);
          assertProblem(
              post(client, "/v1/track", WEB_KEY, body.getBytes(), "application/json", "br"),
              400,
              "unsupported_content_encoding",
              null);
          assertProblem(
              post(client, "/v1/track", WEB_KEY, body.getBytes(), "application/json", "gzip"),
              400,
              "unsupported_content_encoding",
              null);
          assertThat(lines(fixture.web)).isEmpty();
        });
  }

  @Test
  void requestWithoutAWriteKeyIsUnauthorized() {
    fixture.run(
        (collector, client) -> {
          Response response =
              post(client, "/v1/track", null, Segment.json(Segment.message("track", "m-1")));

          assertProblem(response, 401, "unauthorized", null);
          assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
        });
  }

  @Test
  void unknownOrMalformedWriteKeyIsUnauthorized() {
    fixture.run(
        (collector, client) -> {
          String body = Segment.json(Segment.message("track", "m-1"));
          assertProblem(
              post(client, "/v1/track", "not-a-configured-key", body), 401, "unauthorized", null);
          assertProblem(
              client.request(
                  "/v1/track",
                  b ->
                      b.post(
                              okhttp3.RequestBody.create(
                                  body, okhttp3.MediaType.get("application/json")))
                          .header("Authorization", "Bearer " + WEB_KEY)),
              401,
              "unauthorized",
              null);
          ObjectNode withBodyKey = Segment.message("track", "m-1");
          withBodyKey.put("writeKey", "not-a-configured-key");
          assertProblem(
              post(client, "/v1/track", null, Segment.json(withBodyKey)),
              401,
              "unauthorized",
              null);
          assertThat(lines(fixture.web)).isEmpty();
        });
  }

  @Test
  void bodyLargerThanTheLimitIsTooLarge() {
    fixture.config = withLimits(fixture, 2048, 1024, 500);
    fixture.run(
        (collector, client) -> {
          ObjectNode m = Segment.message("track", "m-1");
          m.put("padding", "x".repeat(3000));

          assertProblem(
              post(client, "/v1/track", WEB_KEY, Segment.json(m)), 413, "body_too_large", null);
        });
  }

  @Test
  void messageLargerThanTheLimitIsTooLargeNamingIt() {
    fixture.config = withLimits(fixture, 8192, 1024, 500);
    fixture.run(
        (collector, client) -> {
          ObjectNode big = Segment.message("track", "m-2");
          big.put("padding", "x".repeat(1200));

          assertProblem(
              post(
                  client,
                  "/v1/batch",
                  WEB_KEY,
                  Segment.json(Segment.batch(Segment.message("track", "m-1"), big))),
              413,
              "message_too_large",
              "batch[1]");
          assertProblem(
              post(client, "/v1/track", WEB_KEY, Segment.json(big)),
              413,
              "message_too_large",
              null);
          assertThat(lines(fixture.web)).isEmpty();
        });
  }

  @Test
  void batchWithTooManyMessagesIsTooLarge() {
    fixture.config = withLimits(fixture, 512_000, 32_768, 2);
    fixture.run(
        (collector, client) -> {
          String body =
              Segment.json(
                  Segment.batch(
                      Segment.message("track", "m-1"),
                      Segment.message("track", "m-2"),
                      Segment.message("track", "m-3")));

          assertProblem(post(client, "/v1/batch", WEB_KEY, body), 413, "batch_too_large", "batch");
          assertThat(lines(fixture.web)).isEmpty();
        });
  }

  private static io.opencdp.schemas.config.CollectorConfig withLimits(
      CollectorFixture fixture, int maxBody, int maxMessage, int maxBatch) {
    var c = fixture.config;
    return new io.opencdp.schemas.config.CollectorConfig(
        c.host(),
        c.port(),
        c.writeKeys(),
        maxBody,
        maxMessage,
        maxBatch,
        c.rotateBytes(),
        c.rotateSeconds(),
        c.dedupWindowHours(),
        c.dedupMaxIds());
  }
}
