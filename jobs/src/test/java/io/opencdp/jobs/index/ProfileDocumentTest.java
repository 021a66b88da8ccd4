package io.opencdp.jobs.index;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.delta.tables.DeltaTable;
import io.opencdp.api.store.ActivityFields;
import io.opencdp.ingest.spark.DeltaTables;
import io.opencdp.ingest.spark.EventRows;
import io.opencdp.ingest.spark.EventsTable;
import io.opencdp.ingest.spark.TableLocations;
import io.opencdp.ingest.testing.SharedSpark;
import io.opencdp.jobs.segment.SegmentTables;
import io.opencdp.jobs.testing.SampleCopies;
import io.opencdp.resolve.profile.GoldenProfile;
import io.opencdp.resolve.profile.ProfileAccumulator;
import io.opencdp.resolve.profile.ProfileRules;
import io.opencdp.resolve.spark.ResolveTables;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.event.Channel;
import io.opencdp.schemas.event.EmailProperties;
import io.opencdp.schemas.event.EventProperties;
import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.event.LineItem;
import io.opencdp.schemas.event.Money;
import io.opencdp.schemas.event.OrderProperties;
import io.opencdp.schemas.event.TouchpointEvent;
import io.opencdp.schemas.json.Json;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link ProfileDocument} against the indexer: on a private copy of the shared resolved sample (its
 * profiles built by {@link ProfileBuilder}, some aliases added to {@code profile_merges} and some
 * open segment memberships to {@code segment_membership}), every profile's document as {@link
 * ProfileDocs#build} makes it (called as {@code IndexJob} calls it) equals, byte for byte, the
 * document of the golden profile rebuilt from its events as {@code BuildProfiles} builds it.
 */
class ProfileDocumentTest {
  private static final Instant INDEXED_AT = Instant.parse("2026-11-02T10:15:30.123456789Z");

  private static SparkSession spark;
  private static CdpConfig config;
  private static TableLocations tables;
  private static Dataset<Row> profiles;
  private static Dataset<Row> merges;
  private static long deltaVersion;

  @BeforeAll
  static void buildTheSampleProfilesWithMergesAndSegments() {
    spark = SharedSpark.session();
    config = SampleCopies.privateCopyWithProfiles("profile-document");
    tables = TableLocations.of(config);
    List<String> ids =
        read("profiles").select("profile_id").orderBy("profile_id").collectAsList().stream()
            .map(r -> r.getString(0))
            .toList();
    Timestamp at = Timestamp.from(Instant.parse("2026-10-30T12:00:00Z"));
    List<Row> mergeRows = new ArrayList<>();
    List<Row> membershipRows = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      if (i % 7 == 0) {
        for (int n = 0; n <= i % 3; n++) {
          String alias = "p-alias-" + (9 - n) + "-" + id;
          mergeRows.add(
              RowFactory.create(
                  config.workspace(),
                  alias,
                  id,
                  "email",
                  "x@example.com",
                  null,
                  "deterministic",
                  null,
                  "run-test",
                  at));
        }
      }
      if (i % 5 == 0) {
        membershipRows.add(membership(id, "seg-zeta", null));
        membershipRows.add(membership(id, "seg-alpha", null));
        membershipRows.add(membership(id, "seg-gone", at));
      }
    }
    append(ResolveTables.PROFILE_MERGES, ResolveTables.PROFILE_MERGES_SCHEMA, mergeRows);
    append(SegmentTables.MEMBERSHIP, SegmentTables.MEMBERSHIP_SCHEMA, membershipRows);

    profiles = read("profiles");
    merges = read(ResolveTables.PROFILE_MERGES);
    deltaVersion =
        DeltaTable.forPath(spark, tables.table("profiles"))
            .history(1)
            .select("version")
            .head()
            .getLong(0);
  }

  @Test
  void everyProfileOfTheSampleGetsTheIndexersDocument() throws IOException {
    long t0 = System.nanoTime();
    Dataset<Row> events = eventsToIndex();
    Map<String, String> batch =
        documents(
            ProfileDocs.build(
                profiles,
                merges,
                events,
                SegmentTables.openSegmentsPerProfile(spark, tables, config.workspace()),
                deltaVersion,
                INDEXED_AT));

    Map<String, List<TouchpointEvent>> eventsOf = new HashMap<>();
    for (Row row : events.collectAsList()) {
      eventsOf
          .computeIfAbsent(row.getAs("profile_id"), k -> new ArrayList<>())
          .add(EventRows.fromRow(row));
    }
    Map<String, List<Row>> sharedOf =
        groupBy(
            read(ResolveTables.IDENTITY_MAP).where(col("shared")).collectAsList(), "profile_id");
    Map<String, List<String>> aliasesOf = new HashMap<>();
    for (Row row : merges.collectAsList()) {
      aliasesOf
          .computeIfAbsent(row.getAs("surviving_profile_id"), k -> new ArrayList<>())
          .add(row.getAs("alias_profile_id"));
    }
    Map<String, List<String>> segmentsOf = new HashMap<>();
    for (Row row :
        read(SegmentTables.MEMBERSHIP).where(col("exited_at").isNull()).collectAsList()) {
      segmentsOf
          .computeIfAbsent(row.getAs("profile_id"), k -> new ArrayList<>())
          .add(row.getAs("segment_id"));
    }
    long t1 = System.nanoTime();

    Map<Instant, ProfileRules> rulesAt = new HashMap<>();
    List<String> mismatches = new ArrayList<>();
    Coverage coverage = new Coverage();
    for (Row row : profiles.collectAsList()) {
      String id = row.getAs("profile_id");
      Instant updatedAt = instant(row.getAs("updated_at"));
      ProfileRules rules = rulesAt.computeIfAbsent(updatedAt, t -> ProfileRules.from(config, t));
      // any order: the accumulator's rules are order-independent, the activity order is the doc's
      List<TouchpointEvent> profileEvents = new ArrayList<>(eventsOf.get(id));
      Collections.reverse(profileEvents);
      ProfileAccumulator accumulator = new ProfileAccumulator(rules, config.workspace(), id);
      profileEvents.forEach(accumulator::add);
      for (Row shared : sharedOf.getOrDefault(id, List.of())) {
        accumulator.identifier(
            IdentifierType.fromWireName(shared.getAs("identifier_type")),
            shared.getAs("identifier_value"),
            true);
      }
      GoldenProfile golden = accumulator.build(updatedAt);
      List<String> aliases = new ArrayList<>(aliasesOf.getOrDefault(id, List.of()));
      Collections.reverse(aliases);
      // unsorted, with a repeat: the document's are sorted and distinct
      List<String> segments = new ArrayList<>(segmentsOf.getOrDefault(id, List.of()));
      segments.sort(Collections.reverseOrder());
      segments.addAll(segments.isEmpty() ? List.of() : List.of(segments.get(0)));

      String stream =
          ProfileDocument.json(golden, aliases, profileEvents, segments, INDEXED_AT, deltaVersion);
      String expected = batch.get(id);
      coverage.add(Json.mapper().readTree(expected), profileEvents.size());
      if (!stream.equals(expected)) {
        JsonNode a = Json.mapper().readTree(expected);
        JsonNode b = Json.mapper().readTree(stream);
        mismatches.add(
            id
                + ": "
                + (a.equals(b)
                    ? "same tree, text differs " + textDifference(expected, stream)
                    : firstDifference("", a, b)));
      }
    }
    long t2 = System.nanoTime();
    System.out.printf(
        "ProfileDocument parity: %d profiles (%s), batch documents and inputs %.1f s, stream"
            + " documents %.1f s%n",
        batch.size(), coverage, (t1 - t0) / 1e9, (t2 - t1) / 1e9);

    assertThat(mismatches).as("profiles whose documents differ (first difference)").isEmpty();
    assertThat(batch).hasSizeGreaterThan(1000);
    assertThat(coverage.merged).isPositive();
    assertThat(coverage.shared).isPositive();
    assertThat(coverage.consent).isPositive();
    assertThat(coverage.customTraits).isPositive();
    assertThat(coverage.segments).isPositive();
    assertThat(coverage.addresses).isPositive();
    assertThat(coverage.orders).isPositive();
  }

  @Test
  void aProfileWithMoreEventsThanTheLimitKeepsTheSameMostRecentOnes() {
    Row row = profiles.orderBy("profile_id").first();
    String id = row.getAs("profile_id");
    Instant updatedAt = instant(row.getAs("updated_at"));
    ProfileAccumulator accumulator =
        new ProfileAccumulator(ProfileRules.from(config, updatedAt), config.workspace(), id);
    eventsToIndex().where(col("profile_id").equalTo(id)).collectAsList().stream()
        .map(EventRows::fromRow)
        .forEach(accumulator::add);
    GoldenProfile golden = accumulator.build(updatedAt);

    List<TouchpointEvent> many = manyEvents(ActivityFields.MAX_EVENTS + 57);
    StructType schema = EventsTable.SCHEMA.add("profile_id", "string");
    List<Row> rows = new ArrayList<>();
    for (TouchpointEvent event : many) {
      Row r = EventRows.toRow(event, "run-test", updatedAt);
      Object[] values = new Object[r.length() + 1];
      for (int i = 0; i < r.length(); i++) {
        values[i] = r.get(i);
      }
      values[r.length()] = id;
      rows.add(RowFactory.create(values));
    }
    Dataset<Row> events = spark.createDataFrame(rows, schema);
    Dataset<Row> noSegments =
        spark.createDataFrame(
            List.of(),
            new StructType().add("segments_pid", "string").add("open_segments", "array<string>"));

    String batch =
        documents(
                ProfileDocs.build(
                    profiles.where(col("profile_id").equalTo(id)),
                    merges,
                    events,
                    noSegments,
                    deltaVersion,
                    INDEXED_AT))
            .get(id);
    String stream =
        ProfileDocument.json(
            golden,
            merges.where(col("surviving_profile_id").equalTo(id)).collectAsList().stream()
                .map(r -> r.<String>getAs("alias_profile_id"))
                .toList(),
            many,
            List.of(),
            INDEXED_AT,
            deltaVersion);

    JsonNode expected = readTree(batch);
    assertThat(expected.path(ActivityFields.TRUNCATED).asBoolean()).isTrue();
    assertThat(expected.path(ActivityFields.PATH).size()).isEqualTo(ActivityFields.MAX_EVENTS);
    assertThat(firstDifference("", expected, readTree(stream))).isNull();
    assertThat(stream).isEqualTo(batch);
  }

  /**
   * {@code n} events with many ties: 997 distinct times, so the entries at the cut differ only in
   * later fields (type, channel, amounts, skus, categories, strings beyond the BMP).
   */
  private static List<TouchpointEvent> manyEvents(int n) {
    Instant base = Instant.parse("2025-01-01T00:00:00.000001Z");
    String[] stores = {"s-\uFB01", "s-\uD83D\uDE00", "s-a", null};
    List<TouchpointEvent> events = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      boolean order = i % 3 != 0;
      List<LineItem> items =
          i % 4 == 0
              ? List.of()
              : i % 4 == 1
                  ? List.of(new LineItem("sku-" + (i % 6), null, 1, null))
                  : List.of(
                      new LineItem("sku-" + (i % 6), null, 1, null),
                      new LineItem("sku-" + (i % 5), null, 2, null));
      EventProperties properties =
          order
              ? new EventProperties(
                  new OrderProperties(
                      "o-" + (i % 11),
                      null,
                      i % 9 == 0 ? null : Money.of(i % 13 == 0 ? "100" : "19.9" + (i % 3), "USD"),
                      items,
                      stores[i % stores.length],
                      i % 2 == 0),
                  null,
                  null,
                  null,
                  null)
              : new EventProperties(
                  null,
                  new EmailProperties(
                      "m-" + i,
                      i % 2 == 0 ? "c-1" : null,
                      null,
                      i % 4 == 0 ? List.of() : List.of("cat-" + (i % 3), "cat-b"),
                      null,
                      null,
                      null),
                  null,
                  null,
                  null);
      events.add(
          TouchpointEvent.builder()
              .workspaceId(config.workspace())
              .channel(i % 2 == 0 ? Channel.WEB : Channel.STORE)
              .sourceSystem(i % 2 == 0 ? "segment-web" : "pos")
              .sourceKey("many-" + i)
              .eventType(order ? "order_completed" : "email_delivered")
              .eventName(i % 5 == 0 ? null : "Name " + (i % 7))
              .occurredAt(base.plusSeconds(i % 997))
              .receivedAt(base.plusSeconds(i))
              .properties(properties)
              .build());
    }
    return events;
  }

  /** The first path where {@code a} and {@code b} differ, or null when they are equal. */
  static String firstDifference(String path, JsonNode a, JsonNode b) {
    if (a == null || b == null || a.getNodeType() != b.getNodeType()) {
      return path + " (" + a + " vs " + b + ")";
    }
    if (a.isObject()) {
      for (Iterator<String> names = a.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        String d = firstDifference(path + "." + name, a.get(name), b.get(name));
        if (d != null) {
          return d;
        }
      }
      for (Iterator<String> names = b.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!a.has(name)) {
          return path + "." + name + " (absent vs " + b.get(name) + ")";
        }
      }
      return null;
    }
    if (a.isArray()) {
      for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
        String d = firstDifference(path + "[" + i + "]", a.get(i), b.get(i));
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    return a.equals(b) ? null : path + " (" + a + " vs " + b + ")";
  }

  private static String textDifference(String a, String b) {
    int i = 0;
    while (i < Math.min(a.length(), b.length()) && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    int from = Math.max(0, i - 60);
    return "at "
        + i
        + ": ..."
        + a.substring(from, Math.min(a.length(), i + 60))
        + " vs ..."
        + b.substring(from, Math.min(b.length(), i + 60));
  }

  private static Dataset<Row> eventsToIndex() {
    Dataset<Row> membership =
        read(ResolveTables.EVENT_PROFILES).select(col("event_id"), col("profile_id"));
    return read(EventsTable.NAME).join(membership, "event_id");
  }

  private static Map<String, String> documents(Dataset<Row> docs) {
    Map<String, String> out = new HashMap<>();
    for (Row row : docs.collectAsList()) {
      out.put(row.getString(0), row.getString(1));
    }
    return out;
  }

  private static Map<String, List<Row>> groupBy(List<Row> rows, String key) {
    Map<String, List<Row>> out = new HashMap<>();
    for (Row row : rows) {
      out.computeIfAbsent(row.getAs(key), k -> new ArrayList<>()).add(row);
    }
    return out;
  }

  private static Row membership(String profileId, String segmentId, Timestamp exitedAt) {
    return RowFactory.create(
        config.workspace(),
        segmentId,
        profileId,
        Timestamp.from(Instant.parse("2026-10-01T00:00:00Z")),
        exitedAt,
        "run-enter",
        exitedAt == null ? null : "run-exit",
        1L);
  }

  private static void append(String table, StructType schema, List<Row> rows) {
    String location = tables.table(table);
    DeltaTables.createIfNotExists(spark, location, schema);
    spark.createDataFrame(rows, schema).write().format("delta").mode("append").save(location);
  }

  private static Dataset<Row> read(String table) {
    return spark
        .read()
        .format("delta")
        .load(tables.table(table))
        .where(col("workspace_id").equalTo(config.workspace()));
  }

  private static Instant instant(Object value) {
    return value instanceof Timestamp ts ? ts.toInstant() : (Instant) value;
  }

  private static JsonNode readTree(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (IOException e) {
      return fail("not JSON: " + json, e);
    }
  }

  /** How many compared profiles have each feature, to show the comparison covers them. */
  private static final class Coverage {
    int merged;
    int shared;
    int consent;
    int consentGranted;
    int customTraits;
    int segments;
    int addresses;
    int orders;
    int maxEvents;

    void add(JsonNode doc, int events) {
      merged += doc.path("merged_from").isEmpty() ? 0 : 1;
      boolean anyShared = false;
      for (IdentifierType type : IdentifierType.values()) {
        for (JsonNode point : doc.path(type.wireName() + "s")) {
          anyShared |= point.path("shared").asBoolean();
        }
      }
      shared += anyShared ? 1 : 0;
      consent += doc.path("consent").isEmpty() ? 0 : 1;
      consentGranted += doc.path("consent_granted").isEmpty() ? 0 : 1;
      customTraits += doc.path("custom_traits").isEmpty() ? 0 : 1;
      segments += doc.path("segments").isEmpty() ? 0 : 1;
      addresses += doc.has("address") ? 1 : 0;
      orders += doc.path("traits").path("order_count").asLong() > 0 ? 1 : 0;
      maxEvents = Math.max(maxEvents, events);
    }

    @Override
    public String toString() {
      return String.format(
          "with merges %d, shared identifiers %d, consent %d (granted %d), custom traits %d,"
              + " segments %d, addresses %d, orders %d; most events of one profile %d",
          merged,
          shared,
          consent,
          consentGranted,
          customTraits,
          segments,
          addresses,
          orders,
          maxEvents);
    }
  }
}
