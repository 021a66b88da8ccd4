package io.opencdp.jobs.segment;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.opencdp.api.segment.SegmentQueries;
import io.opencdp.api.store.EsConnection;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.api.testing.ElasticsearchExtension;
import io.opencdp.api.testing.EsTestCluster;
import io.opencdp.ingest.spark.TableLocations;
import io.opencdp.ingest.testing.SharedSpark;
import io.opencdp.jobs.index.IndexJob;
import io.opencdp.jobs.index.IndexMode;
import io.opencdp.jobs.testing.SampleCopies;
import io.opencdp.resolve.spark.profile.ProfilesTable;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.segment.Condition;
import io.opencdp.schemas.segment.ProfileFields;
import io.opencdp.schemas.segment.SegmentContext;
import io.opencdp.schemas.segment.SegmentDefinition;
import io.opencdp.schemas.segment.SegmentDefinitions;
import io.opencdp.schemas.segment.SegmentLookup;
import io.opencdp.schemas.segment.SegmentWindows;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The Elasticsearch compiler ({@link SegmentQueries} over the indexed profile documents) and the
 * Spark reference ({@link SegmentReference} over the Delta tables) select exactly the same profiles
 * of the committed sample, for every operator on every field type, every combinator and every kind
 * of condition; each case selects some profiles but not all, so an engine that matched everything
 * or nothing would fail. The clock is fixed at 2026-10-20 10:00 UTC in Europe/Berlin, inside the
 * sample's half year (2026-05-04 to 2026-10-31), so windows hit and events after it do not count.
 */
@ExtendWith(ElasticsearchExtension.class)
class SegmentAgreementTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final Instant NOW = Instant.parse("2026-10-20T10:00:00Z");
  static final SegmentWindows WINDOWS = new SegmentWindows(BERLIN, Clock.fixed(NOW, BERLIN));
  private static final Instant CONSENT_CHANGED_AT = Instant.parse("2026-07-01T09:00:00Z");

  private static EsConnection es;
  private static String alias;
  private static SegmentReference reference;
  private static Dataset<Row> profiles;
  private static Dataset<Row> profileEvents;
  private static long total;
  private static ProfileFields fields;
  private static SegmentLookup segments;

  @BeforeAll
  static void indexTheSample(EsTestCluster cluster) {
    SparkSession spark = SharedSpark.session();
    CdpConfig config = SampleCopies.privateCopyWithProfiles("segment-agreement");
    TableLocations tables = TableLocations.of(config);
    addConsentChanges(spark, tables);
    new IndexJob(spark, config, cluster.url()).run(IndexMode.FULL);
    es = EsConnection.open(cluster.url(), 60_000);
    alias = new StoreIndices(config.workspace()).profilesAlias();
    SegmentReference delta = SegmentReference.of(spark, tables, config.workspace());
    profiles = delta.profiles().cache();
    profileEvents = delta.profileEvents().cache();
    reference = new SegmentReference(profiles, profileEvents);
    total = profiles.count();
    fields = ProfileFields.of(config);
    Map<String, SegmentDefinition> saved = new LinkedHashMap<>();
    saved.put("seg-us", definition(SegmentCases.IN_US, SegmentLookup.none()));
    saved.put(
        "seg-us-buyers",
        definition(
            "{\"and\": [{\"in_segment\": \"seg-us\"}, " + SegmentCases.BOUGHT + "]}",
            SegmentLookup.of(saved)));
    segments = SegmentLookup.of(saved);
  }

  @AfterAll
  static void close() {
    if (profiles != null) {
      profiles.unpersist();
      profileEvents.unpersist();
    }
    if (es != null) {
      es.close();
    }
  }

  @TestFactory
  Stream<DynamicTest> bothEnginesSelectTheSameProfilesAndNeitherAllNorNone() {
    return SegmentCases.ALL.entrySet().stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.getKey() + ": " + c.getValue(), () -> agree(c.getKey(), c.getValue())));
  }

  @Test
  void theCasesCoverEveryOperatorOfEveryTypeAndEveryKindOfCondition() {
    Set<String> covered = new TreeSet<>();
    for (String json : SegmentCases.ALL.values()) {
      condition(json).accept(new CoverageVisitor(covered, segments));
    }
    assertThat(covered).containsAll(CoverageVisitor.required());
  }

  /**
   * The sample records {@code marketing} only per channel (on {@code email}; only the web consent
   * banner's {@code ad_targeting} and {@code analytics} are channel-less); by the last digit of the
   * profile id, some profiles get a change without a channel and some one on {@code sms}, at the
   * same instant, so the rule's every branch is met: a channel-less grant or withdrawal alone, a
   * channel's own row against it (at the same instant a withdrawal wins), and the email rows
   * against a later or earlier channel-less one.
   */
  private static void addConsentChanges(SparkSession spark, TableLocations tables) {
    String path = tables.table(ProfilesTable.NAME);
    Dataset<Row> profiles = spark.read().format("delta").load(path);
    StructType schema = profiles.schema();
    int consent = schema.fieldIndex("consent");
    boolean instants =
        Boolean.parseBoolean(spark.conf().get("spark.sql.datetime.java8API.enabled", "false"));
    Object at = instants ? CONSENT_CHANGED_AT : Timestamp.from(CONSENT_CHANGED_AT);
    profiles
        .map(
            (MapFunction<Row, Row>)
                row -> {
                  String id = row.getAs("profile_id");
                  List<Row> rows = new ArrayList<>(row.getList(consent));
                  switch (id.charAt(id.length() - 1)) {
                    case '0', '1', '2', '3' -> rows.add(consentRow(id, null, true, at));
                    case '4', '5' -> {
                      rows.add(consentRow(id, null, false, at));
                      rows.add(consentRow(id, "sms", true, at));
                    }
                    case '6' -> rows.add(consentRow(id, "sms", true, at));
                    case '7' -> {
                      rows.add(consentRow(id, null, true, at));
                      rows.add(consentRow(id, "sms", false, at));
                    }
                    default -> {
                      return row;
                    }
                  }
                  Object[] values = new Object[row.length()];
                  for (int i = 0; i < values.length; i++) {
                    values[i] = row.get(i);
                  }
                  values[consent] = CollectionConverters.asScala(rows).toSeq();
                  return RowFactory.create(values);
                },
            Encoders.row(schema))
        .write()
        .format("delta")
        .mode("overwrite")
        .save(path);
  }

  private static Row consentRow(String profileId, String channel, boolean granted, Object at) {
    return RowFactory.create(
        "marketing", channel, granted, "segment-agreement-test", "consent-" + profileId, at);
  }

  private static void agree(String name, String json) {
    Condition condition = condition(json);
    Set<String> inEs = esMembers(SegmentQueries.compile(condition, WINDOWS, segments));
    Set<String> inSpark = new TreeSet<>();
    for (Row row : reference.members(condition, WINDOWS, segments).collectAsList()) {
      inSpark.add(row.getString(0));
    }
    System.out.printf(
        "segment case %-28s es %5d spark %5d of %d%n", name, inEs.size(), inSpark.size(), total);
    Set<String> onlyEs = new TreeSet<>(inEs);
    onlyEs.removeAll(inSpark);
    Set<String> onlySpark = new TreeSet<>(inSpark);
    onlySpark.removeAll(inEs);
    assertThat(onlyEs).as("%s: members only Elasticsearch selects", name).isEmpty();
    assertThat(onlySpark).as("%s: members only Spark selects", name).isEmpty();
    assertThat((long) inEs.size())
        .as("%s selects some profiles, not all", name)
        .isBetween(1L, total - 1);
  }

  /** Every hit of the query on the profiles alias. */
  private static Set<String> esMembers(Query query) {
    Set<String> ids = new TreeSet<>();
    ProfileHits.forEach(es.client(), alias, query, List.of(), hit -> ids.add(hit.id()));
    return ids;
  }

  private static Condition condition(String json) {
    return definition(json, segments).condition();
  }

  private static SegmentDefinition definition(String condition, SegmentLookup lookup) {
    return SegmentDefinitions.parse(
        "{\"name\": \"case\", \"condition\": " + condition + "}",
        SegmentContext.newSegment(fields, lookup));
  }
}
