package io.opencdp.api;

import static io.opencdp.api.ApiFixture.AGENT;
import static io.opencdp.api.ApiFixture.MARKETER;
import static io.opencdp.api.ApiFixture.bearer;
import static io.opencdp.api.ApiFixture.json;
import static io.opencdp.api.StoreFixture.HOUSEHOLD_PHONE;
import static io.opencdp.api.StoreFixture.JANE;
import static io.opencdp.api.StoreFixture.JANE_ALIAS;
import static io.opencdp.api.StoreFixture.JANE_EMAIL;
import static io.opencdp.api.StoreFixture.JOHN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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

/** GET /v1/profiles/{id} and the lookups by identifier or order, against the seeded store. */
@ExtendWith(ElasticsearchExtension.class)
class ApiProfilesTest {
  private static StoreTestSupport store;

  @BeforeAll
  static void seed(EsTestCluster cluster) {
    store = StoreTestSupport.open(cluster);
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Test
  void profileByIdIsTheDocumentWithoutItsQueryFields() {
    store.test(
        (app, client) -> {
          Response response = client.get("/v1/profiles/" + JANE, bearer(AGENT));
          JsonNode body = json(response);

          assertThat(response.code()).isEqualTo(200);
          assertThat(body.get("profile_id").asText()).isEqualTo(JANE);
          assertThat(body.at("/first_name/value").asText()).isEqualTo("Jane");
          assertThat(body.at("/email/value").asText()).isEqualTo(JANE_EMAIL);
          assertThat(body.at("/phones/0/shared").asBoolean()).isTrue();
          assertThat(body.at("/address/value/street").asText()).isEqualTo("1 Main St");
          assertThat(body.at("/birth_date/value").asText()).isEqualTo("1985-04-12");
          assertThat(body.has("indexed_at")).isTrue();
          for (String internal : ProfileRedactor.INTERNAL_PROFILE_FIELDS) {
            assertThat(body.has(internal)).as(internal).isFalse();
          }
        });
  }

  @Test
  void aliasIdAnswersTheSurvivingProfile() {
    store.test(
        (app, client) -> {
          JsonNode body = json(client.get("/v1/profiles/" + JANE_ALIAS, bearer(AGENT)));

          assertThat(body.get("profile_id").asText()).isEqualTo(JANE);
          assertThat(body.get("merged_from").get(0).asText()).isEqualTo(JANE_ALIAS);
        });
  }

  @Test
  void unknownProfileIsA404NamingTheId() {
    store.test(
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
    store.test(
        (app, client) -> {
          JsonNode body = expect400(client, "/v1/profiles/-bad%20id");

          assertThat(body.get("parameter").asText()).isEqualTo("id");
          assertThat(body.get("detail").asText()).startsWith("parameter 'id' must be 1-128");
        });
  }

  @Test
  void marketerSeesEmailsPhonesBirthDateAndStreetMasked() {
    store.test(
        (app, client) -> {
          JsonNode body = json(client.get("/v1/profiles/" + JANE, bearer(MARKETER)));

          assertThat(body.at("/email/value").asText()).isEqualTo("j***@example.com");
          assertThat(body.at("/phone/value").asText()).isEqualTo("***2000");
          assertThat(body.at("/emails/0/value").asText()).isEqualTo("j***@example.com");
          assertThat(body.at("/phones/0/value").asText()).isEqualTo("***2000");
          assertThat(body.at("/identifiers/email/0").asText()).isEqualTo("j***@example.com");
          assertThat(body.at("/identifiers/phone/0").asText()).isEqualTo("***2000");
          assertThat(body.at("/birth_date/value").asText()).isEqualTo("***");
          assertThat(body.at("/address/value/street").asText()).isEqualTo("***");
          assertThat(body.at("/address/value/city").asText()).isEqualTo("Springfield");
          assertThat(body.at("/first_name/value").asText()).isEqualTo("Jane");
          assertThat(body.at("/identifiers/customer_id/0").asText()).isEqualTo("C-1001");
          assertThat(body.toString()).doesNotContain("jane.doe").doesNotContain("1985-04-12");
          assertThat(body.has("search")).isFalse();
        });
  }

  @Test
  void lookupByEachIdentifierTypeFindsJane() {
    Map<String, String> lookups =
        Map.of(
            "email", "%20Jane.Doe@Example.COM%20",
            "customer_id", "%20C-1001%20",
            "loyalty_id", "L-77",
            "device_id", "dev-1",
            "anonymous_id", "anon-1",
            "order_id", StoreFixture.JANE_ORDER);
    store.test(
        (app, client) -> {
          for (Map.Entry<String, String> lookup : lookups.entrySet()) {
            Response response =
                client.get(
                    "/v1/profiles?" + lookup.getKey() + "=" + lookup.getValue(), bearer(AGENT));
            JsonNode body = json(response);

            assertThat(response.code()).as(lookup.getKey()).isEqualTo(200);
            assertThat(body.at("/identifier/type").asText()).isEqualTo(lookup.getKey());
            assertThat(ids(body)).as(lookup.getKey()).containsExactly(JANE);
            assertThat(body.at("/profiles/0/matched_on/type").asText()).isEqualTo(lookup.getKey());
            assertThat(body.at("/profiles/0/matched_on/shared").asBoolean()).isFalse();
            assertThat(body.at("/profiles/0/search").isMissingNode()).isTrue();
          }
        });
  }

  @Test
  void emailIsNormalizedAsIngestNormalizesIt() {
    store.test(
        (app, client) -> {
          JsonNode body =
              json(client.get("/v1/profiles?email=%20Jane.Doe@Example.COM%20", bearer(AGENT)));

          assertThat(body.at("/identifier/value").asText()).isEqualTo(JANE_EMAIL);
          assertThat(body.at("/profiles/0/matched_on/value").asText()).isEqualTo(JANE_EMAIL);
          assertThat(body.get("truncated").asBoolean()).isFalse();
        });
  }

  @Test
  void sharedHouseholdPhoneMatchesBothProfilesMarkedShared() {
    store.test(
        (app, client) -> {
          JsonNode body = json(client.get("/v1/profiles?phone=(555)%20010-2000", bearer(AGENT)));

          assertThat(body.at("/identifier/value").asText()).isEqualTo(HOUSEHOLD_PHONE);
          assertThat(ids(body)).containsExactly(JANE, JOHN);
          for (JsonNode profile : body.get("profiles")) {
            assertThat(profile.at("/matched_on/type").asText()).isEqualTo("phone");
            assertThat(profile.at("/matched_on/value").asText()).isEqualTo(HOUSEHOLD_PHONE);
            assertThat(profile.at("/matched_on/shared").asBoolean()).isTrue();
          }
        });
  }

  @Test
  void unknownIdentifierOrOrderFindsNothing() {
    store.test(
        (app, client) -> {
          assertThat(ids(json(client.get("/v1/profiles?email=nobody@example.com", bearer(AGENT)))))
              .isEmpty();
          assertThat(ids(json(client.get("/v1/profiles?order_id=O-none", bearer(AGENT)))))
              .isEmpty();
        });
  }

  @Test
  void marketerSeesTheIdentifierAndTheProfilesMasked() {
    store.test(
        (app, client) -> {
          JsonNode email = json(client.get("/v1/profiles?email=" + JANE_EMAIL, bearer(MARKETER)));
          JsonNode phone = json(client.get("/v1/profiles?phone=%2B15550102000", bearer(MARKETER)));

          assertThat(email.at("/identifier/value").asText()).isEqualTo("j***@example.com");
          assertThat(email.at("/profiles/0/matched_on/value").asText())
              .isEqualTo("j***@example.com");
          assertThat(email.at("/profiles/0/email/value").asText()).isEqualTo("j***@example.com");
          assertThat(phone.at("/identifier/value").asText()).isEqualTo("***2000");
          assertThat(phone.toString()).doesNotContain(HOUSEHOLD_PHONE);
        });
  }

  @Test
  void malformedEmailIsA400NamingEmail() {
    store.test(
        (app, client) -> {
          JsonNode body = expect400(client, "/v1/profiles?email=jane@@example");

          assertThat(body.get("parameter").asText()).isEqualTo("email");
          assertThat(body.get("detail").asText()).doesNotContain("jane");
        });
  }

  @Test
  void malformedPhoneIsA400NamingPhone() {
    store.test(
        (app, client) -> {
          assertThat(expect400(client, "/v1/profiles?phone=call-me").get("parameter").asText())
              .isEqualTo("phone");
          assertThat(expect400(client, "/v1/profiles?phone=12").get("parameter").asText())
              .isEqualTo("phone");
        });
  }

  @Test
  void unknownIdentifierTypeIsA400NamingIt() {
    store.test(
        (app, client) -> {
          JsonNode body = expect400(client, "/v1/profiles?ssn=123");

          assertThat(body.get("parameter").asText()).isEqualTo("ssn");
          assertThat(body.get("detail").asText()).contains("email, phone").contains("order_id");
        });
  }

  @Test
  void noneOrSeveralIdentifiersAreA400() {
    store.test(
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
          assertThat(expect400(client, "/v1/profiles?order_id=%20").get("parameter").asText())
              .isEqualTo("order_id");
        });
  }

  static List<String> ids(JsonNode body) {
    List<String> ids = new ArrayList<>();
    body.get("profiles").forEach(p -> ids.add(p.get("profile_id").asText()));
    return ids;
  }

  static JsonNode expect400(HttpClient client, String path) {
    Response response = client.get(path, bearer(AGENT));
    assertThat(response.code()).as(path).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    JsonNode body = json(response);
    assertThat(body.get("code").asText()).isEqualTo("bad_argument");
    return body;
  }
}
