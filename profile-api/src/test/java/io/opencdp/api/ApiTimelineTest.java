package io.opencdp.api;

import static io.opencdp.api.ApiFixture.AGENT;
import static io.opencdp.api.ApiFixture.MARKETER;
import static io.opencdp.api.ApiFixture.bearer;
import static io.opencdp.api.ApiFixture.json;
import static io.opencdp.api.ApiProfilesTest.expect400;
import static io.opencdp.api.StoreFixture.JANE;
import static io.opencdp.api.StoreFixture.JANE_ALIAS;
import static io.opencdp.api.StoreFixture.JANE_EVENTS_NEWEST_FIRST;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import io.opencdp.api.testing.ElasticsearchExtension;
import io.opencdp.api.testing.EsTestCluster;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GET /v1/profiles/{id}/events against the seeded store (events in two monthly indices). */
@ExtendWith(ElasticsearchExtension.class)
class ApiTimelineTest {
  private static StoreTestSupport store;

  @BeforeAll
  static void seed(EsTestCluster cluster) {
    store = StoreTestSupport.open(cluster);
  }

  @AfterAll
  static void close() {
    store.close();
  }

  private static JsonNode timeline(HttpClient client, String id, String query, String key) {
    Response response = client.get("/v1/profiles/" + id + "/events?" + query, bearer(key));
    assertThat(response.code()).as(query).isEqualTo(200);
    return json(response);
  }

  private static List<String> eventIds(JsonNode body) {
    List<String> ids = new ArrayList<>();
    body.get("events").forEach(e -> ids.add(e.get("event_id").asText()));
    return ids;
  }

  @Test
  void timelineIsNewestFirstAcrossMonths() {
    store.test(
        (app, client) -> {
          JsonNode body = timeline(client, JANE, "", AGENT);

          assertThat(body.get("profile_id").asText()).isEqualTo(JANE);
          assertThat(eventIds(body)).isEqualTo(JANE_EVENTS_NEWEST_FIRST);
          assertThat(body.get("next_cursor").isNull()).isTrue();
          assertThat(body.at("/events/0/event/person/email").asText())
              .isEqualTo("Jane.Doe@Example.com");
        });
  }

  @Test
  void aliasIdAnswersTheSurvivorsTimeline() {
    store.test(
        (app, client) -> {
          JsonNode body = timeline(client, JANE_ALIAS, "", AGENT);

          assertThat(body.get("profile_id").asText()).isEqualTo(JANE);
          assertThat(eventIds(body)).isEqualTo(JANE_EVENTS_NEWEST_FIRST);
        });
  }

  @Test
  void pagesFollowTheCursorToTheEnd() {
    store.test(
        (app, client) -> {
          List<String> seen = new ArrayList<>();
          List<Integer> sizes = new ArrayList<>();
          String cursor = null;
          do {
            JsonNode page =
                timeline(
                    client, JANE, "limit=2" + (cursor == null ? "" : "&cursor=" + cursor), AGENT);
            seen.addAll(eventIds(page));
            sizes.add(page.get("events").size());
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
          } while (cursor != null && sizes.size() < 10);

          assertThat(seen).isEqualTo(JANE_EVENTS_NEWEST_FIRST);
          assertThat(sizes).containsExactly(2, 2, 1);
        });
  }

  @Test
  void filtersByTypeChannelAndTime() {
    store.test(
        (app, client) -> {
          assertThat(eventIds(timeline(client, JANE, "channel=web", AGENT)))
              .containsExactly("e-02", "e-01");
          assertThat(eventIds(timeline(client, JANE, "type=order_completed", AGENT)))
              .containsExactly("e-02");
          assertThat(eventIds(timeline(client, JANE, "from=2026-03-01T00:00:00Z", AGENT)))
              .containsExactly("e-05", "e-04", "e-03");
          assertThat(eventIds(timeline(client, JANE, "to=2026-03-01T00:00:00Z", AGENT)))
              .containsExactly("e-02", "e-01");
          assertThat(
                  eventIds(
                      timeline(
                          client,
                          JANE,
                          "from=2026-02-20T12:00:00Z&to=2026-03-10T10:00:00Z",
                          AGENT)))
              .containsExactly("e-03", "e-02");
        });
  }

  @Test
  void marketerSeesEventContactDataMasked() {
    store.test(
        (app, client) -> {
          JsonNode event = timeline(client, JANE, "limit=1", MARKETER).at("/events/0/event");

          assertThat(event.at("/person/email").asText()).isEqualTo("J***@Example.com");
          assertThat(event.at("/person/phone").asText()).isEqualTo("***2000");
          assertThat(event.at("/person/birth_date").asText()).isEqualTo("***");
          assertThat(event.at("/person/address/street").asText()).isEqualTo("***");
          assertThat(event.at("/person/first_name").asText()).isEqualTo("Jane");
          assertThat(event.at("/identifiers/0/raw").asText()).isEqualTo("J***@Example.com");
          assertThat(event.at("/identifiers/0/normalized").asText()).isEqualTo("j***@example.com");
          assertThat(event.at("/identifiers/1/normalized").asText()).isEqualTo("***2000");
          assertThat(event.at("/custom/mobile").asText()).isEqualTo("***9999");
          assertThat(event.at("/custom/contact").asText()).isEqualTo("o***@example.com");
          assertThat(event.at("/custom/newsletter").asText()).isEqualTo("weekly");
          assertThat(event.toString())
              .doesNotContain("jane.doe")
              .doesNotContain("010-2000")
              .doesNotContain("1 Main St");
        });
  }

  @Test
  void unknownProfileIsA404() {
    store.test(
        (app, client) -> {
          Response response = client.get("/v1/profiles/p-nobody/events", bearer(AGENT));

          assertThat(response.code()).isEqualTo(404);
          assertThat(json(response).get("parameter").asText()).isEqualTo("id");
        });
  }

  @Test
  void badParametersAreA400NamingThem() {
    store.test(
        (app, client) -> {
          String base = "/v1/profiles/" + JANE + "/events?";
          assertThat(expect400(client, base + "from=yesterday").get("parameter").asText())
              .isEqualTo("from");
          assertThat(expect400(client, base + "to=2026-13-01T00:00:00Z").get("parameter").asText())
              .isEqualTo("to");
          assertThat(
                  expect400(client, base + "from=2026-03-01T00:00:00Z&to=2026-02-01T00:00:00Z")
                      .get("parameter")
                      .asText())
              .isEqualTo("to");
          JsonNode channel = expect400(client, base + "channel=fax");
          assertThat(channel.get("parameter").asText()).isEqualTo("channel");
          assertThat(channel.get("detail").asText()).contains("call_center");
          assertThat(expect400(client, base + "cursor=WzEsMl0").get("parameter").asText())
              .isEqualTo("cursor");
          assertThat(expect400(client, base + "limit=0").get("parameter").asText())
              .isEqualTo("limit");
        });
  }
}
