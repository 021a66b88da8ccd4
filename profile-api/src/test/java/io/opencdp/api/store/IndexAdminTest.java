package io.opencdp.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.api.testing.ElasticsearchExtension;
import io.opencdp.api.testing.EsTestCluster;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.config.IndexConfig;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Index admin and bulk writer against a real node, in a workspace of their own. */
@ExtendWith(ElasticsearchExtension.class)
class IndexAdminTest {
  private static final IndexConfig BULK = CdpConfig.defaults().index().withBulkActions(7);
  private static EsConnection es;
  private static IndexAdmin admin;

  @BeforeAll
  static void connect(EsTestCluster cluster) {
    es = EsConnection.open(cluster.url(), 30_000);
    admin = new IndexAdmin(es.client(), new StoreIndices("admin-test"));
  }

  @AfterAll
  static void close() {
    es.close();
  }

  @Test
  void swapsBothAliasesAtOnceAndDeletesTheOldIndices() {
    StoreIndices names = admin.names();
    Instant first = Instant.parse("2026-01-01T00:00:00Z");
    Instant second = Instant.parse("2026-01-02T00:00:00Z");
    load(names.profilesIndex(first), names.identityIndex(first), 3);
    assertThat(admin.swapAliases(names.profilesIndex(first), names.identityIndex(first))).isEmpty();
    assertThat(admin.count(names.profilesAlias())).isEqualTo(3);

    load(names.profilesIndex(second), names.identityIndex(second), 20);
    List<String> old = admin.swapAliases(names.profilesIndex(second), names.identityIndex(second));

    assertThat(old)
        .containsExactlyInAnyOrder(names.profilesIndex(first), names.identityIndex(first));
    assertThat(admin.indicesOf(names.profilesAlias())).containsExactly(names.profilesIndex(second));
    assertThat(admin.indicesOf(names.identityAlias())).containsExactly(names.identityIndex(second));
    assertThat(admin.count(names.profilesAlias())).isEqualTo(20);
    assertThat(admin.count(names.identityAlias())).isEqualTo(20);
    admin.delete(old);
    assertThat(admin.count(names.profilesIndex(first))).isZero();
  }

  @Test
  void aStrictMappingErrorFailsNamingTheDocument() {
    String index = admin.names().profilesIndex(Instant.parse("2026-02-01T00:00:00Z"));
    admin.createProfilesIndexForLoad(index);
    BulkWriter writer = new BulkWriter(es.client(), BULK);
    writer.index(index, "p_good", json("{\"profile_id\": \"p_good\"}"));
    writer.index(index, "p_bad", json("{\"profile_id\": \"p_bad\", \"no_such_field\": 1}"));

    assertThatThrownBy(writer::close)
        .isInstanceOf(BulkWriteException.class)
        .hasMessageContaining("'p_bad'")
        .hasMessageContaining(index)
        .hasMessageContaining("strict_dynamic_mapping_exception")
        .hasMessageContaining("status 400");
    admin.delete(List.of(index));
  }

  @Test
  void aPartialUpdateReplacesOneFieldAndSkipsAMissingDocument() throws Exception {
    String index = admin.names().profilesIndex(Instant.parse("2026-02-15T00:00:00Z"));
    admin.createProfilesIndexForLoad(index);
    try (BulkWriter writer = new BulkWriter(es.client(), BULK)) {
      writer.index(index, "p1", json("{\"profile_id\": \"p1\", \"segments\": [\"seg-a\"]}"));
    }
    admin.refresh(index);
    BulkWriter writer = new BulkWriter(es.client(), BULK);
    writer.update(index, "p1", Map.of("segments", List.of("seg-b", "seg-c")));
    writer.update(index, "gone", Map.of("segments", List.of("seg-b")));
    writer.update(admin.names().profilesIndex(Instant.EPOCH), "p1", Map.of("segments", List.of()));
    writer.close();

    assertThat(writer.result().indexed()).isEqualTo(1);
    assertThat(writer.result().missing()).isEqualTo(2);
    ObjectNode doc = es.client().get(g -> g.index(index).id("p1"), ObjectNode.class).source();
    assertThat(doc.path("profile_id").asText()).isEqualTo("p1");
    assertThat(doc.path("segments").toString()).isEqualTo("[\"seg-b\",\"seg-c\"]");
    assertThat(admin.count(index)).isEqualTo(1);
    admin.delete(List.of(index));
  }

  @Test
  void anIdentityIndexOfAnOlderVersionGetsTheNewFields() throws Exception {
    String index = admin.names().identityIndex(Instant.parse("2026-03-01T00:00:00Z"));
    // the identity mapping before probabilistic links were indexed
    String older =
        "{\"dynamic\": \"strict\", \"properties\": {\"profile_id\": {\"type\": \"keyword\"},"
            + " \"links\": {\"type\": \"object\", \"enabled\": false},"
            + " \"links_truncated\": {\"type\": \"boolean\"}}}";
    es.client()
        .indices()
        .create(c -> c.index(index).mappings(m -> m.withJson(new java.io.StringReader(older))));
    String doc =
        "{\"profile_id\": \"p1\", \"links_truncated\": false, \"probabilistic_links\":"
            + " [{\"probability\": 0.999, \"comparisons\": {\"given_name\": \"exact\"}}],"
            + " \"probabilistic_links_truncated\": false}";

    admin.updateIdentityMapping(index);

    try (BulkWriter writer = new BulkWriter(es.client(), BULK)) {
      writer.index(index, "p1", json(doc));
    }
    admin.refresh(index);
    assertThat(admin.count(index)).isEqualTo(1);
    admin.updateIdentityMapping(index);
    admin.delete(List.of(index));
  }

  @Test
  void eventIndicesAreMonthlyBehindTheAliasAndPrunedByAge() {
    IndexAdmin events = new IndexAdmin(es.client(), new StoreIndices("admin-events"));
    events.ensureEventIndices(List.of(YearMonth.of(2026, 1), YearMonth.of(2026, 3)), 0);
    try (BulkWriter writer = new BulkWriter(es.client(), BULK)) {
      writer.index(
          events.eventsIndex(YearMonth.of(2026, 1)),
          "e1",
          json("{\"event_id\": \"e1\", \"occurred_at\": \"2026-01-05T10:00:00Z\"}"));
      writer.index(
          events.eventsIndex(YearMonth.of(2026, 3)),
          "e2",
          json("{\"event_id\": \"e2\", \"occurred_at\": \"2026-03-02T10:00:00Z\"}"));
      writer.index(
          events.eventsIndex(YearMonth.of(2026, 3)),
          "e3",
          json("{\"event_id\": \"e3\", \"occurred_at\": \"2026-03-20T10:00:00Z\"}"));
      writer.delete(events.eventsIndex(YearMonth.of(2026, 3)), "never-written");
    }
    events.refresh(events.names().eventsAlias());
    assertThat(events.count(events.names().eventsAlias())).isEqualTo(3);

    events.pruneEventsBefore(Instant.parse("2026-03-10T00:00:00Z"));

    assertThat(events.eventIndices()).containsExactly(events.eventsIndex(YearMonth.of(2026, 3)));
    assertThat(events.count(events.names().eventsAlias())).isEqualTo(1);
    events.delete(events.eventIndices());
  }

  private static void load(String profiles, String identity, int docs) {
    admin.createProfilesIndexForLoad(profiles);
    admin.createIdentityIndexForLoad(identity);
    try (BulkWriter writer = new BulkWriter(es.client(), BULK)) {
      for (int i = 0; i < docs; i++) {
        writer.index(profiles, "p" + i, json("{\"profile_id\": \"p" + i + "\"}"));
        writer.index(identity, "p" + i, json("{\"profile_id\": \"p" + i + "\"}"));
      }
      assertThat(writer.result().indexed()).isLessThanOrEqualTo(2L * docs);
    }
    admin.finishLoad(profiles, 0);
    admin.finishLoad(identity, 0);
  }

  private static byte[] json(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
