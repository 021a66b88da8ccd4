package io.opencdp.api;

import static io.opencdp.api.ApiFixture.ADMIN;
import static io.opencdp.api.ApiFixture.bearer;
import static io.opencdp.api.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class ApiProblemTest {
  @Test
  void problemBodyHasEveryMemberAndTheProblemContentType() {
    JavalinTest.test(
        ApiFixture.server("green").app(),
        (app, client) -> {
          Response response = client.get("/v1/profiles?email=nope", bearer(ADMIN));
          JsonNode body = json(response);

          assertThat(response.code()).isEqualTo(400);
          assertThat(response.header("Content-Type")).startsWith("application/problem+json");
          assertThat(body.fieldNames())
              .toIterable()
              .containsExactly("type", "title", "status", "detail", "code", "parameter");
          assertThat(body.get("type").asText())
              .isEqualTo("https://opencdp.io/problems/api/bad_argument");
          assertThat(body.get("title").asText()).isEqualTo("Bad Request");
          assertThat(body.get("status").asInt()).isEqualTo(400);
          assertThat(body.get("parameter").asText()).isEqualTo("email");
        });
  }

  @Test
  void unknownRouteIsA404ProblemWithoutAKey() {
    JavalinTest.test(
        ApiFixture.server("green").app(),
        (app, client) -> {
          Response response = client.get("/v2/nothing");
          JsonNode body = json(response);

          assertThat(response.code()).isEqualTo(404);
          assertThat(response.header("Content-Type")).startsWith("application/problem+json");
          assertThat(body.get("code").asText()).isEqualTo("not_found");
          assertThat(body.get("parameter").isNull()).isTrue();
        });
  }

  @Test
  void unexpectedFailureIsA500WithAnErrorIdAndNoInternals() {
    ApiServer server = ApiFixture.server("green");
    server
        .app()
        .get(
            "/boom",
            ctx -> {
              throw new IllegalStateException("secret internal state at Foo.java:42");
            },
            ApiRole.ANYONE);
    JavalinTest.test(
        server.app(),
        (app, client) -> {
          Response response = client.get("/boom");
          String text = response.body().string();

          assertThat(response.code()).isEqualTo(500);
          assertThat(text)
              .contains("\"code\":\"internal\"")
              .contains("report error id ")
              .doesNotContain("secret")
              .doesNotContain("IllegalStateException")
              .doesNotContain("at io.");
        });
  }
}
