package io.opencdp.api;

import static io.opencdp.api.ApiFixture.AGENT;
import static io.opencdp.api.ApiFixture.MARKETER;
import static io.opencdp.api.ApiFixture.bearer;
import static io.opencdp.api.ApiFixture.json;
import static io.opencdp.api.ApiProfilesTest.expect400;
import static io.opencdp.api.ApiProfilesTest.ids;
import static io.opencdp.api.StoreFixture.JANE;
import static io.opencdp.api.StoreFixture.JOHN;
import static io.opencdp.api.StoreFixture.JOSE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opencdp.api.testing.ElasticsearchExtension;
import io.opencdp.api.testing.EsTestCluster;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GET /v1/profiles/search against the seeded store. */
@ExtendWith(ElasticsearchExtension.class)
class ApiSearchTest {
  private static StoreTestSupport store;

  @BeforeAll
  static void seed(EsTestCluster cluster) {
    store = StoreTestSupport.open(cluster);
  }

  @AfterAll
  static void close() {
    store.close();
  }

  private static JsonNode search(io.javalin.testtools.HttpClient client, String query) {
    Response response = client.get("/v1/profiles/search?" + query, bearer(AGENT));
    assertThat(response.code()).as(query).isEqualTo(200);
    return json(response);
  }

  @Test
  void accentsAndCaseDoNotMatter() {
    store.test(
        (app, client) -> {
          assertThat(ids(search(client, "q=jose%20nunez")).get(0)).isEqualTo(JOSE);
          assertThat(ids(search(client, "q=JOS%C3%89%20N%C3%9A%C3%91EZ")).get(0)).isEqualTo(JOSE);
          assertThat(ids(search(client, "q=sao%20paulo"))).containsExactly(JOSE);
        });
  }

  @Test
  void typosStillFindAndTheBestMatchRanksFirst() {
    store.test(
        (app, client) -> {
          List<String> found = ids(search(client, "q=jane%20doo"));

          assertThat(found.get(0)).isEqualTo(JANE);
          assertThat(found).contains(JOHN);
          assertThat(ids(search(client, "q=nunes"))).containsExactly(JOSE);
        });
  }

  @Test
  void emailOrPhoneAlsoMatchesExactly() {
    store.test(
        (app, client) -> {
          assertThat(ids(search(client, "q=Jane.Doe@example.com")).get(0)).isEqualTo(JANE);
          assertThat(ids(search(client, "q=(555)%20010-3333")).get(0)).isEqualTo(JOSE);
          assertThat(ids(search(client, "q=2000"))).containsExactlyInAnyOrder(JANE, JOHN);
        });
  }

  @Test
  void pagesFollowTheCursorToTheEnd() {
    store.test(
        (app, client) -> {
          List<String> seen = new ArrayList<>();
          String cursor = null;
          int pages = 0;
          do {
            JsonNode page =
                search(client, "q=doe&limit=1" + (cursor == null ? "" : "&cursor=" + cursor));
            seen.addAll(ids(page));
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
            pages++;
          } while (cursor != null && pages < 5);

          assertThat(seen).containsExactly(JANE, JOHN);
          assertThat(pages).isEqualTo(2);
        });
  }

  @Test
  void marketerSeesSearchResultsMasked() {
    store.test(
        (app, client) -> {
          JsonNode body = json(client.get("/v1/profiles/search?q=jane", bearer(MARKETER)));

          assertThat(body.at("/profiles/0/email/value").asText()).isEqualTo("j***@example.com");
          assertThat(body.toString()).doesNotContain("jane.doe@").doesNotContain("\"search\"");
        });
  }

  @Test
  void badCursorLimitOrQueryIsA400NamingIt() {
    String notOurs =
        Base64.getUrlEncoder().encodeToString("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
    store.test(
        (app, client) -> {
          for (String query :
              List.of("q=doe&cursor=!!", "q=doe&cursor=" + notOurs, "q=doe&cursor=bm9wZQ")) {
            assertThat(expect400(client, "/v1/profiles/search?" + query).get("parameter").asText())
                .as(query)
                .isEqualTo("cursor");
          }
          for (String limit : List.of("0", "101", "abc")) {
            assertThat(
                    expect400(client, "/v1/profiles/search?q=doe&limit=" + limit)
                        .get("parameter")
                        .asText())
                .as(limit)
                .isEqualTo("limit");
          }
          // the search route is not taken for a profile id "search"
          assertThat(expect400(client, "/v1/profiles/search").get("parameter").asText())
              .isEqualTo("q");
          assertThat(expect400(client, "/v1/profiles/search?q=%20").get("parameter").asText())
              .isEqualTo("q");
        });
  }
}
