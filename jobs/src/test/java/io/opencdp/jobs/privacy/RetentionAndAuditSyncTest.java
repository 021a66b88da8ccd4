package io.opencdp.jobs.privacy;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.api.AuditIndex;
import io.opencdp.api.store.AuditEntry;
import io.opencdp.api.store.EsConnection;
import io.opencdp.api.store.IndexAdmin;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.api.testing.ElasticsearchExtension;
import io.opencdp.api.testing.EsTestCluster;
import io.opencdp.ingest.spark.DeltaTables;
import io.opencdp.ingest.spark.EventRows;
import io.opencdp.ingest.spark.EventsTable;
import io.opencdp.ingest.spark.TableLocations;
import io.opencdp.ingest.testing.SharedSpark;
import io.opencdp.resolve.spark.ResolveJob;
import io.opencdp.resolve.spark.ResolveMode;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.config.ConfigLoader;
import io.opencdp.schemas.event.Channel;
import io.opencdp.schemas.event.EventIds;
import io.opencdp.schemas.event.Identifier;
import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.event.TouchpointEvent;
import io.opencdp.schemas.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Retention and the audit log's copy to Delta, on a small workspace of its own with real Delta
 * tables and a real Elasticsearch node: Ann has events in April, May (either side of the cutoff)
 * and June 2026, Bob only in April. Events are kept 30 days; the runs are as of 2026-06-15, so the
 * cutoff is 2026-05-16. In order: each step starts from the previous one.
 */
@ExtendWith(ElasticsearchExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RetentionAndAuditSyncTest {
  private static final String WS = "retn";
  private static final StoreIndices INDICES = new StoreIndices(WS);
  private static final Instant AS_OF = Instant.parse("2026-06-15T00:00:00Z");
  private static final Instant CUTOFF = Instant.parse("2026-05-16T00:00:00Z");

  private static SparkSession spark;
  private static CdpConfig config;
  private static TableLocations tables;
  private static EsConnection es;
  private static String esUrl;
  private static Map<String, String> profilesBefore;

  @BeforeAll
  static void eventsInDeltaAndElasticsearch(EsTestCluster cluster) throws IOException {
    spark = SharedSpark.session();
    Path work = SharedSpark.newTableDir("retention");
    Path file =
        Files.writeString(
            work.resolve("cdp.yaml"),
            "workspace: " + WS + "\nprivacy:\n  retention:\n    events_max_age_days: 30\n");
    config = ConfigLoader.load(file).withWorkDir(work);
    tables = TableLocations.of(config);
    esUrl = cluster.url();
    es = EsConnection.open(esUrl, 30_000);
    ElasticsearchClient client = es.client();
    for (String index : esCounts().keySet()) {
      client.indices().delete(d -> d.index(index));
    }
    client.indices().delete(d -> d.index(INDICES.auditIndex()).ignoreUnavailable(true));

    List<TouchpointEvent> events =
        List.of(
            event("ann-apr", "2026-04-10T09:00:00Z", "ann@mail.test"),
            event("ann-may-old", "2026-05-10T09:00:00Z", "ann@mail.test"),
            event("ann-may-new", "2026-05-20T09:00:00Z", "ann@mail.test"),
            event("ann-jun", "2026-06-01T09:00:00Z", "ann@mail.test"),
            event("bob-apr", "2026-04-20T09:00:00Z", "bob@mail.test"));
    DeltaTables.createIfNotExists(
        spark, tables.events(), EventsTable.SCHEMA, EventsTable.PARTITION_COLUMNS);
    spark
        .createDataFrame(
            events.stream().map(e -> EventRows.toRow(e, "t", AS_OF)).toList(), EventsTable.SCHEMA)
        .write()
        .format("delta")
        .mode("append")
        .save(tables.events());
    new ResolveJob(spark, config).run(ResolveMode.FULL, "run-1");
    profilesBefore = eventProfiles();

    new IndexAdmin(client, INDICES)
        .ensureEventIndices(
            events.stream()
                .map(e -> YearMonth.from(e.occurredAt().atOffset(ZoneOffset.UTC)))
                .toList(),
            0);
    BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(Refresh.True);
    for (TouchpointEvent e : events) {
      String index = INDICES.eventsIndex(e.occurredAt());
      ObjectNode doc = Json.mapper().createObjectNode();
      doc.put("workspace_id", WS).put("event_id", e.eventId()).put("profile_id", "p-x");
      doc.put("event_type", e.eventType()).put("occurred_at", e.occurredAt().toString());
      bulk.operations(o -> o.index(i -> i.index(index).id(e.eventId()).document(doc)));
    }
    assertThat(client.bulk(bulk.build()).errors()).isFalse();
  }

  @AfterAll
  static void close() {
    es.close();
  }

  @Test
  @Order(1)
  void aDryRunCountsPerTableAndIndexAndChangesNothing() throws IOException {
    RetentionJob.Report report = new RetentionJob(spark, config, esUrl).run(AS_OF, true, "t");

    assertThat(report.cutoff()).isEqualTo(CUTOFF);
    assertThat(report.removals())
        .extracting(RetentionJob.Removal::toString)
        .containsExactly(
            "delta events: 3 would be deleted",
            "delta resolve_events: 3 would be deleted",
            "elasticsearch cdp-retn-events-2026.04: 2 in an index that would be deleted",
            "elasticsearch cdp-retn-events-2026.05: 1 would be deleted by query");
    assertThat(sourceKeys("events")).hasSize(5);
    assertThat(esCounts()).containsEntry("cdp-retn-events-2026.04", 2L);
    assertThat(DeltaTables.exists(spark, AuditTable.location(config))).isFalse();
  }

  @Test
  @Order(2)
  void oldEventsLeaveDeltaAndElasticsearchAndTheRunIsAudited() throws IOException {
    RetentionJob.Report report =
        new RetentionJob(spark, config, esUrl).run(AS_OF, false, "cli:tester");

    assertThat(report.removals())
        .extracting(RetentionJob.Removal::toString)
        .containsExactly(
            "delta events: 3 deleted",
            "delta resolve_events: 3 deleted",
            "elasticsearch cdp-retn-events-2026.04: 2 in the deleted index",
            "elasticsearch cdp-retn-events-2026.05: 1 deleted by query");
    assertThat(sourceKeys("events")).containsExactlyInAnyOrder("ann-may-new", "ann-jun");
    assertThat(eventIds("resolve_events"))
        .containsExactlyInAnyOrder(
            EventIds.derive(WS, "test", "ann-may-new"), EventIds.derive(WS, "test", "ann-jun"));
    assertThat(esCounts())
        .containsExactly(
            Map.entry("cdp-retn-events-2026.05", 1L), Map.entry("cdp-retn-events-2026.06", 1L));

    List<Row> audit =
        spark.read().format("delta").load(AuditTable.location(config)).collectAsList();
    assertThat(audit)
        .singleElement()
        .satisfies(
            r -> {
              assertThat((String) r.getAs("action")).isEqualTo("retention_run");
              assertThat((String) r.getAs("actor")).isEqualTo("cli:tester");
              assertThat((String) r.getAs("route")).isEqualTo("cdp privacy retention");
              assertThat((String) r.getAs("detail"))
                  .contains("cutoff 2026-05-16T00:00:00Z", "delta events: 3 deleted");
            });
    // mirrored to Elasticsearch for GET /v1/audit, already marked synced
    AuditIndex index = new AuditIndex(es.client(), INDICES);
    assertThat(index.unsynced(10)).isEmpty();

    RetentionJob.Report again = new RetentionJob(spark, config, esUrl).run(AS_OF, false, "t");
    assertThat(again.total()).isZero();
  }

  @Test
  @Order(3)
  void auditSyncCopiesEachEntryOnceEvenWhenAMarkWasLost() throws IOException {
    AuditIndex index = new AuditIndex(es.client(), INDICES);
    List<AuditEntry> entries = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      entries.add(
          AuditEntry.create(
              WS,
              AS_OF.plusSeconds(i),
              "agent-1",
              "agent",
              AuditEntry.PROFILE_READ,
              "p-" + i,
              "GET /v1/profiles/{id}",
              200,
              "req-" + i,
              null));
    }
    index.append(entries, null);
    index.refresh();
    AuditSync sync = new AuditSync(config, esUrl);

    assertThat(sync.run(spark)).isEqualTo(new AuditSync.Result("cdp-retn-audit", 3, 3));
    assertThat(sync.run(spark)).isEqualTo(new AuditSync.Result("cdp-retn-audit", 0, 0));
    // as if a sync stopped after appending to Delta and before marking the entry
    es.client()
        .index(
            i ->
                i.index(index.name())
                    .id(entries.get(1).auditId())
                    .document(entries.get(1).toJson())
                    .refresh(Refresh.WaitFor));
    assertThat(sync.run(spark)).isEqualTo(new AuditSync.Result("cdp-retn-audit", 1, 0));

    List<Row> rows =
        spark
            .read()
            .format("delta")
            .load(AuditTable.location(config))
            .where(col("action").equalTo("profile_read"))
            .orderBy("at")
            .collectAsList();
    assertThat(rows)
        .extracting(r -> (String) r.getAs("audit_id"))
        .containsExactlyElementsOf(entries.stream().map(AuditEntry::auditId).toList());
    Row first = rows.get(0);
    assertThat((String) first.getAs("route")).isEqualTo("GET /v1/profiles/{id}");
    assertThat((Integer) first.getAs("status")).isEqualTo(200);
    assertThat((Instant) first.getAs("at")).isEqualTo(AS_OF);

    // append-only: Delta itself refuses to delete
    assertThatThrownBy(
            () -> spark.sql("DELETE FROM delta.`" + AuditTable.location(config) + "`").collect())
        .hasMessageContaining("append");
  }

  @Test
  @Order(4)
  void theNextResolveKeepsTheIdOfAPersonWithEventsLeftAndRetiresOneWithoutAny() {
    assertThat(profilesBefore).hasSize(5);
    new ResolveJob(spark, config).run(ResolveMode.INCREMENTAL, "run-2");

    Map<String, String> after = eventProfiles();
    assertThat(after.keySet()).containsExactlyInAnyOrder("ann-may-new", "ann-jun");
    assertThat(after.get("ann-jun")).isEqualTo(profilesBefore.get("ann-jun"));
    assertThat(
            spark
                .read()
                .format("delta")
                .load(tables.table("identity_map"))
                .where(col("identifier_value").equalTo("bob@mail.test"))
                .isEmpty())
        .isTrue();
  }

  /** Source key to profile id, from event_profiles. */
  private static Map<String, String> eventProfiles() {
    Map<String, String> byKey = new TreeMap<>();
    List<Row> rows =
        spark.read().format("delta").load(tables.table("event_profiles")).collectAsList();
    for (String key : List.of("ann-apr", "ann-may-old", "ann-may-new", "ann-jun", "bob-apr")) {
      String eventId = EventIds.derive(WS, "test", key);
      rows.stream()
          .filter(r -> eventId.equals(r.getAs("event_id")))
          .forEach(r -> byKey.put(key, r.getAs("profile_id")));
    }
    return byKey;
  }

  private static TouchpointEvent event(String key, String at, String email) {
    Instant when = Instant.parse(at);
    return TouchpointEvent.builder()
        .workspaceId(WS)
        .channel(Channel.WEB)
        .sourceSystem("test")
        .sourceKey(key)
        .eventType("identify")
        .occurredAt(when)
        .receivedAt(when)
        .identifier(new Identifier(IdentifierType.EMAIL, email, email, true))
        .build();
  }

  private static List<String> sourceKeys(String table) {
    return spark
        .read()
        .format("delta")
        .load(tables.table(table))
        .select("source_key")
        .collectAsList()
        .stream()
        .map(r -> r.getString(0))
        .toList();
  }

  private static List<String> eventIds(String table) {
    return spark
        .read()
        .format("delta")
        .load(tables.table(table))
        .select("event_id")
        .collectAsList()
        .stream()
        .map(r -> r.getString(0))
        .toList();
  }

  /** Index name to document count, of every events index of the workspace. */
  private static Map<String, Long> esCounts() throws IOException {
    Map<String, Long> counts = new TreeMap<>();
    ElasticsearchClient client = es.client();
    client.indices().refresh(r -> r.index(INDICES.eventsIndexPattern()).allowNoIndices(true));
    for (String index :
        client
            .indices()
            .get(g -> g.index(INDICES.eventsIndexPattern()).allowNoIndices(true))
            .result()
            .keySet()) {
      counts.put(index, client.count(c -> c.index(index)).count());
    }
    return counts;
  }
}
