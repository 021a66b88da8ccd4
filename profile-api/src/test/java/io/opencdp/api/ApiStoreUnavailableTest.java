package io.opencdp.api;

import static io.opencdp.api.ApiFixture.ADMIN;
import static io.opencdp.api.ApiFixture.OTHER_WORKSPACE_ADMIN;
import static io.opencdp.api.ApiFixture.bearer;
import static io.opencdp.api.ApiFixture.json;
import static io.opencdp.api.ApiFixture.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import io.opencdp.api.store.EsConnection;
import io.opencdp.api.testing.ElasticsearchExtension;
import io.opencdp.api.testing.EsTestCluster;
import java.util.List;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Elasticsearch down (a closed port): every route that reads the store answers 503 {@code
 * elasticsearch_unavailable}; a workspace with nothing indexed yet: 404 for a profile, empty lists
 * for lookups and search, never a 500.
 */
@ExtendWith(ElasticsearchExtension.class)
class ApiStoreUnavailableTest {
  private static final List<String> READS =
      List.of(
          "/v1/profiles/p-jane",
          "/v1/profiles?email=jane.doe@example.com",
          "/v1/profiles?order_id=O-1001",
          "/v1/profiles/search?q=jane",
          "/v1/profiles/p-jane/events",
          "/v1/profiles/p-jane/identity",
          "/v1/segments",
          "/v1/segments/seg-vip",
          "/v1/segments/seg-vip/count",
          "/v1/segments/seg-vip/members");

  @Test
  void everyStoreRouteIsA503WhileElasticsearchIsDown() {
    JavalinTest.test(
        ApiFixture.server(null).app(),
        (app, client) -> {
          assertThat(client.get("/healthz").code()).isEqualTo(200);
          for (String path : READS) {
            expect503(client.get(path, bearer(ADMIN)), path);
          }
          expect503(
              post(
                  client,
                  "/v1/identity/never-link",
                  "{\"left\":{\"type\":\"email\",\"value\":\"a@example.com\"},"
                      + "\"right\":{\"type\":\"customer_id\",\"value\":\"C-9\"},"
                      + "\"reason\":\"x\"}",
                  ADMIN),
              "never-link");
        });
  }

  private static void expect503(Response response, String what) {
    JsonNode body = json(response);
    assertThat(response.code()).as(what).isEqualTo(503);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(body.get("code").asText()).isEqualTo("elasticsearch_unavailable");
    assertThat(body.get("detail").asText()).doesNotContain("127.0.0.1").doesNotContain("Exception");
  }

  @Test
  void nothingIndexedYetFindsNothingInsteadOfFailing(EsTestCluster cluster) {
    try (EsConnection es = EsConnection.open(cluster.url(), 10_000)) {
      JavalinTest.test(
          ApiFixture.server("brand_b", es).app(),
          (app, client) -> {
            assertThat(client.get("/v1/profiles/p-jane", bearer(OTHER_WORKSPACE_ADMIN)).code())
                .isEqualTo(404);
            assertThat(
                    client.get("/v1/profiles/p-jane/events", bearer(OTHER_WORKSPACE_ADMIN)).code())
                .isEqualTo(404);
            assertThat(
                    client
                        .get("/v1/profiles/p-jane/identity", bearer(OTHER_WORKSPACE_ADMIN))
                        .code())
                .isEqualTo(404);
            for (String path :
                List.of(
                    "/v1/profiles?email=jane.doe@example.com",
                    "/v1/profiles?order_id=O-1001",
                    "/v1/profiles/search?q=jane")) {
              Response response = client.get(path, bearer(OTHER_WORKSPACE_ADMIN));
              assertThat(response.code()).as(path).isEqualTo(200);
              assertThat(json(response).get("profiles")).as(path).isEmpty();
            }
            Response segments = client.get("/v1/segments", bearer(OTHER_WORKSPACE_ADMIN));
            assertThat(segments.code()).isEqualTo(200);
            assertThat(json(segments).get("segments")).isEmpty();
            Response preview =
                post(
                    client,
                    "/v1/segments/preview",
                    "{\"name\": \"p\", \"condition\": {\"has_identifier\": \"email\"}}",
                    OTHER_WORKSPACE_ADMIN);
            assertThat(preview.code()).isEqualTo(200);
            assertThat(json(preview).get("count").asLong()).isZero();
          });
    }
  }
}
