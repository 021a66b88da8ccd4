package io.opencdp.api;

import static io.opencdp.api.ApiFixture.bearer;
import static io.opencdp.api.ApiFixture.json;
import static io.opencdp.api.StoreFixture.JANE;
import static io.opencdp.api.StoreFixture.JANE_ALIAS;
import static io.opencdp.api.StoreFixture.JANE_EMAIL;
import static io.opencdp.api.StoreFixture.JOHN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.TestCase;
import io.opencdp.api.testing.ElasticsearchExtension;
import io.opencdp.api.testing.EsTestCluster;
import io.opencdp.schemas.config.ApiConfig;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.segment.ProfileFields;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit log against the seeded store: profile reads by keys that see personal data and privacy
 * operations land in {@code cdp-default-audit} (written asynchronously), queryable by admins with
 * {@code GET /v1/audit}. Keys of their own ({@code audit-*}), since other classes' servers write to
 * the same index.
 */
@ExtendWith(ElasticsearchExtension.class)
class ApiAuditTest {
  private static final String AGENT = "audit-agent-key-0123456789";
  private static final String MARKETER = "audit-marketer-key-0123456789";
  private static final String ADMIN = "audit-admin-key-0123456789";
  private static StoreTestSupport store;
  private static Path work;

  @BeforeAll
  static void seed(EsTestCluster cluster) throws Exception {
    store = StoreTestSupport.open(cluster);
    work = Files.createTempDirectory("api-audit");
  }

  @AfterAll
  static void close() {
    store.close();
  }

  private static ApiConfig config() {
    return ApiFixture.config()
        .withKeys(
            List.of(
                ApiFixture.key("audit-agent", AGENT, ApiConfig.Role.AGENT, ApiFixture.WORKSPACE),
                ApiFixture.key(
                    "audit-marketer", MARKETER, ApiConfig.Role.MARKETER, ApiFixture.WORKSPACE),
                ApiFixture.key("audit-admin", ADMIN, ApiConfig.Role.ADMIN, ApiFixture.WORKSPACE)));
  }

  /** Runs {@code test} on a server whose profile reads are audited when {@code piiReads}. */
  private static void test(boolean piiReads, TestCase test) {
    CdpConfig defaults = CdpConfig.defaults();
    ProfileFields fields = ProfileFields.builtIn();
    ApiServer server =
        new ApiServer(
            config(),
            ApiFixture.WORKSPACE,
            fields,
            defaults.segments(),
            Clock.systemUTC(),
            new ApiFixture.FixedReadiness("green"),
            store.connection(),
            ApiServer.exports(
                store.connection(),
                ApiFixture.WORKSPACE,
                fields,
                defaults.segments(),
                defaults.exports(),
                work,
                Clock.systemUTC()),
            piiReads);
    try {
      JavalinTest.test(server.app(), test);
    } finally {
      server.audit().close();
    }
  }

  /**
   * The entries of {@code query} ({@code GET /v1/audit} with the admin key), once at least {@code
   * expected} are there: entries are written after the answer, off the request thread.
   */
  private static List<JsonNode> entries(HttpClient client, String query, int expected)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      new AuditIndex(store.connection().client(), StoreFixture.INDICES).refresh();
      Response response = client.get("/v1/audit?" + query, bearer(ADMIN));
      JsonNode body = json(response);
      assertThat(response.code()).as(body.toString()).isEqualTo(200);
      List<JsonNode> list = new ArrayList<>();
      body.get("entries").forEach(list::add);
      if (list.size() >= expected || System.nanoTime() > deadline) {
        return list;
      }
      Thread.sleep(50);
    }
  }

  @Test
  void profileReadsOfAnAgentAreLoggedPerProfileWithTheRouteTemplateAndAMarketersAreNot() {
    test(
        true,
        (app, client) -> {
          Response byId = client.get("/v1/profiles/" + JANE_ALIAS, bearer(AGENT));
          assertThat(byId.code()).isEqualTo(200);
          String requestId = byId.header(AuditLog.REQUEST_ID_HEADER);
          assertThat(requestId).isNotBlank();
          assertThat(
                  client
                      .get(
                          "/v1/profiles?phone=" + StoreFixture.HOUSEHOLD_PHONE,
                          req -> bearer(AGENT).accept(req.header("X-Request-Id", "lookup-1")))
                      .code())
              .isEqualTo(200);
          assertThat(client.get("/v1/profiles?email=" + JANE_EMAIL, bearer(AGENT)).code())
              .isEqualTo(200);
          assertThat(client.get("/v1/profiles/" + JANE + "/events", bearer(AGENT)).code())
              .isEqualTo(200);
          assertThat(client.get("/v1/profiles/" + JOHN + "/identity", bearer(AGENT)).code())
              .isEqualTo(200);
          assertThat(client.get("/v1/profiles/p-nobody/events", bearer(AGENT)).code())
              .isEqualTo(404);
          assertThat(client.get("/v1/profiles?email=nobody@example.com", bearer(AGENT)).code())
              .isEqualTo(200);
          assertThat(client.get("/v1/profiles/" + JANE, bearer(MARKETER)).code()).isEqualTo(200);

          List<JsonNode> agent = entries(client, "actor=audit-agent&limit=100", 7);
          assertThat(agent)
              .extracting(
                  e ->
                      e.get("route").asText()
                          + " "
                          + e.get("profile_id").asText()
                          + " "
                          + e.get("status").asInt())
              .containsExactlyInAnyOrder(
                  "GET /v1/profiles/{id} " + JANE + " 200",
                  "GET /v1/profiles " + JANE + " 200",
                  "GET /v1/profiles " + JOHN + " 200",
                  "GET /v1/profiles " + JANE + " 200",
                  "GET /v1/profiles/{id}/events " + JANE + " 200",
                  "GET /v1/profiles/{id}/identity " + JOHN + " 200",
                  "GET /v1/profiles/{id}/events p-nobody 404");
          assertThat(agent)
              .allSatisfy(
                  e -> {
                    assertThat(e.get("action").asText()).isEqualTo("profile_read");
                    assertThat(e.get("role").asText()).isEqualTo("agent");
                    assertThat(e.get("audit_id").asText()).startsWith("aud-");
                    assertThat(e.toString()).doesNotContain(JANE_EMAIL).doesNotContain("+1555");
                  });
          assertThat(agent)
              .filteredOn(e -> e.get("route").asText().equals("GET /v1/profiles/{id}"))
              .singleElement()
              .satisfies(e -> assertThat(e.get("request_id").asText()).isEqualTo(requestId));
          assertThat(agent)
              .filteredOn(e -> e.get("request_id").asText().equals("lookup-1"))
              .hasSize(2);
          // newest first
          assertThat(agent)
              .extracting(e -> e.get("at").asText())
              .isSortedAccordingTo((a, b) -> b.compareTo(a));

          assertThat(entries(client, "actor=audit-marketer", 0)).isEmpty();
        });
  }

  @Test
  void privacyOperationsAreLoggedEvenWhenProfileReadsAreNot() {
    test(
        false,
        (app, client) -> {
          assertThat(client.get("/v1/profiles/" + JANE, bearer(ADMIN)).code()).isEqualTo(200);
          Response added =
              ApiFixture.post(
                  client,
                  "/v1/suppressions",
                  "{\"identifier_type\": \"email\", \"value\": \"audit@example.com\","
                      + " \"reason\": \"manual\"}",
                  ADMIN);
          assertThat(added.code()).isIn(200, 201);

          List<JsonNode> admin = entries(client, "actor=audit-admin&action=suppression_added", 1);
          assertThat(admin)
              .singleElement()
              .satisfies(
                  e -> {
                    assertThat(e.get("route").asText()).isEqualTo("POST /v1/suppressions");
                    assertThat(e.has("profile_id")).isFalse();
                    assertThat(e.get("status").asInt()).isEqualTo(added.code());
                  });
          assertThat(entries(client, "actor=audit-admin&action=profile_read", 0)).isEmpty();
          // reading the audit log is itself logged
          assertThat(entries(client, "actor=audit-admin&action=audit_read", 1)).isNotEmpty();
        });
  }

  @Test
  void theAuditRouteIsForAdminsPagesAndNamesABadParameter() {
    test(
        true,
        (app, client) -> {
          for (int i = 0; i < 3; i++) {
            assertThat(client.get("/v1/profiles/" + JOHN, bearer(AGENT)).code()).isEqualTo(200);
          }
          entries(client, "actor=audit-agent&profile_id=" + JOHN, 3);
          JsonNode first =
              json(
                  client.get(
                      "/v1/audit?actor=audit-agent&profile_id=" + JOHN + "&limit=2",
                      bearer(ADMIN)));
          assertThat(first.get("entries")).hasSize(2);
          String cursor = first.get("next_cursor").asText();
          JsonNode second =
              json(
                  client.get(
                      "/v1/audit?actor=audit-agent&profile_id="
                          + JOHN
                          + "&limit=2&cursor="
                          + cursor,
                      bearer(ADMIN)));
          assertThat(second.get("entries")).isNotEmpty();
          assertThat(second.get("entries").get(0).get("audit_id").asText())
              .isNotEqualTo(first.get("entries").get(1).get("audit_id").asText());

          assertThat(client.get("/v1/audit", bearer(AGENT)).code()).isEqualTo(403);
          for (String[] bad :
              new String[][] {
                {"limit=0", "limit"},
                {"from=yesterday", "from"},
                {"from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", "to"},
                {"action=Profile-Read", "action"},
                {"profile_id=%20x", "profile_id"},
                {"cursor=nope", "cursor"},
                {"email=jane.doe@example.com", "email"}
              }) {
            Response response = client.get("/v1/audit?" + bad[0], bearer(ADMIN));
            JsonNode body = json(response);
            assertThat(response.code()).as(bad[0]).isEqualTo(400);
            assertThat(body.get("parameter").asText()).as(bad[0]).isEqualTo(bad[1]);
          }
        });
  }
}
