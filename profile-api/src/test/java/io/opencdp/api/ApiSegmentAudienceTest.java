package io.opencdp.api;

import static io.opencdp.api.ApiFixture.json;
import static io.opencdp.api.ApiSegmentsTest.US;
import static io.opencdp.api.ApiSegmentsTest.definition;
import static io.opencdp.api.ApiSegmentsTest.save;
import static io.opencdp.api.ApiSegmentsTest.send;
import static io.opencdp.api.SegmentFixture.ADMIN;
import static io.opencdp.api.SegmentFixture.MARKETER;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.Refresh;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.testtools.HttpClient;
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

/** Preview, count and members of segments, counted in a real node over {@link SegmentFixture}. */
@ExtendWith(ElasticsearchExtension.class)
class ApiSegmentAudienceTest {
  private static final String OUTSIDE_US =
      "{\"field\": \"country\", \"op\": \"in\", \"value\": [\"DE\", \"FR\"]}";

  private static SegmentFixture fixture;

  @BeforeAll
  static void open(EsTestCluster cluster) {
    fixture = SegmentFixture.open(cluster);
  }

  @AfterAll
  static void close() {
    fixture.close();
  }

  @Test
  void previewCountsAndShowsASampleWithoutSaving() {
    fixture.test(
        (app, client) -> {
          int saved = json(send(client, "GET", "/v1/segments", null, ADMIN)).get("segments").size();
          Response response =
              send(client, "POST", "/v1/segments/preview", definition("p", OUTSIDE_US), MARKETER);
          JsonNode body = json(response);

          assertThat(response.code()).isEqualTo(200);
          assertThat(body.get("count").asLong()).isEqualTo(2);
          assertThat(body.get("counted_at").asText()).isEqualTo("2026-03-15T10:00:00Z");
          assertThat(body.get("sample").findValuesAsText("profile_id"))
              .containsExactly("p-f", "p-g");
          JsonNode us =
              json(send(client, "POST", "/v1/segments/preview", definition("p", US), ADMIN));
          assertThat(us.get("count").asLong()).isEqualTo(5);
          assertThat(us.get("sample")).hasSize(5);
          assertThat(json(send(client, "GET", "/v1/segments", null, ADMIN)).get("segments"))
              .hasSize(saved);
        });
  }

  @Test
  void countIsExactAndFollowsReferencedSegments() {
    fixture.test(
        (app, client) -> {
          String us = save(client, "us", US);
          String buyers =
              save(
                  client,
                  "us buyers",
                  "{\"and\": [{\"in_segment\": \""
                      + us
                      + "\"}, {\"field\": \"traits.order_count\", \"op\": \"gte\", \"value\": 1}]}");

          JsonNode count =
              json(send(client, "GET", "/v1/segments/" + us + "/count", null, MARKETER));
          assertThat(count.get("count").asLong()).isEqualTo(5);
          assertThat(count.get("segment_id").asText()).isEqualTo(us);
          assertThat(count.get("version").asLong()).isEqualTo(1);
          assertThat(count.get("counted_at").asText()).isEqualTo("2026-03-15T10:00:00Z");
          assertThat(
                  json(send(client, "GET", "/v1/segments/" + buyers + "/count", null, MARKETER))
                      .get("count")
                      .asLong())
              .isEqualTo(2);

          // the reference is live: changing "us" changes "us buyers"
          send(client, "PUT", "/v1/segments/" + us, definition("us", OUTSIDE_US), ADMIN);
          assertThat(
                  json(send(client, "GET", "/v1/segments/" + buyers + "/count", null, MARKETER))
                      .get("count")
                      .asLong())
              .isZero();
        });
  }

  @Test
  void membersPageThroughEveryMemberOnceInOneSnapshot() throws Exception {
    fixture.test(
        (app, client) -> {
          String us = save(client, "us members", US);
          List<String> seen = new ArrayList<>();
          List<JsonNode> profiles = new ArrayList<>();
          String cursor = null;
          int pages = 0;
          do {
            JsonNode page = members(client, us, cursor, MARKETER);
            assertThat(page.get("members").size()).isLessThanOrEqualTo(2);
            page.get("members").forEach(profiles::add);
            seen.addAll(page.get("members").findValuesAsText("profile_id"));
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
            if (pages++ == 0) {
              // a new member indexed after the first page is not in this listing
              index("p-ab", "US");
            }
          } while (cursor != null);

          assertThat(pages).isEqualTo(3);
          assertThat(seen).containsExactlyElementsOf(SegmentFixture.US);
          for (JsonNode profile : profiles) {
            assertThat(profile.at("/email/value").asText()).matches(".\\*\\*\\*@example\\.com");
            assertThat(profile.at("/phone/value").asText()).startsWith("***");
            assertThat(profile.at("/identifiers/email/0").asText()).contains("***");
          }
          assertThat(
                  members(client, us, null, MARKETER).get("members").findValuesAsText("profile_id"))
              .contains("p-ab");
          deleteProfile("p-ab");

          JsonNode admin = members(client, us, null, ADMIN);
          assertThat(admin.at("/members/0/email/value").asText()).isEqualTo("a.person@example.com");
          assertThat(admin.at("/members/0/phone/value").asText()).isEqualTo("+15550100000");
        });
  }

  @Test
  void anExpiredOrForeignCursorIsRefused() {
    fixture.test(
        (app, client) -> {
          String us = save(client, "us expiring", US);
          String other = save(client, "other", US);
          String cursor = members(client, us, null, ADMIN).get("next_cursor").asText();
          String pit = MembersCursor.decode(cursor, us).pitId();
          fixture.connection().client().closePointInTime(c -> c.id(pit));

          Response expired =
              send(
                  client,
                  "GET",
                  "/v1/segments/" + us + "/members?limit=2&cursor=" + cursor,
                  null,
                  ADMIN);
          JsonNode problem = json(expired);
          assertThat(expired.code()).isEqualTo(400);
          assertThat(problem.get("parameter").asText()).isEqualTo("cursor");
          assertThat(problem.get("detail").asText()).contains("expired");

          Response foreign =
              send(
                  client,
                  "GET",
                  "/v1/segments/" + other + "/members?cursor=" + cursor,
                  null,
                  ADMIN);
          assertThat(foreign.code()).isEqualTo(400);
          assertThat(json(foreign).get("parameter").asText()).isEqualTo("cursor");
          Response garbage =
              send(client, "GET", "/v1/segments/" + us + "/members?cursor=xyz", null, ADMIN);
          assertThat(garbage.code()).isEqualTo(400);

          String fresh = members(client, us, null, ADMIN).get("next_cursor").asText();
          send(client, "PUT", "/v1/segments/" + us, definition("changed", US), ADMIN);
          Response changed =
              send(client, "GET", "/v1/segments/" + us + "/members?cursor=" + fresh, null, ADMIN);
          assertThat(changed.code()).isEqualTo(400);
          assertThat(json(changed).get("detail").asText()).contains("changed since");
        });
  }

  private static JsonNode members(HttpClient client, String id, String cursor, String key) {
    Response response =
        send(
            client,
            "GET",
            "/v1/segments/" + id + "/members?limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
            null,
            key);
    JsonNode body = json(response);
    assertThat(response.code()).as(body.toString()).isEqualTo(200);
    return body;
  }

  private static void index(String id, String country) throws Exception {
    ObjectNode doc = Json.mapper().createObjectNode();
    doc.put("workspace_id", SegmentFixture.WORKSPACE).put("profile_id", id).put("country", country);
    fixture
        .connection()
        .client()
        .index(
            i ->
                i.index(SegmentFixture.INDICES.profilesAlias())
                    .id(id)
                    .refresh(Refresh.True)
                    .document(doc));
  }

  private static void deleteProfile(String id) throws Exception {
    fixture
        .connection()
        .client()
        .delete(d -> d.index(SegmentFixture.INDICES.profilesAlias()).id(id).refresh(Refresh.True));
  }
}
