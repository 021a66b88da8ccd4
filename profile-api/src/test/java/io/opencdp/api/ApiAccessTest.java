package io.opencdp.api;

import static io.opencdp.api.ApiFixture.ADMIN;
import static io.opencdp.api.ApiFixture.AGENT;
import static io.opencdp.api.ApiFixture.MARKETER;
import static io.opencdp.api.ApiFixture.OTHER_WORKSPACE_ADMIN;
import static io.opencdp.api.ApiFixture.bearer;
import static io.opencdp.api.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.util.List;
import java.util.Map;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** Every route against every kind of caller: no key, unknown key, each role, another workspace. */
class ApiAccessTest {
  /** A request per route that succeeds for a caller the route admits. */
  private static final Map<String, String> REQUESTS =
      Map.of(
          "/healthz", "/healthz",
          "/readyz", "/readyz",
          "/metrics", "/metrics",
          "/openapi.json", "/openapi.json",
          "/v1/profiles/{id}", "/v1/profiles/p-1",
          "/v1/profiles", "/v1/profiles?email=jane@example.com");

  /** What a caller the route admits gets (the profile placeholder answers 404). */
  private static final Map<String, Integer> ADMITTED_STATUS = Map.of("/v1/profiles/{id}", 404);

  @Test
  void everyRouteOfTheTableHasARequestHere() {
    try (ApiServer server = ApiFixture.server("green")) {
      assertThat(server.routes())
          .extracting(ApiRoute::path)
          .containsExactlyInAnyOrderElementsOf(REQUESTS.keySet());
    }
  }

  @Test
  void everyRouteButHealthRefusesRequestsWithoutAKey() {
    ApiServer server = ApiFixture.server("green");
    JavalinTest.test(
        server.app(),
        (app, client) -> {
          for (ApiRoute route : server.routes()) {
            Response response = client.get(REQUESTS.get(route.path()));
            if (route.needsKey()) {
              assertThat(response.code()).as(route.path()).isEqualTo(401);
              assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
              assertThat(json(response).get("code").asText()).isEqualTo("unauthenticated");
            } else {
              assertThat(response.code()).as(route.path()).isEqualTo(200);
            }
          }
        });
  }

  @Test
  void unknownKeyIsRefusedOnEveryKeyedRoute() {
    ApiServer server = ApiFixture.server("green");
    JavalinTest.test(
        server.app(),
        (app, client) -> {
          for (ApiRoute route : server.routes()) {
            if (route.needsKey()) {
              Response response = client.get(REQUESTS.get(route.path()), bearer("not-a-key"));
              assertThat(response.code()).as(route.path()).isEqualTo(401);
              assertThat(json(response).get("detail").asText()).doesNotContain("not-a-key");
            }
          }
        });
  }

  @Test
  void eachRoleGetsExactlyTheRoutesTheTableGivesIt() {
    ApiServer server = ApiFixture.server("green");
    Map<ApiRole, String> keys =
        Map.of(ApiRole.AGENT, AGENT, ApiRole.MARKETER, MARKETER, ApiRole.ADMIN, ADMIN);
    JavalinTest.test(
        server.app(),
        (app, client) -> {
          for (ApiRoute route : server.routes()) {
            for (Map.Entry<ApiRole, String> key : keys.entrySet()) {
              Response response = client.get(REQUESTS.get(route.path()), bearer(key.getValue()));
              boolean admitted =
                  route.roles().contains(key.getKey()) || route.roles().contains(ApiRole.ANYONE);
              int expected = admitted ? ADMITTED_STATUS.getOrDefault(route.path(), 200) : 403;
              assertThat(response.code()).as(key.getKey() + " " + route.path()).isEqualTo(expected);
            }
          }
        });
  }

  @Test
  void wrongRoleIsForbiddenWithAProblemNamingTheRoles() {
    JavalinTest.test(
        ApiFixture.server("green").app(),
        (app, client) -> {
          Response response = client.get("/metrics", bearer(AGENT));
          JsonNode body = json(response);

          assertThat(response.code()).isEqualTo(403);
          assertThat(body.get("code").asText()).isEqualTo("forbidden");
          assertThat(body.get("detail").asText())
              .contains("key 'agent' has role agent")
              .contains("needs one of: admin");
        });
  }

  @Test
  void keyOfAnotherWorkspaceIsForbidden() {
    JavalinTest.test(
        ApiFixture.server("green").app(),
        (app, client) -> {
          for (String path :
              List.of("/openapi.json", "/metrics", "/v1/profiles?phone=5550102000")) {
            Response response = client.get(path, bearer(OTHER_WORKSPACE_ADMIN));
            assertThat(response.code()).as(path).isEqualTo(403);
            assertThat(json(response).get("code").asText()).isEqualTo("forbidden");
          }
        });
  }

  @Test
  void askingForAnotherWorkspaceIsForbidden() {
    JavalinTest.test(
        ApiFixture.server("green").app(),
        (app, client) -> {
          Response other =
              client.get(
                  "/openapi.json",
                  req -> req.header("X-Api-Key", ADMIN).header("X-Workspace", "brand_b"));
          Response own =
              client.get(
                  "/openapi.json",
                  req -> req.header("X-Api-Key", ADMIN).header("X-Workspace", "default"));

          assertThat(other.code()).isEqualTo(403);
          assertThat(json(other).get("parameter").asText()).isEqualTo("X-Workspace");
          assertThat(own.code()).isEqualTo(200);
        });
  }

  @Test
  void keyIsAcceptedAsBearerTokenOrApiKeyHeader() {
    JavalinTest.test(
        ApiFixture.server("green").app(),
        (app, client) -> {
          assertThat(client.get("/openapi.json", bearer(AGENT)).code()).isEqualTo(200);
          assertThat(client.get("/openapi.json", req -> req.header("X-Api-Key", AGENT)).code())
              .isEqualTo(200);
          assertThat(
                  client
                      .get("/openapi.json", req -> req.header("Authorization", "Basic " + AGENT))
                      .code())
              .isEqualTo(401);
        });
  }
}
