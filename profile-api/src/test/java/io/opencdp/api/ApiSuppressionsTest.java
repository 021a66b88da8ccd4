package io.opencdp.api;

import static io.opencdp.api.ApiFixture.json;
import static io.opencdp.api.ApiSegmentsTest.send;
import static io.opencdp.api.SegmentFixture.ADMIN;
import static io.opencdp.api.SegmentFixture.AGENT;
import static io.opencdp.api.SegmentFixture.MARKETER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opencdp.api.testing.ElasticsearchExtension;
import io.opencdp.api.testing.EsTestCluster;
import java.io.IOException;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The suppression list routes against a real node: admins only, values kept as hashes. */
@ExtendWith(ElasticsearchExtension.class)
class ApiSuppressionsTest {
  /** {@code printf '%s' 'email:ann@example.com' | sha256sum}. */
  static final String ANN_KEY = "35f3b3170d36d0a179d1bf8e9cf8cfc364ca33bccbc6a94127b30f3d71b365e2";

  /** {@code printf '%s' 'phone:+15550100001' | sha256sum}. */
  static final String PHONE_KEY =
      "171a1e56bed2f7eb0ee7d2296b82a9b1202fc535116a557f48b5fbef575bc91c";

  private static SegmentFixture fixture;

  @BeforeAll
  static void open(EsTestCluster cluster) throws IOException {
    fixture = SegmentFixture.open(cluster);
    fixture
        .connection()
        .client()
        .indices()
        .delete(d -> d.index(SegmentFixture.INDICES.suppressionsIndex()).ignoreUnavailable(true));
  }

  @AfterAll
  static void close() {
    fixture.close();
  }

  private static String body(String type, String value, String reason) {
    return "{\"identifier_type\": \""
        + type
        + "\", \"value\": \""
        + value
        + "\", \"reason\": \""
        + reason
        + "\"}";
  }

  private static JsonNode answer(Response response, int status) {
    JsonNode body = json(response);
    assertThat(response.code()).as(body.toString()).isEqualTo(status);
    return body;
  }

  @Test
  void identifierIsAddedOnceListedByHashAndRemoved() {
    fixture.test(
        (app, client) -> {
          JsonNode added =
              answer(
                  send(
                      client,
                      "POST",
                      "/v1/suppressions",
                      body("email", " Ann@Example.COM ", "unsubscribe"),
                      ADMIN),
                  201);
          assertThat(added.get("identifier_type").asText()).isEqualTo("email");
          assertThat(added.get("value_hash").asText()).isEqualTo(ANN_KEY);
          assertThat(added.get("reason").asText()).isEqualTo("unsubscribe");
          assertThat(added.get("source").asText()).isEqualTo("api");
          assertThat(added.get("added_by").asText()).isEqualTo("seg-admin");
          assertThat(added.get("added_at").asText()).isEqualTo(SegmentFixture.NOW.toString());
          assertThat(added.toString()).doesNotContain("example.com");

          JsonNode again =
              answer(
                  send(
                      client,
                      "POST",
                      "/v1/suppressions",
                      body("email", "ann@example.com", "manual"),
                      ADMIN),
                  200);
          assertThat(again.get("reason").asText()).isEqualTo("unsubscribe");

          JsonNode phone =
              answer(
                  send(
                      client,
                      "POST",
                      "/v1/suppressions",
                      "{\"identifier_type\": \"phone\", \"value\": \"(555) 010-0001\", \"reason\":"
                          + " \"hard_bounce\", \"source\": \"bounce-feed\"}",
                      ADMIN),
                  201);
          assertThat(phone.get("value_hash").asText()).isEqualTo(PHONE_KEY);
          assertThat(phone.get("source").asText()).isEqualTo("bounce-feed");

          JsonNode first =
              answer(send(client, "GET", "/v1/suppressions?limit=1", null, ADMIN), 200);
          assertThat(first.get("suppressions")).hasSize(1);
          JsonNode second =
              answer(
                  send(
                      client,
                      "GET",
                      "/v1/suppressions?limit=1&cursor=" + first.get("next_cursor").asText(),
                      null,
                      ADMIN),
                  200);
          assertThat(second.get("suppressions")).hasSize(1);
          assertThat(
                  first.get("suppressions").get(0).get("value_hash").asText()
                      + second.get("suppressions").get(0).get("value_hash").asText())
              .contains(ANN_KEY, PHONE_KEY);

          Response removed =
              send(client, "DELETE", "/v1/suppressions/email/ANN%40example.com", null, ADMIN);
          assertThat(removed.code()).isEqualTo(204);
          JsonNode gone =
              answer(
                  send(client, "DELETE", "/v1/suppressions/email/ann@example.com", null, ADMIN),
                  404);
          assertThat(gone.get("code").asText()).isEqualTo("not_found");
          assertThat(
                  send(client, "DELETE", "/v1/suppressions/phone/+15550100001", null, ADMIN).code())
              .isEqualTo(204);
        });
  }

  @Test
  void plusOfAnInternationalNumberInThePathIsKept() {
    fixture.test(
        (app, client) -> {
          answer(
              send(
                  client,
                  "POST",
                  "/v1/suppressions",
                  body("phone", "+44 7700 900123", "spam_report"),
                  ADMIN),
              201);
          assertThat(
                  send(client, "DELETE", "/v1/suppressions/phone/+447700900123", null, ADMIN)
                      .code())
              .isEqualTo(204);
        });
  }

  @Test
  void badRequestsAre400sNamingTheField() {
    fixture.test(
        (app, client) -> {
          assertParameter(
              send(client, "POST", "/v1/suppressions", body("email", "a@b.test", "spam"), ADMIN),
              "reason");
          assertParameter(
              send(client, "POST", "/v1/suppressions", body("ssn", "1", "manual"), ADMIN),
              "identifier_type");
          assertParameter(
              send(client, "POST", "/v1/suppressions", body("email", "not-mail", "manual"), ADMIN),
              "value");
          assertParameter(
              send(
                  client,
                  "POST",
                  "/v1/suppressions",
                  "{\"identifier_type\": \"email\", \"value\": \"a@b.test\", \"reason\":"
                      + " \"manual\", \"why\": \"x\"}",
                  ADMIN),
              "why");
          assertParameter(
              send(
                  client,
                  "POST",
                  "/v1/suppressions",
                  "{\"identifier_type\": \"email\", \"value\": 5, \"reason\": \"manual\"}",
                  ADMIN),
              "value");
          assertParameter(
              send(client, "POST", "/v1/suppressions", "{\"identifier_type\": \"email\"}", ADMIN),
              "value");
          assertParameter(
              send(client, "GET", "/v1/suppressions?cursor=nope", null, ADMIN), "cursor");
          assertParameter(send(client, "GET", "/v1/suppressions?limit=0", null, ADMIN), "limit");
          assertParameter(
              send(client, "DELETE", "/v1/suppressions/fax/123", null, ADMIN), "identifier_type");
        });
  }

  @Test
  void onlyAdminsManageTheList() {
    fixture.test(
        (app, client) -> {
          for (String key : new String[] {MARKETER, AGENT}) {
            assertThat(
                    send(
                            client,
                            "POST",
                            "/v1/suppressions",
                            body("email", "m@example.com", "manual"),
                            key)
                        .code())
                .isEqualTo(403);
            assertThat(send(client, "GET", "/v1/suppressions", null, key).code()).isEqualTo(403);
            assertThat(
                    send(client, "DELETE", "/v1/suppressions/email/m@example.com", null, key)
                        .code())
                .isEqualTo(403);
          }
        });
  }

  private static void assertParameter(Response response, String parameter) {
    JsonNode body = answer(response, 400);
    assertThat(body.get("parameter").asText()).as(body.toString()).isEqualTo(parameter);
    assertThat(body.get("code").asText()).isEqualTo("bad_argument");
  }
}
