package io.opencdp.api;

import static io.opencdp.api.ApiFixture.AGENT;
import static io.opencdp.api.ApiFixture.MARKETER;
import static io.opencdp.api.ApiFixture.bearer;
import static io.opencdp.api.ApiFixture.json;
import static io.opencdp.api.StoreFixture.JANE;
import static io.opencdp.api.StoreFixture.JANE_ALIAS;
import static io.opencdp.api.StoreFixture.JOHN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opencdp.api.testing.ElasticsearchExtension;
import io.opencdp.api.testing.EsTestCluster;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /v1/profiles/{id}/consent} against the seeded store: Jane's rows are a channel-less
 * {@code ad_targeting} grant, a channel-less {@code marketing} withdrawal and a later {@code
 * marketing} grant on email; nothing for {@code analytics}.
 */
@ExtendWith(ElasticsearchExtension.class)
class ApiConsentTest {
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
  void everyConfiguredPurposeIsAnsweredWithTheChangeThatDecidedIt() {
    store.test(
        (app, client) -> {
          Response response = client.get("/v1/profiles/" + JANE + "/consent", bearer(AGENT));
          JsonNode body = json(response);

          assertThat(response.code()).isEqualTo(200);
          assertThat(body.get("profile_id").asText()).isEqualTo(JANE);
          JsonNode purposes = body.get("purposes");
          assertThat(names(purposes))
              .containsExactly("marketing_email", "marketing_sms", "ad_targeting", "analytics");
          // its own later grant beats the earlier channel-less withdrawal
          assertPurpose(purposes.get(0), true, "email", "e-03", "2026-03-05T08:00:00Z");
          assertThat(purposes.get(0).at("/reads/purpose").asText()).isEqualTo("marketing");
          assertThat(purposes.get(0).at("/reads/channel").asText()).isEqualTo("email");
          // no sms row of its own: the channel-less withdrawal decides
          assertPurpose(purposes.get(1), false, null, "e-01", "2026-02-03T10:00:00Z");
          assertPurpose(purposes.get(2), true, null, "e-02", "2026-02-20T12:00:00Z");
          assertThat(purposes.get(2).at("/reads/channel").isNull()).isTrue();
          // no record: not granted, nothing decided it
          assertPurpose(purposes.get(3), false, null, null, null);
          assertThat(purposes.get(3).get("source").isNull()).isTrue();
          assertThat(purposes.get(0).get("source").asText()).isEqualTo("test");
          assertThat(body.get("records")).hasSize(3);
          assertThat(body.get("records").get(2).get("event_id").asText()).isEqualTo("e-03");
        });
  }

  @Test
  void anAliasIdAnswersItsSurvivorAndAProfileWithoutRowsGrantsNothing() {
    store.test(
        (app, client) -> {
          JsonNode alias =
              json(client.get("/v1/profiles/" + JANE_ALIAS + "/consent", bearer(MARKETER)));
          assertThat(alias.get("profile_id").asText()).isEqualTo(JANE);

          JsonNode john = json(client.get("/v1/profiles/" + JOHN + "/consent", bearer(AGENT)));
          assertThat(john.get("purposes").findValuesAsText("granted")).containsOnly("false");
          assertThat(john.get("records")).isEmpty();
        });
  }

  @Test
  void oneNamedPurposeOnRequestAndAnUnknownOneIsA400NamingTheParameter() {
    store.test(
        (app, client) -> {
          JsonNode one =
              json(
                  client.get(
                      "/v1/profiles/" + JANE + "/consent?purpose=marketing_sms", bearer(AGENT)));
          assertThat(names(one.get("purposes"))).containsExactly("marketing_sms");

          Response bad =
              client.get("/v1/profiles/" + JANE + "/consent?purpose=marketing", bearer(AGENT));
          JsonNode problem = json(bad);
          assertThat(bad.code()).isEqualTo(400);
          assertThat(problem.get("parameter").asText()).isEqualTo("purpose");
          assertThat(problem.get("detail").asText())
              .contains("'marketing' is not a configured consent purpose")
              .contains("marketing_email");

          assertThat(client.get("/v1/profiles/p-nobody/consent", bearer(AGENT)).code())
              .isEqualTo(404);
        });
  }

  /** The {@code purpose} of each entry (not the nested {@code reads.purpose}). */
  static List<String> names(JsonNode purposes) {
    List<String> names = new ArrayList<>();
    purposes.forEach(p -> names.add(p.get("purpose").asText()));
    return names;
  }

  private static void assertPurpose(
      JsonNode purpose, boolean granted, String channel, String eventId, String changedAt) {
    String name = purpose.get("purpose").asText();
    assertThat(purpose.get("granted").asBoolean()).as(name).isEqualTo(granted);
    assertThat(purpose.get("channel").isNull() ? null : purpose.get("channel").asText())
        .as(name)
        .isEqualTo(channel);
    assertThat(purpose.get("event_id").isNull() ? null : purpose.get("event_id").asText())
        .as(name)
        .isEqualTo(eventId);
    assertThat(purpose.get("changed_at").isNull() ? null : purpose.get("changed_at").asText())
        .as(name)
        .isEqualTo(changedAt);
  }
}
