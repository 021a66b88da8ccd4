package io.opencdp.api;

import static io.opencdp.api.ApiFixture.bearer;
import static io.opencdp.api.ApiFixture.json;
import static io.opencdp.api.SegmentFixture.ADMIN;
import static io.opencdp.api.SegmentFixture.AGENT;
import static io.opencdp.api.SegmentFixture.MARKETER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import io.opencdp.api.testing.ElasticsearchExtension;
import io.opencdp.api.testing.EsTestCluster;
import io.opencdp.schemas.json.Json;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The segment routes against a real node: saving, counting and listing members. */
@ExtendWith(ElasticsearchExtension.class)
class ApiSegmentsTest {
  static final String US = "{\"field\": \"country\", \"op\": \"eq\", \"value\": \"US\"}";

  private static SegmentFixture fixture;

  @BeforeAll
  static void open(EsTestCluster cluster) {
    fixture = SegmentFixture.open(cluster);
  }

  @AfterAll
  static void close() {
    fixture.close();
  }

  static String definition(String name, String condition) {
    return "{\"name\": \"" + name + "\", \"condition\": " + condition + "}";
  }

  static Response send(HttpClient client, String method, String path, String body, String key) {
    return client.request(
        path,
        req -> {
          RequestBody content =
              body == null ? null : RequestBody.create(body, MediaType.get("application/json"));
          req.method(method, content);
          bearer(key).accept(req);
        });
  }

  /** Saves a segment and answers its id. */
  static String save(HttpClient client, String name, String condition) {
    Response response = send(client, "POST", "/v1/segments", definition(name, condition), ADMIN);
    JsonNode body = json(response);
    assertThat(response.code()).as(body.toString()).isEqualTo(201);
    return body.get("segment_id").asText();
  }

  @Test
  void segmentLivesThroughCreateReadReplaceAndDelete() {
    fixture.test(
        (app, client) -> {
          Response created =
              send(
                  client,
                  "POST",
                  "/v1/segments",
                  "{\"name\": \"US buyers\", \"description\": \"orders\", \"condition\": {\"and\": ["
                      + US
                      + ", {\"field\": \"traits.total_spend\", \"op\": \"gte\", \"value\":"
                      + " 12345678901234.5678}]}}",
                  MARKETER);
          String text = created.body().string();
          JsonNode body = Json.mapper().readTree(text);
          String id = body.get("segment_id").asText();

          assertThat(created.code()).isEqualTo(201);
          assertThat(id).matches("seg-us-buyers-[0-9a-f]{6}");
          assertThat(created.header("Location")).isEqualTo("/v1/segments/" + id);
          assertThat(body.get("version").asLong()).isEqualTo(1);
          assertThat(body.get("language_version").asInt()).isEqualTo(1);
          assertThat(body.get("created_by").asText()).isEqualTo("seg-marketer");
          assertThat(body.get("created_at").asText()).isEqualTo("2026-03-15T10:00:00Z");
          // the number exactly as sent, not as a double
          assertThat(text).contains("\"value\":12345678901234.5678}");
          assertThat(body.has("definition")).isFalse();

          JsonNode read = json(send(client, "GET", "/v1/segments/" + id, null, MARKETER));
          assertThat(read).isEqualTo(body);

          Response replaced =
              send(client, "PUT", "/v1/segments/" + id, definition("US only", US), ADMIN);
          JsonNode changed = json(replaced);
          assertThat(replaced.code()).isEqualTo(200);
          assertThat(changed.get("version").asLong()).isEqualTo(2);
          assertThat(changed.get("name").asText()).isEqualTo("US only");
          assertThat(changed.get("segment_id").asText()).isEqualTo(id);
          assertThat(changed.get("created_by").asText()).isEqualTo("seg-marketer");
          assertThat(changed.get("updated_by").asText()).isEqualTo("seg-admin");
          assertThat(changed.get("description").isNull()).isTrue();

          JsonNode listed = json(send(client, "GET", "/v1/segments", null, MARKETER));
          assertThat(listed.get("segments").findValuesAsText("segment_id")).contains(id);

          assertThat(send(client, "DELETE", "/v1/segments/" + id, null, MARKETER).code())
              .isEqualTo(204);
          assertThat(send(client, "GET", "/v1/segments/" + id, null, MARKETER).code())
              .isEqualTo(404);
          assertThat(send(client, "DELETE", "/v1/segments/" + id, null, MARKETER).code())
              .isEqualTo(404);
        });
  }

  @Test
  void listingPagesThroughEverySegmentOnce() {
    fixture.test(
        (app, client) -> {
          List<String> saved = new ArrayList<>();
          for (int i = 0; i < 3; i++) {
            saved.add(save(client, "list " + i, US));
          }
          List<String> seen = new ArrayList<>();
          String cursor = null;
          do {
            JsonNode page =
                json(
                    send(
                        client,
                        "GET",
                        "/v1/segments?limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                        null,
                        ADMIN));
            assertThat(page.get("segments").size()).isLessThanOrEqualTo(2);
            seen.addAll(page.get("segments").findValuesAsText("segment_id"));
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
          } while (cursor != null);

          assertThat(seen).doesNotHaveDuplicates().containsAll(saved);
        });
  }

  @Test
  void agentMayNotUseSegments() {
    fixture.test(
        (app, client) -> {
          for (String[] call :
              new String[][] {
                {"POST", "/v1/segments"},
                {"GET", "/v1/segments"},
                {"POST", "/v1/segments/preview"},
                {"GET", "/v1/segments/seg-x"},
                {"PUT", "/v1/segments/seg-x"},
                {"DELETE", "/v1/segments/seg-x"},
                {"GET", "/v1/segments/seg-x/count"},
                {"GET", "/v1/segments/seg-x/members"}
              }) {
            String body =
                call[0].equals("POST") || call[0].equals("PUT") ? definition("x", US) : null;
            Response response = send(client, call[0], call[1], body, AGENT);
            assertThat(response.code()).as(call[0] + " " + call[1]).isEqualTo(403);
            assertThat(json(response).get("code").asText()).isEqualTo("forbidden");
          }
        });
  }

  @Test
  void unknownOrMalformedIdsAreNotFoundOrRefused() {
    fixture.test(
        (app, client) -> {
          for (String[] call :
              new String[][] {
                {"GET", "/v1/segments/seg-nobody"},
                {"PUT", "/v1/segments/seg-nobody"},
                {"DELETE", "/v1/segments/seg-nobody"},
                {"GET", "/v1/segments/seg-nobody/count"},
                {"GET", "/v1/segments/seg-nobody/members"}
              }) {
            String body = call[0].equals("PUT") ? definition("x", US) : null;
            Response response = send(client, call[0], call[1], body, ADMIN);
            JsonNode problem = json(response);
            assertThat(response.code()).as(call[0] + " " + call[1]).isEqualTo(404);
            assertThat(problem.get("code").asText()).isEqualTo("not_found");
            assertThat(problem.get("parameter").asText()).isEqualTo("id");
          }
          Response malformed = send(client, "GET", "/v1/segments/VIP!", null, ADMIN);
          assertThat(malformed.code()).isEqualTo(400);
          assertThat(json(malformed).get("parameter").asText()).isEqualTo("id");
        });
  }
}
