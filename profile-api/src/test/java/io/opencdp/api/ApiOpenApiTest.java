package io.opencdp.api;

import static io.opencdp.api.ApiFixture.AGENT;
import static io.opencdp.api.ApiFixture.bearer;
import static io.opencdp.api.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ApiOpenApiTest {
  @Test
  void documentListsExactlyTheRoutesJavalinRegistered() {
    ApiServer server = ApiFixture.server("green");
    List<String> registered =
        server.registeredEndpoints().stream()
            .map(h -> h.getHttpMethod().name() + " " + h.getPath())
            .toList();
    JavalinTest.test(
        server.app(),
        (app, client) -> {
          JsonNode doc = json(client.get("/openapi.json", bearer(AGENT)));
          List<String> documented = new ArrayList<>();
          doc.get("paths")
              .fields()
              .forEachRemaining(
                  path ->
                      path.getValue()
                          .fieldNames()
                          .forEachRemaining(
                              method ->
                                  documented.add(
                                      method.toUpperCase(Locale.ROOT) + " " + path.getKey())));

          assertThat(doc.get("openapi").asText()).startsWith("3.0");
          assertThat(registered).isNotEmpty();
          assertThat(documented).containsExactlyInAnyOrderElementsOf(registered);
        });
  }

  @Test
  void keyedOperationsDeclareSecurityAndTheirParameters() {
    JavalinTest.test(
        ApiFixture.server("green").app(),
        (app, client) -> {
          JsonNode paths = json(client.get("/openapi.json", bearer(AGENT))).get("paths");

          assertThat(paths.at("/~1healthz/get/security")).isEmpty();
          assertThat(paths.at("/~1metrics/get/security")).hasSize(2);
          assertThat(paths.at("/~1metrics/get/x-roles/0").asText()).isEqualTo("admin");
          assertThat(paths.at("/~1v1~1profiles~1{id}/get/parameters/0/in").asText())
              .isEqualTo("path");
          assertThat(paths.at("/~1v1~1profiles/get/parameters").findValuesAsText("name"))
              .contains("email", "phone", "customer_id");
          assertThat(paths.at("/~1v1~1profiles/get/responses/400/content")).isNotEmpty();
        });
  }

  @Test
  void postOperationsDocumentTheirBodyAndTheirCreatedAnswer() {
    JavalinTest.test(
        ApiFixture.server("green").app(),
        (app, client) -> {
          JsonNode paths = json(client.get("/openapi.json", bearer(AGENT))).get("paths");
          JsonNode neverLink = paths.at("/~1v1~1identity~1never-link/post");
          JsonNode split = paths.at("/~1v1~1profiles~1{id}~1split/post");

          assertThat(neverLink.at("/requestBody/required").asBoolean()).isTrue();
          assertThat(
                  neverLink.at("/requestBody/content/application~1json/schema/required").toString())
              .contains("left", "right", "reason");
          assertThat(
                  neverLink
                      .at(
                          "/requestBody/content/application~1json/schema/properties/left/properties/type/enum")
                      .toString())
              .contains("email", "phone");
          assertThat(neverLink.at("/responses/201").isMissingNode()).isFalse();
          assertThat(neverLink.at("/responses/200").isMissingNode()).isTrue();
          assertThat(neverLink.at("/x-roles/0").asText()).isEqualTo("admin");
          assertThat(
                  split
                      .at(
                          "/requestBody/content/application~1json/schema/properties/identifiers/type")
                      .asText())
              .isEqualTo("array");
          assertThat(paths.at("/~1v1~1profiles~1{id}~1identity/get/x-roles").toString())
              .isEqualTo("[\"admin\",\"agent\"]");
          assertThat(paths.at("/~1v1~1profiles~1search/get/responses/503").isMissingNode())
              .isFalse();
        });
  }

  @Test
  void segmentOperationsDocumentTheirBodiesStatusesAndRoles() {
    JavalinTest.test(
        ApiFixture.server("green").app(),
        (app, client) -> {
          JsonNode paths = json(client.get("/openapi.json", bearer(AGENT))).get("paths");
          JsonNode put = paths.at("/~1v1~1segments~1{id}/put");

          assertThat(paths.at("/~1v1~1segments/post/responses/201").isMissingNode()).isFalse();
          assertThat(paths.at("/~1v1~1segments/post/x-roles").toString())
              .isEqualTo("[\"admin\",\"marketer\"]");
          assertThat(put.at("/requestBody/content/application~1json/schema/required").toString())
              .isEqualTo("[\"name\",\"condition\"]");
          assertThat(put.at("/responses/409").isMissingNode()).isFalse();
          assertThat(paths.at("/~1v1~1segments~1{id}/delete/responses/204").isMissingNode())
              .isFalse();
          assertThat(
                  paths
                      .at("/~1v1~1segments~1{id}~1members/get/parameters")
                      .findValuesAsText("name"))
              .containsExactly("id", "limit", "cursor");
          assertThat(paths.at("/~1v1~1segments~1preview/post/requestBody").isMissingNode())
              .isFalse();
        });
  }

  @Test
  void suppressionOperationsAreForAdminsAndDocumentTheirBodyAndStatuses() {
    JavalinTest.test(
        ApiFixture.server("green").app(),
        (app, client) -> {
          JsonNode paths = json(client.get("/openapi.json", bearer(AGENT))).get("paths");
          JsonNode post = paths.at("/~1v1~1suppressions/post");
          assertThat(post.at("/x-roles").toString()).isEqualTo("[\"admin\"]");
          assertThat(post.at("/responses/201").isMissingNode()).isFalse();
          assertThat(post.at("/requestBody/content/application~1json/schema/required").toString())
              .isEqualTo("[\"identifier_type\",\"value\",\"reason\"]");
          assertThat(
                  post.at("/requestBody/content/application~1json/schema/properties/reason/enum")
                      .toString())
              .isEqualTo(
                  "[\"manual\",\"unsubscribe\",\"hard_bounce\",\"spam_report\",\"erasure\"]");
          assertThat(paths.at("/~1v1~1suppressions/get/parameters").findValuesAsText("name"))
              .containsExactly("limit", "cursor");
          JsonNode delete = paths.at("/~1v1~1suppressions~1{identifier_type}~1{value}/delete");
          assertThat(delete.at("/responses/204").isMissingNode()).isFalse();
          assertThat(delete.at("/responses/404").isMissingNode()).isFalse();
        });
  }
}
