package io.opencdp.api;

import static io.opencdp.api.ApiFixture.ADMIN;
import static io.opencdp.api.ApiFixture.AGENT;
import static io.opencdp.api.ApiFixture.MARKETER;
import static io.opencdp.api.ApiFixture.bearer;
import static io.opencdp.api.ApiFixture.json;
import static io.opencdp.api.ApiFixture.post;
import static io.opencdp.api.StoreFixture.JANE;
import static io.opencdp.api.StoreFixture.JANE_ALIAS;
import static io.opencdp.api.StoreFixture.JANE_EMAIL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.testtools.HttpClient;
import io.opencdp.api.testing.ElasticsearchExtension;
import io.opencdp.api.testing.EsTestCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The identity graph and the override routes, against the seeded store and the queue index. */
@ExtendWith(ElasticsearchExtension.class)
class ApiIdentityTest {
  private static StoreTestSupport store;

  @BeforeAll
  static void seed(EsTestCluster cluster) {
    store = StoreTestSupport.open(cluster);
  }

  @AfterAll
  static void close() {
    store.close();
  }

  private static JsonNode expect400(HttpClient client, String path, String body, String field) {
    Response response = post(client, path, body, ADMIN);
    JsonNode problem = json(response);
    assertThat(response.code()).as(body).isEqualTo(400);
    assertThat(problem.get("code").asText()).isEqualTo("bad_argument");
    if (field == null) {
      assertThat(problem.get("parameter").isNull()).as(body).isTrue();
    } else {
      assertThat(problem.get("parameter").asText()).as(body).isEqualTo(field);
    }
    return problem;
  }

  private static ObjectNode queued(String overrideId) throws Exception {
    return store
        .connection()
        .client()
        .get(g -> g.index(StoreFixture.INDICES.overridesIndex()).id(overrideId), ObjectNode.class)
        .source();
  }

  @Test
  void identityGraphSaysWhyTheIdentifiersAreOneProfile() {
    store.test(
        (app, client) -> {
          Response response = client.get("/v1/profiles/" + JANE_ALIAS + "/identity", bearer(AGENT));
          JsonNode body = json(response);

          assertThat(response.code()).isEqualTo(200);
          assertThat(body.get("profile_id").asText()).isEqualTo(JANE);
          assertThat(body.get("identifiers")).hasSize(6);
          assertThat(body.at("/links/0/first_event_id").asText()).isEqualTo("e-01");
          assertThat(body.at("/merges/0/alias_profile_id").asText()).isEqualTo(JANE_ALIAS);
          assertThat(body.at("/dropped_links/0/rule").asText()).isEqualTo("shared_identifier");
          assertThat(body.get("overrides").isArray()).isTrue();
          assertThat(body.get("pending_overrides").isArray()).isTrue();
        });
  }

  @Test
  void marketerMayNotSeeTheIdentityGraph() {
    store.test(
        (app, client) -> {
          Response response = client.get("/v1/profiles/" + JANE + "/identity", bearer(MARKETER));

          assertThat(response.code()).isEqualTo(403);
          assertThat(json(response).get("code").asText()).isEqualTo("forbidden");
        });
  }

  @Test
  void unknownProfileHasNoIdentityGraph() {
    store.test(
        (app, client) ->
            assertThat(client.get("/v1/profiles/p-nobody/identity", bearer(AGENT)).code())
                .isEqualTo(404));
  }

  @Test
  void neverLinkIsQueuedNormalizedAndShownAsPending() {
    store.test(
        (app, client) -> {
          Response response =
              post(
                  client,
                  "/v1/identity/never-link",
                  "{\"left\":{\"type\":\"email\",\"value\":\" Jane.Doe@Example.COM \"},"
                      + "\"right\":{\"type\":\"phone\",\"value\":\"(555) 010-7777\"},"
                      + "\"reason\":\"two people at one address\"}",
                  ADMIN);
          JsonNode body = json(response);

          assertThat(response.code()).isEqualTo(201);
          assertThat(body.get("takes_effect").asText()).isEqualTo("at the next cdp resolve run");
          String id = body.get("override_id").asText();
          assertThat(id).matches("ovr-\\d+-[0-9a-f]{8}");
          assertThat(body.get("kind").asText()).isEqualTo("never_link");
          assertThat(body.get("left_value").asText()).isEqualTo(JANE_EMAIL);
          assertThat(body.get("right_value").asText()).isEqualTo("+15550107777");
          assertThat(body.get("created_by").asText()).isEqualTo("admin");

          ObjectNode stored = queued(id);
          assertThat(stored.get("status").asText()).isEqualTo("pending");
          assertThat(stored.get("active").asBoolean()).isTrue();
          assertThat(stored.get("workspace_id").asText()).isEqualTo("default");
          assertThat(stored.get("reason").asText()).isEqualTo("two people at one address");

          JsonNode identity = json(client.get("/v1/profiles/" + JANE + "/identity", bearer(ADMIN)));
          List<String> pending = new ArrayList<>();
          identity
              .get("pending_overrides")
              .forEach(o -> pending.add(o.get("override_id").asText()));
          assertThat(pending).contains(id);
        });
  }

  @Test
  void splitOfAnAliasIsQueuedForTheSurvivorWithWhatStays() {
    store.test(
        (app, client) -> {
          Response response =
              post(
                  client,
                  "/v1/profiles/" + JANE_ALIAS + "/split",
                  "{\"identifiers\":[{\"type\":\"device_id\",\"value\":\"dev-1\"},"
                      + "{\"type\":\"anonymous_id\",\"value\":\" anon-1 \"}],"
                      + "\"reason\":\"shared tablet\"}",
                  ADMIN);
          JsonNode body = json(response);

          assertThat(response.code()).isEqualTo(201);
          assertThat(body.get("kind").asText()).isEqualTo("force_split");
          assertThat(body.get("profile_id").asText()).isEqualTo(JANE);
          assertThat(body.get("moved").findValuesAsText("value"))
              .containsExactly("dev-1", "anon-1");
          assertThat(body.get("kept").findValuesAsText("value"))
              .containsExactlyInAnyOrder(JANE_EMAIL, "C-1001", "L-77");
          assertThat(queued(body.get("override_id").asText()).get("profile_id").asText())
              .isEqualTo(JANE);
        });
  }

  @Test
  void splitRefusesIdentifiersThatAreNotTheProfilesOwnOrAllOfThem() {
    String path = "/v1/profiles/" + JANE + "/split";
    store.test(
        (app, client) -> {
          assertThat(
                  expect400(
                          client,
                          path,
                          "{\"identifiers\":[{\"type\":\"customer_id\",\"value\":\"C-1002\"}],"
                              + "\"reason\":\"x\"}",
                          "identifiers[0]")
                      .get("detail")
                      .asText())
              .contains("is not an identifier of profile p-jane");
          assertThat(
                  expect400(
                          client,
                          path,
                          "{\"identifiers\":[{\"type\":\"phone\",\"value\":\"+15550102000\"}],"
                              + "\"reason\":\"x\"}",
                          "identifiers[0]")
                      .get("detail")
                      .asText())
              .contains("unshared");
          expect400(
              client,
              path,
              "{\"identifiers\":["
                  + "{\"type\":\"email\",\"value\":\"jane.doe@example.com\"},"
                  + "{\"type\":\"customer_id\",\"value\":\"C-1001\"},"
                  + "{\"type\":\"loyalty_id\",\"value\":\"L-77\"},"
                  + "{\"type\":\"device_id\",\"value\":\"dev-1\"},"
                  + "{\"type\":\"anonymous_id\",\"value\":\"anon-1\"}],\"reason\":\"x\"}",
              "identifiers");
          expect400(client, path, "{\"identifiers\":[],\"reason\":\"x\"}", "identifiers");
          expect400(
              client,
              path,
              "{\"identifiers\":[{\"type\":\"ssn\",\"value\":\"1\"}],\"reason\":\"x\"}",
              "identifiers[0].type");
          Response unknown =
              post(
                  client,
                  "/v1/profiles/p-nobody/split",
                  "{\"identifiers\":[{\"type\":\"device_id\",\"value\":\"d\"}],\"reason\":\"x\"}",
                  ADMIN);
          assertThat(unknown.code()).isEqualTo(404);
        });
  }

  @Test
  void badNeverLinkBodiesAreA400NamingTheField() {
    String left = "\"left\":{\"type\":\"email\",\"value\":\"a@example.com\"}";
    String right = "\"right\":{\"type\":\"customer_id\",\"value\":\"C-9\"}";
    String reason = "\"reason\":\"why\"";
    Map<String, String> bodies =
        Map.of(
            "{" + right + "," + reason + "}", "left",
            "{\"left\":{\"type\":\"fax\",\"value\":\"1\"}," + right + "," + reason + "}",
                "left.type",
            "{\"left\":{\"type\":\"email\",\"value\":\"not-an-email\"},"
                    + right
                    + ","
                    + reason
                    + "}",
                "left.value",
            "{\"left\":{\"type\":\"phone\",\"value\":\"12\"}," + right + "," + reason + "}",
                "left.value",
            "{"
                    + left
                    + ",\"right\":{\"type\":\"email\",\"value\":\"A@example.com\"},"
                    + reason
                    + "}",
                "right",
            "{" + left + "," + right + "}", "reason",
            "{" + left + "," + right + "," + reason + ",\"by\":\"me\"}", "by",
            "{"
                    + left
                    + ",\"right\":{\"type\":\"customer_id\",\"value\":\"C-9\",\"x\":1},"
                    + reason
                    + "}",
                "right.x");
    store.test(
        (app, client) -> {
          for (Map.Entry<String, String> body : bodies.entrySet()) {
            expect400(client, "/v1/identity/never-link", body.getKey(), body.getValue());
          }
          expect400(client, "/v1/identity/never-link", "not json", null);
          expect400(client, "/v1/identity/never-link", "[1]", null);
        });
  }
}
