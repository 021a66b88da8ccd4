package io.opencdp.jobs.segment;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.delta.tables.DeltaTable;
import io.opencdp.api.ApiKeys;
import io.opencdp.api.ApiServer;
import io.opencdp.api.store.EsConnection;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.api.testing.ElasticsearchExtension;
import io.opencdp.api.testing.EsTestCluster;
import io.opencdp.ingest.spark.TableLocations;
import io.opencdp.ingest.testing.SharedSpark;
import io.opencdp.jobs.index.IndexJob;
import io.opencdp.jobs.index.IndexMode;
import io.opencdp.jobs.index.IndexReport;
import io.opencdp.jobs.testing.AgentGet;
import io.opencdp.jobs.testing.IndexedSample;
import io.opencdp.schemas.config.ApiConfig;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.config.SegmentsConfig;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.json.Json;
import io.opencdp.schemas.segment.Condition;
import io.opencdp.schemas.segment.ProfileFields;
import io.opencdp.schemas.segment.SegmentContext;
import io.opencdp.schemas.segment.SegmentDefinitions;
import io.opencdp.schemas.segment.SegmentLookup;
import io.opencdp.schemas.segment.SegmentWindows;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
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
 * {@code cdp segments refresh} on a private copy of the resolved sample indexed into a real node,
 * in Europe/Berlin, with segments saved through the API started in-process and fixed clocks: the
 * runs share their tables, so the tests run in order.
 */
@ExtendWith(ElasticsearchExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SegmentRefreshJobTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  // 00:30 on 2026-10-21 in Berlin, still the 20th in UTC
  static final Instant T1 = Instant.parse("2026-10-20T22:30:00Z");
  static final Instant T2 = Instant.parse("2026-10-20T22:45:00Z");
  static final Instant T3 = Instant.parse("2026-10-20T23:00:00Z");
  static final String US = "{\"field\": \"country\", \"op\": \"eq\", \"value\": \"US\"}";
  static final String RECENT_PAGES = "{\"event\": {\"type\": \"page\", \"within_last_days\": 1}}";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String MARKETER = "cdp_demo_marketer_key";

  private static SparkSession spark;
  private static CdpConfig config;
  private static TableLocations tables;
  private static String esUrl;
  private static EsConnection es;
  private static ApiServer api;
  private static IndexReport indexed;
  private static String alias;
  private static String usId;
  private static String pagesId;
  private static String leaver;
  private static String joiner;

  @BeforeAll
  static void indexTheSampleAndSaveTwoSegments(EsTestCluster cluster) throws Exception {
    spark = SharedSpark.session();
    esUrl = cluster.url();
    // the sample indexed in full (shared; the segments settings do not change the documents)
    IndexedSample.Copy copy = IndexedSample.privateCopy("segment-refresh", esUrl);
    config = copy.config().withSegments(new SegmentsConfig(BERLIN));
    indexed = copy.full();
    tables = TableLocations.of(config);
    es = EsConnection.open(esUrl, 60_000);
    StoreIndices names = new StoreIndices(config.workspace());
    alias = names.profilesAlias();
    es.client().indices().delete(d -> d.index(names.segmentsIndex()).ignoreUnavailable(true));
    api = ApiServer.create(config, config.api().withPort(0), esUrl).start();
    usId = save("US", US);
    pagesId = save("Pages today", RECENT_PAGES);
  }

  @AfterAll
  static void close() {
    if (api != null) {
      api.close();
    }
    if (es != null) {
      es.close();
    }
  }

  @Test
  @Order(1)
  void theFirstRunEntersEveryMemberAtTheRunInstant() throws Exception {
    RefreshReport report = refresh(T1, List.of(), false);

    Set<String> us = esMembers(US_QUERY);
    assertThat(us).isNotEmpty();
    assertThat(segment(report, usId).members()).isEqualTo(us.size());
    assertThat(segment(report, usId).entered()).isEqualTo(us.size());
    assertThat(segment(report, usId).exited()).isZero();
    assertThat(openMembers(usId)).isEqualTo(us);
    List<Row> rows = membership().where(col("segment_id").equalTo(usId)).collectAsList();
    assertThat(rows).hasSize(us.size());
    for (Row row : rows) {
      assertThat(instant(row.getAs("entered_at"))).isEqualTo(T1);
      assertThat(row.<Object>getAs("exited_at")).isNull();
      assertThat(row.<String>getAs("entered_run_id")).isEqualTo(report.runId());
      assertThat(row.<Long>getAs("segment_version")).isEqualTo(1L);
    }
    assertThat(refreshes(report.runId())).hasSize(2);
    assertDocumentsCarryTheOpenRows();
  }

  @Test
  @Order(2)
  void aRelativeWindowCountsDaysInTheWorkspaceTimeZone() {
    Set<String> berlin =
        reference(RECENT_PAGES, new SegmentWindows(BERLIN, Clock.fixed(T1, BERLIN)));
    Set<String> utc =
        reference(RECENT_PAGES, new SegmentWindows(ZoneOffset.UTC, Clock.fixed(T1, BERLIN)));
    assertThat(berlin).isNotEmpty().isNotEqualTo(utc);
    assertThat(openMembers(pagesId)).isEqualTo(berlin);
  }

  @Test
  @Order(3)
  void aSecondRunClosesTheLeaversAndOpensTheJoiners() throws Exception {
    leaver = openMembers(usId).iterator().next();
    joiner =
        esMembers(
                "{\"bool\": {\"filter\": {\"exists\": {\"field\": \"country\"}}, \"must_not\":"
                    + " {\"term\": {\"country\": \"US\"}}}}")
            .iterator()
            .next();
    setCountry(leaver, "CA");
    setCountry(joiner, "US");

    RefreshReport report = refresh(T2, List.of(), false);

    assertThat(segment(report, usId).entered()).isEqualTo(1);
    assertThat(segment(report, usId).exited()).isEqualTo(1);
    Row closed = spell(usId, leaver).get(0);
    assertThat(instant(closed.getAs("entered_at"))).isEqualTo(T1);
    assertThat(instant(closed.getAs("exited_at"))).isEqualTo(T2);
    assertThat(closed.<String>getAs("exited_run_id")).isEqualTo(report.runId());
    Row opened = spell(usId, joiner).get(0);
    assertThat(instant(opened.getAs("entered_at"))).isEqualTo(T2);
    assertThat(opened.<Object>getAs("exited_at")).isNull();
    assertThat(openMembers(usId)).isEqualTo(esMembers(US_QUERY)).contains(joiner);
    assertThat(openMembers(pagesId))
        .isEqualTo(reference(RECENT_PAGES, new SegmentWindows(BERLIN, Clock.fixed(T2, BERLIN))));
    assertThat(report.documentsUpdated()).isPositive();
    assertThat(segmentsOf(leaver)).doesNotContain(usId);
    assertThat(segmentsOf(joiner)).contains(usId);
    assertDocumentsCarryTheOpenRows();
    theAccessExportListsTheOpenMembershipRows(leaver);
    theAccessExportListsTheOpenMembershipRows(joiner);
  }

  /**
   * {@code GET /v1/profiles/{id}/export} lists the segments of the profile's open {@code
   * segment_membership} rows, with their names; closed rows (the leaver's spell in the US segment)
   * are history the profile store does not keep (docs/privacy.md, "Access export").
   */
  private static void theAccessExportListsTheOpenMembershipRows(String profileId) throws Exception {
    Set<String> open = new TreeSet<>();
    membership()
        .where(col("profile_id").equalTo(profileId).and(col("exited_at").isNull()))
        .select("segment_id")
        .collectAsList()
        .forEach(r -> open.add(r.getString(0)));
    JsonNode export = AgentGet.asAdmin(api, "/v1/profiles/" + profileId + "/export");
    Set<String> exported = new TreeSet<>();
    export.path("segments").forEach(m -> exported.add(m.path("segment_id").asText()));
    assertThat(exported).as(profileId).isEqualTo(open);
    export
        .path("segments")
        .forEach(m -> assertThat(m.path("name").asText()).isIn("US", "Pages today"));
  }

  @Test
  @Order(4)
  void aRunWithoutChangeWritesNoMembershipRowsButItsRefreshes() {
    long version = version(SegmentTables.MEMBERSHIP);

    RefreshReport report = refresh(T2, List.of(), false);

    assertThat(report.entered()).isZero();
    assertThat(report.exited()).isZero();
    assertThat(report.documentsUpdated()).isZero();
    assertThat(version(SegmentTables.MEMBERSHIP)).isEqualTo(version);
    List<Row> refreshes = refreshes(report.runId());
    assertThat(refreshes).hasSize(2);
    assertThat(refreshes)
        .allSatisfy(r -> assertThat(r.<Long>getAs("members")).isPositive())
        .allSatisfy(r -> assertThat(instant(r.getAs("evaluated_at"))).isEqualTo(T2));
  }

  @Test
  @Order(5)
  void aDryRunWritesNothing() throws Exception {
    setCountry(leaver, "US");
    long membership = version(SegmentTables.MEMBERSHIP);
    long refreshes = version(SegmentTables.REFRESHES);

    RefreshReport report = refresh(T3, List.of(usId), true);

    assertThat(report.segments()).hasSize(1);
    assertThat(segment(report, usId).entered()).isEqualTo(1);
    assertThat(version(SegmentTables.MEMBERSHIP)).isEqualTo(membership);
    assertThat(version(SegmentTables.REFRESHES)).isEqualTo(refreshes);
    assertThat(segmentsOf(leaver)).doesNotContain(usId);
    setCountry(leaver, "CA");
  }

  @Test
  @Order(6)
  void anUnknownSegmentIsACodedError() {
    assertThatThrownBy(() -> refresh(T3, List.of("seg-nope-000000"), false))
        .isInstanceOf(CdpException.class)
        .satisfies(e -> assertThat(((CdpException) e).code()).isEqualTo(ErrorCode.NOT_FOUND))
        .hasMessageContaining("seg-nope-000000");
  }

  /**
   * Also the alias swap of issue 4 (which IndexJobTest proved with a second full run of its own, 30
   * s more): a reader hammering the alias never sees an error or nothing while a full rebuild of
   * the sample moves it, and the previous indices are gone afterwards.
   */
  @Test
  @Order(7)
  void aFullReindexKeepsTheSegmentsFieldAndSwapsTheAliasUnderAReader() throws Exception {
    IndexReport again;
    AliasReader reader = AliasReader.start(esUrl, alias);
    try {
      again = new IndexJob(spark, config, esUrl).run(IndexMode.FULL);
    } finally {
      reader.close();
    }

    assertThat(reader.problems()).isEmpty();
    assertThat(reader.reads()).isGreaterThan(10);
    assertThat(again.countsMatch()).isTrue();
    assertThat(again.profilesIndex()).isNotEqualTo(indexed.profilesIndex());
    assertThat(again.identityIndex()).isNotEqualTo(indexed.identityIndex());
    assertThat(es.client().indices().exists(e -> e.index(indexed.profilesIndex())).value())
        .isFalse();
    assertThat(es.client().indices().exists(e -> e.index(indexed.identityIndex())).value())
        .isFalse();
    assertThat(segmentsOf(joiner)).contains(usId);
    assertDocumentsCarryTheOpenRows();
  }

  @Test
  @Order(8)
  void anIncrementalIndexRunWritesTheSegmentsOfTheProfilesItRewrites() throws Exception {
    es.client()
        .update(
            u -> u.index(alias).id(joiner).doc(Map.of("segments", List.of())).refresh(Refresh.True),
            ObjectNode.class);
    DeltaTable.forPath(spark, tables.table("profiles"))
        .updateExpr("profile_id = '" + joiner + "'", Map.of("as_of", "current_timestamp()"));

    IndexReport report = new IndexJob(spark, config, esUrl).run(IndexMode.INCREMENTAL);

    assertThat(report.mode()).isEqualTo(IndexMode.INCREMENTAL);
    assertThat(report.profilesWritten()).isPositive();
    assertThat(segmentsOf(joiner)).contains(usId);
    assertDocumentsCarryTheOpenRows();
  }

  @Test
  @Order(9)
  void aDeletedSegmentsOpenRowsAreClosed() throws Exception {
    Set<String> pages = openMembers(pagesId);
    HttpResponse<String> deleted = send("DELETE", "/v1/segments/" + pagesId, null);
    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);

    RefreshReport only = refresh(T3, List.of(usId), false);
    assertThat(only.segments()).extracting(RefreshReport.Segment::segmentId).containsExactly(usId);
    assertThat(openMembers(pagesId)).isEqualTo(pages);

    RefreshReport report = refresh(T3, List.of(), false);

    RefreshReport.Segment gone = segment(report, pagesId);
    assertThat(gone.deleted()).isTrue();
    assertThat(gone.exited()).isEqualTo(pages.size());
    assertThat(openMembers(pagesId)).isEmpty();
    assertThat(
            membership()
                .where(
                    col("segment_id")
                        .equalTo(pagesId)
                        .and(col("exited_run_id").equalTo(report.runId())))
                .count())
        .isEqualTo(pages.size());
    Row refresh =
        refreshes(report.runId()).stream()
            .filter(r -> r.<String>getAs("segment_id").equals(pagesId))
            .findFirst()
            .orElseThrow();
    assertThat(refresh.<Object>getAs("segment_version")).isNull();
    assertThat(segmentsOf(pages.iterator().next())).doesNotContain(pagesId);
    assertDocumentsCarryTheOpenRows();
  }

  @Test
  @Order(10)
  void withoutAnIndexASegmentHasNoMembers() throws Exception {
    String workspace = "refresh-empty";
    CdpConfig empty =
        new CdpConfig(
            workspace,
            SharedSpark.newTableDir("segment-refresh-empty"),
            config.elasticsearch(),
            config.spark(),
            config.ingest(),
            config.resolve(),
            config.profiles(),
            config.generator(),
            config.collector(),
            config.api(),
            config.index(),
            config.segments(),
            config.exports(),
            config.stream(),
            config.privacy());
    StoreIndices names = new StoreIndices(workspace);
    es.client().indices().delete(d -> d.index(names.segmentsIndex()).ignoreUnavailable(true));
    String id;
    ApiConfig keys =
        empty
            .api()
            .withPort(0)
            .withKeys(
                List.of(
                    new ApiConfig.ApiKey(
                        "empty-marketer",
                        ApiKeys.sha256Hex(MARKETER),
                        ApiConfig.Role.MARKETER,
                        workspace)));
    try (ApiServer other = ApiServer.create(empty, keys, esUrl).start()) {
      HttpResponse<String> response =
          send(other, "POST", "/v1/segments", "{\"name\": \"US\", \"condition\": " + US + "}");
      assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
      id = Json.mapper().readTree(response.body()).path("segment_id").asText();
    }

    RefreshReport report =
        new SegmentRefreshJob(spark, empty, esUrl, Clock.fixed(T1, ZoneOffset.UTC))
            .run(List.of(), false);

    assertThat(report.segments()).containsExactly(new RefreshReport.Segment(id, 1L, "US", 0, 0, 0));
    assertThat(
            spark
                .read()
                .format("delta")
                .load(TableLocations.of(empty).table(SegmentTables.REFRESHES))
                .count())
        .isEqualTo(1);
  }

  // --- helpers

  private static final String US_QUERY = "{\"term\": {\"country\": \"US\"}}";

  private static RefreshReport refresh(Instant at, List<String> ids, boolean dryRun) {
    return new SegmentRefreshJob(spark, config, esUrl, Clock.fixed(at, ZoneOffset.UTC))
        .progress(System.out::println)
        .run(ids, dryRun);
  }

  private static RefreshReport.Segment segment(RefreshReport report, String id) {
    return report.segments().stream()
        .filter(s -> s.segmentId().equals(id))
        .findFirst()
        .orElseThrow();
  }

  private static String save(String name, String condition) throws Exception {
    HttpResponse<String> response =
        send(
            "POST",
            "/v1/segments",
            "{\"name\": \"" + name + "\", \"condition\": " + condition + "}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return Json.mapper().readTree(response.body()).path("segment_id").asText();
  }

  private static HttpResponse<String> send(String method, String path, String body)
      throws Exception {
    return send(api, method, path, body);
  }

  private static HttpResponse<String> send(
      ApiServer server, String method, String path, String body) throws Exception {
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body);
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(server.url() + path))
            .header("Authorization", "Bearer " + MARKETER)
            .header("Content-Type", "application/json")
            .method(method, publisher)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Set<String> reference(String condition, SegmentWindows windows) {
    Condition parsed =
        SegmentDefinitions.parse(
                "{\"name\": \"x\", \"condition\": " + condition + "}",
                SegmentContext.newSegment(ProfileFields.of(config), SegmentLookup.none()))
            .condition();
    Set<String> ids = new TreeSet<>();
    SegmentReference.of(spark, tables, config.workspace())
        .members(parsed, windows, SegmentLookup.none())
        .collectAsList()
        .forEach(r -> ids.add(r.getString(0)));
    return ids;
  }

  private static Dataset<Row> membership() {
    return spark.read().format("delta").load(tables.table(SegmentTables.MEMBERSHIP));
  }

  private static Set<String> openMembers(String segmentId) {
    Set<String> ids = new TreeSet<>();
    membership()
        .where(col("segment_id").equalTo(segmentId).and(col("exited_at").isNull()))
        .select("profile_id")
        .collectAsList()
        .forEach(r -> ids.add(r.getString(0)));
    return ids;
  }

  private static List<Row> spell(String segmentId, String profileId) {
    return membership()
        .where(col("segment_id").equalTo(segmentId).and(col("profile_id").equalTo(profileId)))
        .orderBy(col("entered_at").desc())
        .collectAsList();
  }

  private static List<Row> refreshes(String runId) {
    return spark
        .read()
        .format("delta")
        .load(tables.table(SegmentTables.REFRESHES))
        .where(col("run_id").equalTo(runId))
        .collectAsList();
  }

  private static long version(String table) {
    return DeltaTable.forPath(spark, tables.table(table))
        .history(1)
        .select("version")
        .head()
        .getLong(0);
  }

  private static Instant instant(Object value) {
    return value instanceof Timestamp t ? t.toInstant() : (Instant) value;
  }

  /** Every document's {@code segments} is the sorted ids of its profile's open rows. */
  private static void assertDocumentsCarryTheOpenRows() throws IOException {
    Map<String, List<String>> expected = new TreeMap<>();
    for (Row row :
        SegmentTables.openSegmentsPerProfile(spark, tables, config.workspace()).collectAsList()) {
      expected.put(row.getString(0), row.getList(1));
    }
    Map<String, List<String>> actual = new TreeMap<>();
    forEachHit(
        "{\"exists\": {\"field\": \"segments\"}}",
        hit -> {
          List<String> segments = new ArrayList<>();
          hit.source().path("segments").forEach(s -> segments.add(s.asText()));
          actual.put(hit.id(), segments);
        });
    assertThat(actual).isEqualTo(expected);
  }

  private static List<String> segmentsOf(String profileId) throws IOException {
    JsonNode doc = es.client().get(g -> g.index(alias).id(profileId), ObjectNode.class).source();
    List<String> segments = new ArrayList<>();
    doc.path("segments").forEach(s -> segments.add(s.asText()));
    return segments;
  }

  private static void setCountry(String profileId, String country) throws IOException {
    es.client()
        .update(
            u -> u.index(alias).id(profileId).doc(Map.of("country", country)).refresh(Refresh.True),
            ObjectNode.class);
  }

  private static Set<String> esMembers(String queryJson) throws IOException {
    Set<String> ids = new TreeSet<>();
    forEachHit(queryJson, hit -> ids.add(hit.id()));
    return ids;
  }

  private static void forEachHit(String queryJson, Consumer<Hit<ObjectNode>> each) {
    Query query = Query.of(q -> q.withJson(new StringReader(queryJson)));
    ProfileHits.forEach(es.client(), alias, query, List.of("profile_id", "segments"), each);
  }
}
