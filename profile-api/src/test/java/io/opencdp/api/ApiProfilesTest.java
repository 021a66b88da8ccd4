package io.opencdp.api;

import static io.opencdp.api.ApiFixture.AGENT;
import static io.opencdp.api.ApiFixture.MARKETER;
import static io.opencdp.api.ApiFixture.bearer;
import static io.opencdp.api.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** The placeholder profile routes validate and normalize their input as the real ones will. */
class ApiProfilesTest {
  @Test
  void wellFormedProfileIdIsNotFoundForNow() {
    JavalinTest.test(
        ApiFixture.server("green").app(),
        (app, client) -> {
          Response response = client.get("/v1/profiles/p:0042", bearer(AGENT));
          JsonNode body = json(response);

          assertThat(response.code()).isEqualTo(404);
          assertThat(body.get("code").asText()).isEqualTo("not_found");
          assertThat(body.get("detail").asText()).contains("p:0042");
        });
  }

  @Test
  void malformedProfileIdIsA400NamingId() {
    JavalinTest.test(
        ApiFixture.server("green").app(),
        (app, client) -> {
          JsonNode body = expect400(client, "/v1/profiles/-bad%20id");

          assertThat(body.get("parameter").asText()).isEqualTo("id");
          assertThat(body.get("detail").asText()).startsWith("parameter 'id' must be 1-128");
        });
  }

  @Test
  void emailIsNormalizedAsIngestNormalizesIt() {
    JavalinTest.test(
        ApiFixture.server("green").app(),
        (app, client) -> {
          Response response =
              client.get("/v1/profiles?email=%20Jane.Doe@Example.COM%20", bearer(AGENT));
          JsonNode body = json(response);

          assertThat(response.code()).isEqualTo(200);
          assertThat(body.at("/identifier/type").asText()).isEqualTo("email");
          assertThat(body.at("/identifier/value").asText()).isEqualTo("jane.doe@example.com");
          assertThat(body.get("profiles").isArray()).isTrue();
          assertThat(body.get("profiles")).isEmpty();
        });
  }

  @Test
  void phoneIsNormalizedToE164InTheDefaultRegion() {
    JavalinTest.test(
        ApiFixture.server("green").app(),
        (app, client) -> {
          JsonNode body = json(client.get("/v1/profiles?phone=(555)%20010-2000", bearer(AGENT)));

          assertThat(body.at("/identifier/value").asText()).isEqualTo("+15550102000");
        });
  }

  @Test
  void marketerSeesTheIdentifierMasked() {
    JavalinTest.test(
        ApiFixture.server("green").app(),
        (app, client) -> {
          JsonNode email =
              json(client.get("/v1/profiles?email=jane@example.com", bearer(MARKETER)));
          JsonNode phone = json(client.get("/v1/profiles?phone=%2B15550102000", bearer(MARKETER)));

          assertThat(email.at("/identifier/value").asText()).isEqualTo("j***@example.com");
          assertThat(phone.at("/identifier/value").asText()).isEqualTo("***2000");
        });
  }

  @Test
  void otherIdentifierTypesAreStripped() {
    JavalinTest.test(
        ApiFixture.server("green").app(),
        (app, client) -> {
          JsonNode body = json(client.get("/v1/profiles?customer_id=%20C-1%20", bearer(AGENT)));

          assertThat(body.at("/identifier/type").asText()).isEqualTo("customer_id");
          assertThat(body.at("/identifier/value").asText()).isEqualTo("C-1");
        });
  }

  @Test
  void malformedEmailIsA400NamingEmail() {
    JavalinTest.test(
        ApiFixture.server("green").app(),
        (app, client) -> {
          JsonNode body = expect400(client, "/v1/profiles?email=jane@@example");

          assertThat(body.get("parameter").asText()).isEqualTo("email");
          assertThat(body.get("detail").asText()).doesNotContain("jane");
        });
  }

  @Test
  void malformedPhoneIsA400NamingPhone() {
    JavalinTest.test(
        ApiFixture.server("green").app(),
        (app, client) -> {
          assertThat(expect400(client, "/v1/profiles?phone=call-me").get("parameter").asText())
              .isEqualTo("phone");
          assertThat(expect400(client, "/v1/profiles?phone=12").get("parameter").asText())
              .isEqualTo("phone");
        });
  }

  @Test
  void unknownIdentifierTypeIsA400NamingIt() {
    JavalinTest.test(
        ApiFixture.server("green").app(),
        (app, client) -> {
          JsonNode body = expect400(client, "/v1/profiles?ssn=123");

          assertThat(body.get("parameter").asText()).isEqualTo("ssn");
          assertThat(body.get("detail").asText()).contains("email, phone");
        });
  }

  @Test
  void noneOrSeveralIdentifiersAreA400() {
    JavalinTest.test(
        ApiFixture.server("green").app(),
        (app, client) -> {
          assertThat(expect400(client, "/v1/profiles").get("detail").asText())
              .startsWith("no identifier given");
          assertThat(
                  expect400(client, "/v1/profiles?email=a@example.com&phone=5550102000")
                      .get("detail")
                      .asText())
              .startsWith("more than one identifier given");
          assertThat(
                  expect400(client, "/v1/profiles?email=a@example.com&email=b@example.com")
                      .get("parameter")
                      .asText())
              .isEqualTo("email");
          assertThat(expect400(client, "/v1/profiles?device_id=%20").get("parameter").asText())
              .isEqualTo("device_id");
        });
  }

  private static JsonNode expect400(HttpClient client, String path) {
    Response response = client.get(path, bearer(AGENT));
    assertThat(response.code()).as(path).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    JsonNode body = json(response);
    assertThat(body.get("code").asText()).isEqualTo("bad_argument");
    return body;
  }
}
