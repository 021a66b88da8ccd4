package io.opencdp.api;

import static io.opencdp.api.ApiFixture.ADMIN;
import static io.opencdp.api.ApiFixture.AGENT;
import static io.opencdp.api.ApiFixture.MARKETER;
import static io.opencdp.api.ApiFixture.bearer;
import static io.opencdp.api.ApiFixture.json;
import static io.opencdp.api.StoreFixture.HOUSEHOLD_PHONE;
import static io.opencdp.api.StoreFixture.JANE;
import static io.opencdp.api.StoreFixture.JANE_ALIAS;
import static io.opencdp.api.StoreFixture.JANE_EMAIL;
import static io.opencdp.api.StoreFixture.JANE_EVENTS_NEWEST_FIRST;
import static io.opencdp.api.StoreFixture.JANE_SEGMENT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.api.testing.ElasticsearchExtension;
import io.opencdp.api.testing.EsTestCluster;
import io.opencdp.schemas.json.Json;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /v1/profiles/{id}/export} (the access export) against the seeded store. */
@ExtendWith(ElasticsearchExtension.class)
class ApiAccessExportTest {
  private static StoreTestSupport store;

  @BeforeAll
  static void seed(EsTestCluster cluster) throws Exception {
    store = StoreTestSupport.open(cluster);
    // the row an audience export sent of Jane, as ExportState records it
    String index = "cdp-" + StoreFixture.WORKSPACE + "-export-state";
    new OwnedIndex(
            store.connection().client(), index, "/io/opencdp/api/export/export-state-mapping.json")
        .ensure();
    ObjectNode sent = Json.mapper().createObjectNode();
    sent.put("workspace_id", StoreFixture.WORKSPACE).put("segment_id", JANE_SEGMENT);
    sent.put("destination", "access-test").put("profile_id", JANE).put("format", "csv");
    sent.put("export_id", "exp-1-000000").put("exported_at", "2026-04-02T00:00:00Z");
    sent.putArray("row").add(JANE).add(JANE_EMAIL);
    store
        .connection()
        .client()
        .index(
            i ->
                i.index(index)
                    .id(JANE_SEGMENT + "/access-test/" + JANE)
                    .refresh(co.elastic.clients.elasticsearch._types.Refresh.True)
                    .document(sent));
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Test
  void anAdminGetsEverythingHeldOnThePersonAsOneDocument() {
    store.test(
        (app, client) -> {
          Response response = client.get("/v1/profiles/" + JANE_ALIAS + "/export", bearer(ADMIN));
          JsonNode body = json(response);

          assertThat(response.code()).isEqualTo(200);
          assertThat(response.header("Content-Type")).startsWith("application/json");
          assertThat(body.get("profile_id").asText()).isEqualTo(JANE);
          assertThat(body.get("requested_id").asText()).isEqualTo(JANE_ALIAS);
          // unmasked, without the query-only fields
          assertThat(body.at("/profile/email/value").asText()).isEqualTo(JANE_EMAIL);
          assertThat(body.at("/profile/search").isMissingNode()).isTrue();
          assertThat(body.get("identifiers").findValuesAsText("value"))
              .contains(JANE_EMAIL, HOUSEHOLD_PHONE, "C-1001", "anon-1");
          assertThat(body.at("/merges/merged_from/0").asText()).isEqualTo(JANE_ALIAS);
          assertThat(body.at("/merges/records/0/alias_profile_id").asText()).isEqualTo(JANE_ALIAS);
          assertThat(body.at("/identity/links").size()).isEqualTo(1);
          assertThat(body.at("/identity/dropped_links").size()).isEqualTo(1);
          assertThat(body.at("/segments/0/segment_id").asText()).isEqualTo(JANE_SEGMENT);
          assertThat(body.at("/audience_exports/0/destination").asText()).isEqualTo("access-test");
          assertThat(body.at("/audience_exports/0/row/1").asText()).isEqualTo(JANE_EMAIL);
          // every event, oldest first, as stored (identifiers unmasked)
          List<String> events = new ArrayList<>(JANE_EVENTS_NEWEST_FIRST);
          java.util.Collections.reverse(events);
          assertThat(body.get("events").findValuesAsText("profile_id")).containsOnly(JANE);
          assertThat(eventIds(body.get("events"))).containsExactlyElementsOf(events);
          assertThat(body.at("/events/0/event/identifiers/0/raw").asText())
              .isEqualTo("Jane.Doe@Example.com");
          assertThat(body.get("event_count").asInt()).isEqualTo(events.size());
          // consent: current per purpose, the latest rows, and every change the events carried
          assertThat(ApiConsentTest.names(body.at("/consent/purposes")))
              .containsExactly("marketing_email", "marketing_sms", "ad_targeting", "analytics");
          assertThat(body.at("/consent/records").size()).isEqualTo(3);
          JsonNode history = body.at("/consent/history");
          assertThat(history.findValuesAsText("event_id"))
              .containsExactly("e-01", "e-02", "e-02", "e-03");
          assertThat(history.get(1).get("channel").asText()).isEqualTo("email");
          assertThat(history.get(1).get("granted").asBoolean()).isFalse();
        });
  }

  @Test
  void onlyAdminsMayExportAndAnUnknownProfileIsA404() {
    store.test(
        (app, client) -> {
          assertThat(client.get("/v1/profiles/" + JANE + "/export", bearer(AGENT)).code())
              .isEqualTo(403);
          assertThat(client.get("/v1/profiles/" + JANE + "/export", bearer(MARKETER)).code())
              .isEqualTo(403);
          assertThat(client.get("/v1/profiles/p-nobody/export", bearer(ADMIN)).code())
              .isEqualTo(404);
        });
  }

  @Test
  void eventsAreReadPageByPageWithoutLosingOne() {
    EventStore events =
        new EventStore(store.connection().client(), new StoreIndices(StoreFixture.WORKSPACE));
    List<ObjectNode> read = new ArrayList<>();

    events.forEachEvent(List.of(JANE, JANE_ALIAS), 2, read::add);

    List<String> expected = new ArrayList<>(JANE_EVENTS_NEWEST_FIRST);
    java.util.Collections.reverse(expected);
    assertThat(read)
        .extracting(e -> e.get("event_id").asText())
        .containsExactlyElementsOf(expected);
  }

  private static List<String> eventIds(JsonNode events) {
    List<String> ids = new ArrayList<>();
    events.forEach(e -> ids.add(e.get("event_id").asText()));
    return ids;
  }
}
