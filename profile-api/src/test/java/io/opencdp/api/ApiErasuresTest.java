package io.opencdp.api;

import static io.opencdp.api.ApiFixture.json;
import static io.opencdp.api.ApiSegmentsTest.send;
import static io.opencdp.api.SegmentFixture.ADMIN;
import static io.opencdp.api.SegmentFixture.MARKETER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opencdp.api.testing.ElasticsearchExtension;
import io.opencdp.api.testing.EsTestCluster;
import java.util.List;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The erasure routes against a real node: a request is queued with its normalized identifier (kept
 * for the job, never answered), followed by id, listed newest first; bad bodies name the field.
 */
@ExtendWith(ElasticsearchExtension.class)
class ApiErasuresTest {
  private static SegmentFixture fixture;

  @BeforeAll
  static void open(EsTestCluster cluster) throws Exception {
    fixture = SegmentFixture.open(cluster);
    fixture
        .connection()
        .client()
        .indices()
        .delete(d -> d.index(SegmentFixture.INDICES.erasuresIndex()).ignoreUnavailable(true));
  }

  @AfterAll
  static void close() {
    fixture.close();
  }

  private static JsonNode answer(Response response, int status) {
    JsonNode body = json(response);
    assertThat(response.code()).as(body.toString()).isEqualTo(status);
    return body;
  }

  @Test
  void requestsAreQueuedFollowedAndListed() {
    fixture.test(
        (app, client) -> {
          Response posted =
              send(
                  client,
                  "POST",
                  "/v1/privacy/erasures",
                  "{\"identifier_type\": \"email\", \"value\": \" Ann@Example.COM \"}",
                  ADMIN);
          String location = posted.header("Location");
          JsonNode byEmail = answer(posted, 202);
          String id = byEmail.get("request_id").asText();
          assertThat(id).matches("erasure-\\d{8}T\\d{6}-[0-9a-f]{8}");
          assertThat(location).isEqualTo("/v1/privacy/erasures/" + id);
          assertThat(byEmail.get("status").asText()).isEqualTo("received");
          assertThat(byEmail.get("identifier_type").asText()).isEqualTo("email");
          assertThat(byEmail.get("requested_by").asText()).isEqualTo("seg-admin");
          assertThat(byEmail.get("requested_at").asText()).isEqualTo(SegmentFixture.NOW.toString());
          assertThat(byEmail.toString()).doesNotContain("example.com");

          JsonNode byProfile = answer(send(client, "DELETE", "/v1/profiles/p-a", null, ADMIN), 202);
          assertThat(byProfile.get("profile_id").asText()).isEqualTo("p-a");
          assertThat(byProfile.get("identifier_type").isNull()).isTrue();

          JsonNode followed = answer(send(client, "GET", location, null, ADMIN), 200);
          assertThat(followed.get("request_id").asText()).isEqualTo(id);
          assertThat(followed.toString()).doesNotContain("example.com");

          ErasureQueue queue =
              new ErasureQueue(fixture.connection().client(), SegmentFixture.INDICES);
          List<ErasureQueue.Request> waiting = queue.received(10);
          assertThat(waiting).extracting(ErasureQueue.Request::requestId).contains(id);
          assertThat(
                  waiting.stream()
                      .filter(r -> r.requestId().equals(id))
                      .findFirst()
                      .orElseThrow()
                      .identifierValue())
              .isEqualTo("ann@example.com");

          JsonNode first =
              answer(send(client, "GET", "/v1/privacy/erasures?limit=1", null, ADMIN), 200);
          assertThat(first.get("erasures")).hasSize(1);
          JsonNode second =
              answer(
                  send(
                      client,
                      "GET",
                      "/v1/privacy/erasures?limit=1&cursor=" + first.get("next_cursor").asText(),
                      null,
                      ADMIN),
                  200);
          assertThat(second.get("erasures")).hasSize(1);
          assertThat(second.get("erasures").get(0).get("request_id").asText())
              .isNotEqualTo(first.get("erasures").get(0).get("request_id").asText());
        });
  }

  @Test
  void badRequestsNameTheFieldAndOnlyAdminsMayErase() {
    fixture.test(
        (app, client) -> {
          JsonNode type =
              answer(
                  send(
                      client,
                      "POST",
                      "/v1/privacy/erasures",
                      "{\"identifier_type\": \"shoe_size\", \"value\": \"42\"}",
                      ADMIN),
                  400);
          assertThat(type.toString()).contains("identifier_type");
          JsonNode value =
              answer(
                  send(
                      client,
                      "POST",
                      "/v1/privacy/erasures",
                      "{\"identifier_type\": \"email\", \"value\": \"not-an-email\"}",
                      ADMIN),
                  400);
          assertThat(value.toString()).contains("value");
          JsonNode extra =
              answer(
                  send(
                      client,
                      "POST",
                      "/v1/privacy/erasures",
                      "{\"identifier_type\": \"email\", \"value\": \"a@b.co\", \"why\": \"x\"}",
                      ADMIN),
                  400);
          assertThat(extra.toString()).contains("why");
          answer(send(client, "DELETE", "/v1/profiles/p-nobody", null, ADMIN), 404);
          answer(send(client, "GET", "/v1/privacy/erasures/erasure-none", null, ADMIN), 404);
          assertThat(send(client, "DELETE", "/v1/profiles/p-b", null, MARKETER).code())
              .isEqualTo(403);
        });
  }
}
