package io.opencdp.api;

import static io.opencdp.api.ApiFixture.json;
import static io.opencdp.api.ApiSegmentsTest.US;
import static io.opencdp.api.ApiSegmentsTest.definition;
import static io.opencdp.api.ApiSegmentsTest.save;
import static io.opencdp.api.ApiSegmentsTest.send;
import static io.opencdp.api.SegmentFixture.ADMIN;
import static io.opencdp.api.SegmentFixture.MARKETER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import io.opencdp.api.testing.ElasticsearchExtension;
import io.opencdp.api.testing.EsTestCluster;
import io.opencdp.schemas.segment.ProfileFields;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad definitions answer 400 with the JSON path of the offending member on every route that reads
 * one; references keep their rules across changes; a used segment cannot be deleted.
 */
@ExtendWith(ElasticsearchExtension.class)
class ApiSegmentRulesTest {
  private static SegmentFixture fixture;

  @BeforeAll
  static void open(EsTestCluster cluster) {
    fixture = SegmentFixture.open(cluster);
  }

  @AfterAll
  static void close() {
    fixture.close();
  }

  /** Sends {@code body} to every route that reads a definition; each answers 400 naming path. */
  private static void refused(HttpClient client, String body, String path, String detail) {
    String saved = save(client, "target", US);
    for (String[] route :
        new String[][] {
          {"POST", "/v1/segments"},
          {"POST", "/v1/segments/preview"},
          {"PUT", "/v1/segments/" + saved}
        }) {
      Response response = send(client, route[0], route[1], body, MARKETER);
      JsonNode problem = json(response);
      String what = route[0] + " " + route[1] + " " + body;
      assertThat(response.code()).as(what).isEqualTo(400);
      assertThat(response.header("Content-Type")).startsWith("application/problem+json");
      assertThat(problem.get("code").asText()).isEqualTo("bad_argument");
      if (path == null) {
        assertThat(problem.get("parameter").isNull()).as(what).isTrue();
      } else {
        assertThat(problem.get("parameter").asText()).as(what).isEqualTo(path);
      }
      assertThat(problem.get("detail").asText()).as(what).contains(detail);
    }
  }

  @Test
  void unknownFieldsWrongTypesAndMissingMembersNameTheirPath() {
    fixture.test(
        (app, client) -> {
          refused(
              client,
              definition("x", "{\"field\": \"shoe_size\", \"op\": \"eq\", \"value\": \"42\"}"),
              "condition.field",
              "shoe_size");
          refused(
              client,
              definition(
                  "x",
                  "{\"and\": ["
                      + US
                      + ", {\"field\": \"traits.order_count\", \"op\": \"gt\","
                      + " \"value\": \"3\"}]}"),
              "condition.and[1].value",
              "");
          refused(
              client,
              definition(
                  "x", "{\"event\": {\"type\": \"order_completed\", \"count\": {\"gte\": -1}}}"),
              "condition.event.count.gte",
              "between 0 and 1000000");
          refused(client, "{\"condition\": " + US + "}", "name", "required");
          refused(client, "[1, 2]", null, "JSON object");
          refused(client, "{\"name\": ", null, "not valid JSON");
        });
  }

  @Test
  void aScriptOrAnyOtherUnknownMemberIsRefusedWherever() {
    fixture.test(
        (app, client) -> {
          refused(
              client,
              definition(
                  "x",
                  "{\"field\": \"country\", \"op\": \"eq\", \"value\": \"US\", \"script\":"
                      + " {\"source\": \"doc['country'].value == 'US'\"}}"),
              "condition.script",
              "not a member");
          refused(
              client,
              definition("x", "{\"script\": {\"source\": \"true\"}}"),
              "condition.script",
              "");
          refused(
              client,
              "{\"name\": \"x\", \"query\": {\"match_all\": {}}, \"condition\": " + US + "}",
              "query",
              "not a member");
          refused(
              client,
              "{\"name\": \"x\", \"segment_id\": \"seg-mine\", \"condition\": " + US + "}",
              "segment_id",
              "");
        });
  }

  @Test
  void aMemberGivenTwiceIsRefused() {
    fixture.test(
        (app, client) ->
            refused(
                client,
                definition(
                    "x",
                    "{\"field\": \"country\", \"op\": \"eq\", \"op\": \"neq\", \"value\": \"US\"}"),
                null,
                "op"));
  }

  @Test
  void tooDeepAndTooBigDefinitionsAreRefused() {
    fixture.test(
        (app, client) -> {
          String deep = US;
          StringBuilder path = new StringBuilder("condition");
          for (int i = 0; i < 12; i++) {
            deep = "{\"not\": " + deep + "}";
          }
          for (int i = 0; i < 12; i++) {
            path.append(".not");
          }
          refused(client, definition("x", deep), path.toString(), "");
          List<String> values = new ArrayList<>();
          for (int i = 0; i < 1000; i++) {
            values.add("\"" + "v".repeat(60) + i + "\"");
          }
          refused(
              client,
              definition(
                  "x",
                  "{\"field\": \"country\", \"op\": \"in\", \"value\": ["
                      + String.join(", ", values)
                      + "]}"),
              null,
              "64 KiB");
        });
  }

  @Test
  void referencesMustNameSavedSegmentsAndCloseNoCycleAlsoAfterAChange() {
    fixture.test(
        (app, client) -> {
          refused(
              client,
              definition("x", "{\"in_segment\": \"seg-nobody\"}"),
              "condition.in_segment",
              "seg-nobody");
          String a = save(client, "a", US);
          String b = save(client, "b", "{\"not\": {\"in_segment\": \"" + a + "\"}}");

          Response cycle =
              send(
                  client,
                  "PUT",
                  "/v1/segments/" + a,
                  definition("a", "{\"in_segment\": \"" + b + "\"}"),
                  ADMIN);
          JsonNode problem = json(cycle);
          assertThat(cycle.code()).isEqualTo(400);
          assertThat(problem.get("parameter").asText()).isEqualTo("condition.in_segment");
          assertThat(problem.get("detail").asText()).contains("cycle");
          Response self =
              send(
                  client,
                  "PUT",
                  "/v1/segments/" + a,
                  definition("a", "{\"in_segment\": \"" + a + "\"}"),
                  ADMIN);
          assertThat(self.code()).isEqualTo(400);
          assertThat(
                  json(send(client, "GET", "/v1/segments/" + a, null, ADMIN))
                      .get("version")
                      .asLong())
              .isEqualTo(1);
        });
  }

  @Test
  void aChangeMayNotPushTheSegmentsThatUseItPastTheReferenceDepth() {
    fixture.test(
        (app, client) -> {
          String x = save(client, "x", US);
          String user = x;
          List<String> users = new ArrayList<>();
          for (int i = 1; i <= 7; i++) {
            user = save(client, "w" + i, "{\"in_segment\": \"" + user + "\"}");
            users.add(user);
          }
          String y = save(client, "y", US);
          String z = save(client, "z", "{\"in_segment\": \"" + y + "\"}");

          // w7 -> w6 .. w1 -> x -> y: 8 deep, the limit
          Response ok =
              send(
                  client,
                  "PUT",
                  "/v1/segments/" + x,
                  definition("x", "{\"in_segment\": \"" + y + "\"}"),
                  ADMIN);
          assertThat(ok.code()).isEqualTo(200);
          Response tooDeep =
              send(
                  client,
                  "PUT",
                  "/v1/segments/" + x,
                  definition("x", "{\"and\": [" + US + ", {\"in_segment\": \"" + z + "\"}]}"),
                  ADMIN);
          JsonNode problem = json(tooDeep);
          assertThat(tooDeep.code()).isEqualTo(400);
          assertThat(problem.get("parameter").asText()).isEqualTo("condition.and[1].in_segment");
          assertThat(problem.get("detail").asText())
              .contains(users.get(6) + ", which uses this one")
              .contains("more than 8 deep");
          assertThat(
                  json(send(client, "GET", "/v1/segments/" + x, null, ADMIN))
                      .get("version")
                      .asLong())
              .isEqualTo(2);
        });
  }

  @Test
  void aSegmentAnotherUsesCannotBeDeleted() {
    fixture.test(
        (app, client) -> {
          String a = save(client, "used", US);
          String b = save(client, "user", "{\"in_segment\": \"" + a + "\"}");

          Response refused = send(client, "DELETE", "/v1/segments/" + a, null, MARKETER);
          JsonNode problem = json(refused);
          assertThat(refused.code()).isEqualTo(409);
          assertThat(problem.get("code").asText()).isEqualTo("conflict");
          assertThat(problem.get("detail").asText()).contains("is used by " + b);
          assertThat(send(client, "GET", "/v1/segments/" + a, null, MARKETER).code())
              .isEqualTo(200);

          assertThat(send(client, "DELETE", "/v1/segments/" + b, null, MARKETER).code())
              .isEqualTo(204);
          assertThat(send(client, "DELETE", "/v1/segments/" + a, null, MARKETER).code())
              .isEqualTo(204);
        });
  }

  @Test
  void aSavedDefinitionThatNoLongerPassesTheChecksIsAConflict() {
    String[] id = new String[1];
    fixture.test(
        (app, client) ->
            id[0] =
                save(
                    client,
                    "store fans",
                    "{\"field\": \"custom_traits.favourite_store\", \"op\": \"eq\", \"value\":"
                        + " \"S-1\"}"));
    // the custom trait is gone from the config
    fixture.test(
        ProfileFields.builtIn(),
        (app, client) -> {
          Response response = send(client, "GET", "/v1/segments/" + id[0] + "/count", null, ADMIN);
          JsonNode problem = json(response);
          assertThat(response.code()).isEqualTo(409);
          assertThat(problem.get("parameter").asText()).isEqualTo("id");
          assertThat(problem.get("detail").asText()).contains("custom_traits.favourite_store");
        });
  }
}
