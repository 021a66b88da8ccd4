package io.opencdp.api;

import static io.opencdp.api.ApiFixture.ADMIN;
import static io.opencdp.api.ApiFixture.AGENT;
import static io.opencdp.api.ApiFixture.MARKETER;
import static io.opencdp.api.ApiFixture.OTHER_WORKSPACE_ADMIN;
import static io.opencdp.api.ApiFixture.bearer;
import static io.opencdp.api.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.opencdp.api.export.ExportFixture;
import io.opencdp.api.testing.ElasticsearchExtension;
import io.opencdp.api.testing.EsTestCluster;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.segment.ProfileFields;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route against every kind of caller (no key, unknown key, each role, another workspace),
 * over the seeded store, so an admitted caller gets the route's real answer.
 */
@ExtendWith(ElasticsearchExtension.class)
class ApiAccessTest {
  /**
   * A request per route ("METHOD path") that succeeds for a caller the route admits; {@code
   * {segment}} in the path is a segment saved just before.
   */
  private record Call(String method, String path, String body) {
    Call(String path, String body) {
      this(body == null ? "GET" : "POST", path, body);
    }
  }

  private static final String SEGMENT =
      "{\"name\": \"access\", \"condition\": {\"field\": \"country\", \"op\": \"eq\","
          + " \"value\": \"US\"}}";

  private static final Map<String, Call> REQUESTS =
      Map.ofEntries(
          Map.entry("GET /healthz", new Call("/healthz", null)),
          Map.entry("GET /readyz", new Call("/readyz", null)),
          Map.entry("GET /metrics", new Call("/metrics", null)),
          Map.entry("GET /openapi.json", new Call("/openapi.json", null)),
          Map.entry("GET /v1/profiles/search", new Call("/v1/profiles/search?q=jane", null)),
          Map.entry("GET /v1/profiles/{id}", new Call("/v1/profiles/p-jane", null)),
          Map.entry("GET /v1/profiles", new Call("/v1/profiles?email=jane.doe@example.com", null)),
          Map.entry("GET /v1/profiles/{id}/events", new Call("/v1/profiles/p-jane/events", null)),
          Map.entry(
              "GET /v1/profiles/{id}/identity", new Call("/v1/profiles/p-jane/identity", null)),
          Map.entry("GET /v1/profiles/{id}/consent", new Call("/v1/profiles/p-jane/consent", null)),
          Map.entry("GET /v1/profiles/{id}/export", new Call("/v1/profiles/p-jane/export", null)),
          Map.entry(
              "POST /v1/profiles/{id}/split",
              new Call(
                  "/v1/profiles/p-jane/split",
                  "{\"identifiers\":[{\"type\":\"device_id\",\"value\":\"dev-1\"}],"
                      + "\"reason\":\"access test\"}")),
          Map.entry(
              "POST /v1/identity/never-link",
              new Call(
                  "/v1/identity/never-link",
                  "{\"left\":{\"type\":\"email\",\"value\":\"a@example.com\"},"
                      + "\"right\":{\"type\":\"customer_id\",\"value\":\"C-9\"},"
                      + "\"reason\":\"access test\"}")),
          Map.entry("POST /v1/segments", new Call("/v1/segments", SEGMENT)),
          Map.entry("GET /v1/segments", new Call("/v1/segments", null)),
          Map.entry("POST /v1/segments/preview", new Call("/v1/segments/preview", SEGMENT)),
          Map.entry("GET /v1/segments/{id}", new Call("/v1/segments/{segment}", null)),
          Map.entry("PUT /v1/segments/{id}", new Call("PUT", "/v1/segments/{segment}", SEGMENT)),
          Map.entry("DELETE /v1/segments/{id}", new Call("DELETE", "/v1/segments/{segment}", null)),
          Map.entry("GET /v1/segments/{id}/count", new Call("/v1/segments/{segment}/count", null)),
          Map.entry(
              "GET /v1/segments/{id}/members", new Call("/v1/segments/{segment}/members", null)),
          Map.entry(
              "POST /v1/segments/{id}/exports",
              new Call("/v1/segments/{segment}/exports", "{\"format\": \"google\"}")),
          Map.entry(
              "GET /v1/segments/{id}/exports/{export_id}",
              new Call("/v1/segments/{segment}/exports/{export}", null)),
          Map.entry(
              "GET /v1/segments/{id}/exports/{export_id}/files/{kind}",
              new Call("/v1/segments/{segment}/exports/{export}/files/members", null)),
          Map.entry(
              "POST /v1/suppressions",
              new Call(
                  "/v1/suppressions",
                  "{\"identifier_type\":\"email\",\"value\":\"{unique}@example.com\","
                      + "\"reason\":\"manual\"}")),
          Map.entry("GET /v1/suppressions", new Call("/v1/suppressions", null)),
          Map.entry("DELETE /v1/profiles/{id}", new Call("DELETE", "/v1/profiles/p-jane", null)),
          Map.entry(
              "POST /v1/privacy/erasures",
              new Call(
                  "/v1/privacy/erasures",
                  "{\"identifier_type\":\"email\",\"value\":\"{unique}@example.com\"}")),
          Map.entry("GET /v1/privacy/erasures", new Call("/v1/privacy/erasures", null)),
          Map.entry(
              "GET /v1/privacy/erasures/{request_id}",
              new Call("/v1/privacy/erasures/{erasure}", null)),
          Map.entry("GET /v1/audit", new Call("/v1/audit", null)),
          Map.entry(
              "DELETE /v1/suppressions/{identifier_type}/{value}",
              new Call("DELETE", "/v1/suppressions/email/{suppressed}", null)));

  private static StoreTestSupport store;

  @BeforeAll
  static void seed(EsTestCluster cluster) {
    store = StoreTestSupport.open(cluster);
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @TempDir static Path exportsDir;

  /** The segment id and export id the export routes read, made on the first need. */
  private static String[] exported;

  /** The API over the store, its exports with the test layout (the platform ones are elsewhere). */
  private static ApiServer server() {
    return new ApiServer(
        ApiFixture.config(),
        StoreFixture.WORKSPACE,
        ProfileFields.builtIn(),
        CdpConfig.defaults().segments(),
        Clock.systemUTC(),
        new ApiFixture.FixedReadiness("green"),
        store.connection(),
        ExportFixture.testExports(store.connection(), StoreFixture.INDICES, exportsDir));
  }

  private static String key(ApiRoute route) {
    return route.method().name() + " " + route.path();
  }

  private static Response send(HttpClient client, ApiRoute route, String key) {
    Call call = REQUESTS.get(key(route));
    String path = call.path();
    if (path.contains("{export}")) {
      // the export routes only read: one segment with one finished export serves every call
      if (exported == null) {
        String id =
            json(ApiFixture.post(client, "/v1/segments", SEGMENT, ADMIN))
                .get("segment_id")
                .asText();
        exported = new String[] {id, succeededExport(client, id)};
      }
      path = path.replace("{segment}", exported[0]).replace("{export}", exported[1]);
    }
    if (path.contains("{segment}")) {
      String id =
          json(ApiFixture.post(client, "/v1/segments", SEGMENT, ADMIN)).get("segment_id").asText();
      path = path.replace("{segment}", id);
    }
    if (path.contains("{suppressed}")) {
      String email = UUID.randomUUID() + "@example.com";
      ApiFixture.post(
          client,
          "/v1/suppressions",
          "{\"identifier_type\":\"email\",\"value\":\"" + email + "\",\"reason\":\"manual\"}",
          ADMIN);
      path = path.replace("{suppressed}", email);
    }
    if (path.contains("{erasure}")) {
      String id =
          json(ApiFixture.post(
                  client,
                  "/v1/privacy/erasures",
                  "{\"identifier_type\":\"customer_id\",\"value\":\"C-erase\"}",
                  ADMIN))
              .get("request_id")
              .asText();
      path = path.replace("{erasure}", id);
    }
    // a new identifier each time, so that adding one answers 201, not 200
    String body =
        call.body() == null ? null : call.body().replace("{unique}", UUID.randomUUID().toString());
    if (call.method().equals("POST")) {
      return ApiFixture.post(client, path, body, key);
    }
    String target = path;
    return client.request(
        target,
        req -> {
          req.method(
              call.method(),
              call.body() == null
                  ? null
                  : RequestBody.create(call.body(), MediaType.get("application/json")));
          if (key != null) {
            bearer(key).accept(req);
          }
        });
  }

  /** The id of a finished export of segment {@code id}. */
  private static String succeededExport(HttpClient client, String id) {
    String status =
        json(ApiFixture.post(
                client, "/v1/segments/" + id + "/exports", "{\"format\": \"google\"}", ADMIN))
            .get("status_url")
            .asText();
    for (int i = 0; i < 300; i++) {
      JsonNode record = json(client.request(status, bearer(ADMIN)::accept));
      if (record.get("status").asText().equals("succeeded")) {
        return record.get("export_id").asText();
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("export did not succeed: " + status);
  }

  @Test
  void everyRouteOfTheTableHasARequestHere() {
    try (ApiServer server = server()) {
      assertThat(server.routes())
          .extracting(ApiAccessTest::key)
          .containsExactlyInAnyOrderElementsOf(REQUESTS.keySet());
    }
  }

  @Test
  void everyRouteButHealthRefusesRequestsWithoutAKey() {
    ApiServer server = server();
    JavalinTest.test(
        server.app(),
        (app, client) -> {
          for (ApiRoute route : server.routes()) {
            Response response = send(client, route, null);
            if (route.needsKey()) {
              assertThat(response.code()).as(key(route)).isEqualTo(401);
              assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
              assertThat(json(response).get("code").asText()).isEqualTo("unauthenticated");
            } else {
              assertThat(response.code()).as(key(route)).isEqualTo(200);
            }
          }
        });
  }

  @Test
  void unknownKeyIsRefusedOnEveryKeyedRoute() {
    ApiServer server = server();
    JavalinTest.test(
        server.app(),
        (app, client) -> {
          for (ApiRoute route : server.routes()) {
            if (route.needsKey()) {
              Response response = send(client, route, "not-a-key");
              assertThat(response.code()).as(key(route)).isEqualTo(401);
              assertThat(json(response).get("detail").asText()).doesNotContain("not-a-key");
            }
          }
        });
  }

  @Test
  void eachRoleGetsExactlyTheRoutesTheTableGivesIt() {
    ApiServer server = server();
    Map<ApiRole, String> keys =
        Map.of(ApiRole.AGENT, AGENT, ApiRole.MARKETER, MARKETER, ApiRole.ADMIN, ADMIN);
    JavalinTest.test(
        server.app(),
        (app, client) -> {
          for (ApiRoute route : server.routes()) {
            for (Map.Entry<ApiRole, String> key : keys.entrySet()) {
              Response response = send(client, route, key.getValue());
              boolean admitted =
                  route.roles().contains(key.getKey()) || route.roles().contains(ApiRole.ANYONE);
              int expected = admitted ? route.success() : 403;
              assertThat(response.code()).as(key.getKey() + " " + key(route)).isEqualTo(expected);
            }
          }
        });
  }

  @Test
  void identityGraphIsForAgentsAndAdminsOnly() {
    try (ApiServer server = server()) {
      ApiRoute identity =
          server.routes().stream()
              .filter(r -> r.path().equals("/v1/profiles/{id}/identity"))
              .findFirst()
              .orElseThrow();
      ApiRoute split =
          server.routes().stream()
              .filter(r -> r.path().equals("/v1/profiles/{id}/split"))
              .findFirst()
              .orElseThrow();

      assertThat(identity.roles()).containsExactlyInAnyOrder(ApiRole.AGENT, ApiRole.ADMIN);
      assertThat(split.roles()).containsExactly(ApiRole.ADMIN);
    }
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
