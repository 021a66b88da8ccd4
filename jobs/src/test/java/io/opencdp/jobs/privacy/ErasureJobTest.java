package io.opencdp.jobs.privacy;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.upper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.delta.tables.DeltaTable;
import io.opencdp.api.ErasureQueue;
import io.opencdp.api.SuppressionList;
import io.opencdp.api.store.EsConnection;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.api.testing.ElasticsearchExtension;
import io.opencdp.api.testing.EsTestCluster;
import io.opencdp.ingest.spark.IngestJob;
import io.opencdp.ingest.spark.IngestReport;
import io.opencdp.ingest.spark.SampleData;
import io.opencdp.ingest.spark.TableLocations;
import io.opencdp.ingest.testing.SharedSpark;
import io.opencdp.jobs.segment.SegmentTables;
import io.opencdp.jobs.testing.IndexedSample;
import io.opencdp.resolve.guardrail.IdentifierKey;
import io.opencdp.resolve.overrides.IdentifierArgument;
import io.opencdp.resolve.spark.ResolveTables;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.config.PrivacyConfig;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 9's acceptance for erasure on a private copy of the resolved sample, indexed into a real
 * node: a person with records in all five channels (and the CRM) is erased, with a merged alias, a
 * segment membership, an older profiles index, an export file and a stream seed added around them
 * (the full resolve of the sample makes no merges, and segments and exports need the API), then
 * completed with 0-hour retention. Nothing on disk or in Elasticsearch names them afterwards, every
 * other row is unchanged, and re-sending their raw files stores nothing.
 */
@ExtendWith(ElasticsearchExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ErasureJobTest {
  private static final Set<String> CHANNELS = Set.of("web", "app", "pos", "email", "callcenter");
  private static final String ALIAS = "p-erased-alias-0001";

  private static SparkSession spark;
  private static CdpConfig config;
  private static TableLocations tables;
  private static EsConnection es;
  private static Path work;
  private static Path landing;
  private static String personId;
  private static String first;
  private static String last;
  private static Set<String> values;
  private static Set<String> profiles;
  private static Set<String> events;
  private static Set<String> personLines;
  private static Map<String, String> checksumsBefore;
  private static Map<String, List<String>> landingBefore;
  private static ErasureState pending;
  private static List<ErasureState> done;
  private static long started;
  private static ErasureQueue.Request queued;
  private static ErasureQueue.Request queuedAfter;
  private static ErasureQueueDrain.Result drained;
  private static boolean suppressionsExisted;
  private static String olderIndex;

  @BeforeAll
  static void eraseAPersonOfTheSample(EsTestCluster cluster) throws Exception {
    started = System.nanoTime();
    spark = SharedSpark.session();
    // the sample indexed in full (shared with IndexJobTest and SegmentRefreshJobTest: the node is
    // put back as the full run left it); the merge, membership, export and seed below are added to
    // the Delta tables after it, so the documents do not show them: the person's profile, identity
    // and event documents are there all the same, and the alias has its own document further down
    CdpConfig copy = IndexedSample.privateCopy("erasure", cluster.url()).config();
    long copied = System.nanoTime();
    work = copy.workDir();
    landing = work.resolve("landing");
    SampleData.copyLanding(landing, f -> true);
    config =
        copy.withIngest(copy.ingest().withLandingRoot(landing.toString()))
            .withPrivacy(
                new PrivacyConfig(null, Duration.ZERO, Duration.ZERO, Map.of(), null, false));
    tables = TableLocations.of(config);
    repointIngestLog();
    choosePerson();
    addMergeMembershipExportAndSeed();
    long indexed = System.nanoTime();
    es = EsConnection.open(cluster.url(), 60_000);
    addOlderIndexAndSuppression();
    checksumsBefore = checksums();
    landingBefore = landingLines();
    long prepared = System.nanoTime();

    ErasureJob job = new ErasureJob(spark, config, cluster.url());
    // named as a person would type it: upper case, normalized as ingest normalizes
    IdentifierKey named =
        IdentifierArgument.parse(" email:" + emailOfPerson().toUpperCase(Locale.ROOT) + " ");
    assertThat(named.value()).isEqualTo(emailOfPerson());
    // queued as the API queues it (POST /v1/privacy/erasures), carried out by the drain
    ErasureQueue queue = new ErasureQueue(es.client(), new StoreIndices(config.workspace()));
    queued =
        ErasureQueue.Request.received(
            named.type().wireName(), named.value(), null, "erasure-test", Instant.now());
    queue.submit(queued);
    QueuedErasures drain = new QueuedErasures(spark, config, cluster.url(), Clock.systemUTC());
    drained = drain.run();
    pending = job.state(queued.requestId());
    long erased = System.nanoTime();
    done = job.complete(Instant.now());
    drain.follow(done);
    queuedAfter = queue.get(queued.requestId()).orElseThrow();
    long completed = System.nanoTime();
    System.out.printf(
        "erasure of %s (%s): %s%n  then %s%n  indexed sample %.1f s, copy and additions %.1f s, checksums %.1f s,"
            + " erase %.1f s, complete %.1f s%n",
        personId,
        profiles,
        pending.removed(),
        done.isEmpty() ? "nothing" : done.get(0).message(),
        (copied - started) / 1e9,
        (indexed - copied) / 1e9,
        (prepared - indexed) / 1e9,
        (erased - prepared) / 1e9,
        (completed - erased) / 1e9);
  }

  @AfterAll
  static void close() throws IOException {
    if (es != null) {
      // leave the shared node as other classes expect it
      es.client().indices().delete(d -> d.index(olderIndex).ignoreUnavailable(true));
      if (!suppressionsExisted) {
        es.client()
            .indices()
            .delete(
                d ->
                    d.index(new StoreIndices("default").suppressionsIndex())
                        .ignoreUnavailable(true));
      }
      es.close();
    }
  }

  @Test
  @Order(1)
  void theRequestIsDoneWithOnlyTheHashKept() {
    assertThat(drained).isEqualTo(new ErasureQueueDrain.Result(true, 1, 0));
    assertThat(queuedAfter.status()).isEqualTo(ErasureState.DONE);
    assertThat(queuedAfter.identifierValue()).isNull();
    assertThat(queuedAfter.result().toString()).contains("delta:events");
    assertThat(pending.requestId()).isEqualTo(queued.requestId());
    assertThat(pending.status()).isEqualTo(ErasureState.PENDING);
    assertThat(pending.profileIds()).containsAll(profiles);
    assertThat(pending.removed())
        .extracting(Removed::location)
        .contains(
            "delta:events",
            "delta:identity_map",
            "delta:event_profiles",
            "delta:profiles",
            "delta:profile_ids",
            "delta:profile_merges",
            "delta:segment_membership",
            "landing",
            "exports",
            "stream_seed");
    assertThat(done).hasSize(1);
    ErasureState state = done.get(0);
    assertThat(state.status()).isEqualTo(ErasureState.DONE);
    assertThat(state.physicallyDeletedAt()).isNotNull();
    assertThat(state.doneAt()).isNotNull();
    assertThat(state.identifierHash()).hasSize(64);
    assertThat(state.message())
        .startsWith("verified:")
        .contains("events log from v")
        .doesNotContainPattern("[1-9][0-9]* change-data files");
    Row row = spark.read().format("delta").load(tables.table(ErasureRequestsTable.NAME)).first();
    assertThat(row.<String>getAs("identifier_value")).isNull();
    assertThat(row.<String>getAs("status")).isEqualTo("done");
    assertThat(
            spark
                .read()
                .format("delta")
                .load(tables.table("suppression_list"))
                .where(col("reason").equalTo("erased"))
                .count())
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  @Order(2)
  void noFileUnderTheWorkDirectoryNamesThePerson() {
    Map<String, String> hits =
        WorkDirScan.find(spark, work, new WorkDirScan.Person(values, first, last));
    assertThat(hits).as("files naming %s %s or %s", first, last, values).isEmpty();
  }

  @Test
  @Order(3)
  void noElasticsearchIndexHoldsThePerson() throws IOException {
    es.client().indices().refresh(r -> r.index("*"));
    for (String value : values) {
      String q =
          "{\"query_string\": {\"query\": \"\\\""
              + value.replace("\"", "")
              + "\\\"\", \"fields\": [\"*\"], \"lenient\": true}}";
      long hits =
          es.client()
              .search(
                  s ->
                      s.index("*")
                          .size(0)
                          .trackTotalHits(t -> t.enabled(true))
                          .query(Query.of(x -> x.withJson(new StringReader(q)))),
                  Void.class)
              .hits()
              .total()
              .value();
      assertThat(hits).as("documents holding %s", value).isZero();
    }
    Set<String> ids = new TreeSet<>(profiles);
    ids.addAll(events);
    long byId =
        es.client()
            .search(
                s -> s.index("*").size(0).query(q -> q.ids(i -> i.values(List.copyOf(ids)))),
                Void.class)
            .hits()
            .total()
            .value();
    assertThat(byId).isZero();
  }

  @Test
  @Order(4)
  void everyOtherRowAndLandingLineIsUnchanged() throws IOException {
    assertThat(checksums()).isEqualTo(checksumsBefore);
    Map<String, List<String>> after = landingLines();
    assertThat(after.keySet()).isEqualTo(landingBefore.keySet());
    WorkDirScan.Person person = new WorkDirScan.Person(values, first, last);
    long blanked = 0;
    long blankedOfPerson = 0;
    List<String> left = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : landingBefore.entrySet()) {
      List<String> was = e.getValue();
      List<String> now = after.get(e.getKey());
      assertThat(now).as(e.getKey()).hasSameSizeAs(was);
      for (int i = 0; i < was.size(); i++) {
        String at = e.getKey() + ":" + (i + 1);
        if (!now.get(i).equals(was.get(i))) {
          assertThat(now.get(i)).as(at).isEmpty();
          assertThat(personLines.contains(at) || person.test(was.get(i)))
              .as("blanked %s: %s", at, was.get(i))
              .isTrue();
          blanked++;
          blankedOfPerson += personLines.contains(at) ? 1 : 0;
        } else if (personLines.contains(at)) {
          // a record of theirs the platform cannot attribute: it must not name them
          assertThat(person.test(was.get(i))).as("left %s: %s", at, was.get(i)).isFalse();
          left.add(at);
        }
      }
    }
    System.out.printf(
        "landing: %d lines blanked (%d of the person's %d records per the truth); %d records"
            + " left that name no one (no identifier, no name): %s%n",
        blanked, blankedOfPerson, personLines.size(), left.size(), left);
    assertThat(blankedOfPerson).isGreaterThanOrEqualTo(personLines.size() * 9 / 10);
  }

  @Test
  @Order(5)
  void reSendingThePersonsRawFilesStoresNothing() throws IOException {
    long eventsBefore = spark.read().format("delta").load(tables.events()).count();
    // per source, the file holding most of their records (all 24 would cost 15 s more)
    Map<String, String> busiest = new TreeMap<>();
    Map<String, Long> perFile = new TreeMap<>();
    personLines.forEach(l -> perFile.merge(l.substring(0, l.lastIndexOf(':')), 1L, Long::sum));
    perFile.forEach(
        (file, n) ->
            busiest.merge(
                file.substring(0, file.indexOf('/')),
                file,
                (a, b) -> perFile.get(a) >= perFile.get(b) ? a : b));
    Map<String, List<String>> now = landingLines();
    long blanked = 0;
    for (String relative : busiest.values()) {
      Path original = SampleData.root().resolve(relative);
      Files.copy(
          original, landing.resolve(relative).resolveSibling("resent-" + original.getFileName()));
      List<String> was = landingBefore.get(relative);
      for (int i = 0; i < was.size(); i++) {
        blanked += was.get(i).isEmpty() || !now.get(relative).get(i).isEmpty() ? 0 : 1;
      }
    }
    IngestReport report = new IngestJob(spark, config).run(Optional.empty());
    System.out.printf("re-sent %s: %s%n%s", busiest.values(), report.total(), report.table());
    // every record of theirs the platform knew: by identifier, or by the key of a record that
    // resolution had placed in their profile without one
    assertThat(busiest).hasSize(6);
    assertThat(report.total().suppressed()).isEqualTo(blanked).isPositive();
    assertThat(report.total().eventsWritten()).isZero();
    assertThat(
            spark
                .read()
                .format("delta")
                .load(tables.deadLetters())
                .toJSON()
                .filter(new WorkDirScan.Person(values, first, last))
                .count())
        .as("dead letters naming the person")
        .isZero();
    Dataset<Row> eventsNow = spark.read().format("delta").load(tables.events());
    assertThat(eventsNow.count()).isEqualTo(eventsBefore);
    assertThat(eventsNow.toJSON().filter(new WorkDirScan.Person(values, first, last)).count())
        .isZero();
  }

  @Test
  @Order(6)
  void everyTableThePipelineWroteIsKnownAndAnUnknownOneStopsErasure() {
    DeltaEraser eraser = new DeltaEraser(spark, tables, "default");
    List<String> existing = eraser.existingTables();
    assertThat(existing).contains("events", "profiles", "identity_map", "suppression_list");
    assertThat(ErasureTables.unknown(existing.toArray(String[]::new))).isEmpty();

    spark.sql(
        "CREATE TABLE delta.`"
            + tables.table("mystery")
            + "` (workspace_id STRING, email STRING) USING DELTA");
    ErasureJob job = new ErasureJob(spark, config, null);
    assertThatThrownBy(
            () -> job.erase(ErasureRequest.ofProfile("p_someone", "erasure-test", Instant.now())))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("[mystery]")
        .hasMessageContaining("ErasureTables");
  }

  // ---- set-up ---------------------------------------------------------------------------------

  /** The fixture's ingest_log names the committed sample: point it at this private copy. */
  private static void repointIngestLog() {
    // same bytes, new times: ingest finds the files unchanged by their checksums
    String prefix =
        landing.toAbsolutePath().toUri().toString().replaceFirst("^file:/+", "file:///");
    prefix = prefix.endsWith("/") ? prefix : prefix + "/";
    DeltaTable.forPath(spark, tables.ingestLog())
        .update(
            Map.of(
                "path",
                regexp_replace(
                    col("path"), "^.*/(web|app|pos|email|callcenter|crm)/", prefix + "$1/")));
  }

  /**
   * The first person of the truth with records in all five channels and the CRM whose records the
   * platform can all attribute: every event carrying their first and last name sits in one profile
   * (a walk-in sale with a name but no identifier belongs to no profile, and nothing could tell it
   * is theirs).
   */
  private static void choosePerson() throws IOException {
    Map<String, Set<String>> channels = new TreeMap<>();
    Map<String, List<String>> lines = new TreeMap<>();
    Path truth = SampleData.root().resolve("truth");
    List<String> records = Files.readAllLines(truth.resolve("records.csv"));
    for (String line : records.subList(1, records.size())) {
      String[] f = line.split(",", -1);
      channels
          .computeIfAbsent(f[2], p -> new TreeSet<>())
          .add(f[0].substring(0, f[0].indexOf('/')));
      lines.computeIfAbsent(f[2], p -> new ArrayList<>()).add(f[0] + ":" + f[1]);
    }
    Map<String, Long> profilesPerName = new TreeMap<>();
    for (Row r :
        spark
            .read()
            .format("delta")
            .load(tables.events())
            .join(
                spark
                    .read()
                    .format("delta")
                    .load(tables.table(ResolveTables.EVENT_PROFILES))
                    .select("event_id", "profile_id"),
                scala.jdk.javaapi.CollectionConverters.asScala(List.of("event_id")).toSeq(),
                "left")
            .where(col("person.first_name").isNotNull().and(col("person.last_name").isNotNull()))
            .groupBy(
                upper(col("person.first_name")).as("f"), upper(col("person.last_name")).as("l"))
            // an event of no profile counts as one more profile
            .agg(countDistinct(coalesce(col("profile_id"), lit("none"))).as("n"))
            .collectAsList()) {
      profilesPerName.put(r.getString(0) + " " + r.getString(1), r.<Long>getAs("n"));
    }
    List<String> persons = Files.readAllLines(truth.resolve("persons.csv"));
    List<String> header = List.of(persons.get(0).split(","));
    String[] p = null;
    for (String line : persons.subList(1, persons.size())) {
      String[] f = line.split(",", -1);
      String name =
          (f[header.indexOf("first_name")] + " " + f[header.indexOf("last_name")])
              .toUpperCase(Locale.ROOT);
      Set<String> seen = channels.getOrDefault(f[0], Set.of());
      if (seen.containsAll(CHANNELS)
          && seen.contains("crm")
          && Long.valueOf(1).equals(profilesPerName.get(name))) {
        p = f;
        break;
      }
    }
    assertThat(p).as("a person in every channel whose records one profile holds").isNotNull();
    personId = p[0];
    personLines = new TreeSet<>(lines.get(personId));
    first = p[header.indexOf("first_name")];
    last = p[header.indexOf("last_name")];
    Set<String> candidates = new TreeSet<>();
    for (String column :
        List.of("email", "phone", "customer_id", "alt_customer_id", "alt_email", "loyalty_id")) {
      String v = p[header.indexOf(column)];
      if (!v.isBlank()) {
        candidates.add(v.contains("@") ? v.toLowerCase(Locale.ROOT) : v);
      }
    }
    Dataset<Row> map = spark.read().format("delta").load(tables.table(ResolveTables.IDENTITY_MAP));
    List<Row> own =
        map.where(
                col("identifier_value")
                    .isin(candidates.toArray())
                    .and(col("shared").equalTo(false)))
            .collectAsList();
    values = new TreeSet<>();
    profiles = new TreeSet<>();
    own.forEach(
        r -> {
          values.add(r.getAs("identifier_value"));
          profiles.add(r.getAs("profile_id"));
        });
    profiles.add(ALIAS);
    events = new TreeSet<>();
    spark
        .read()
        .format("delta")
        .load(tables.table(ResolveTables.EVENT_PROFILES))
        .where(col("profile_id").isin(profiles.toArray()))
        .select("event_id")
        .collectAsList()
        .forEach(r -> events.add(r.getString(0)));
    System.out.printf(
        "person %s %s %s: values %s (of %s), profiles %s, %d events, %d raw lines%n",
        personId, first, last, values, candidates, profiles, events.size(), personLines.size());
    assertThat(values).anyMatch(v -> v.contains("@"));
  }

  private static String emailOfPerson() {
    return values.stream().filter(v -> v.contains("@")).findFirst().orElseThrow();
  }

  private static String profileOfPerson() {
    return profiles.stream().filter(p -> !p.equals(ALIAS)).findFirst().orElseThrow();
  }

  /** A merged alias, a membership, an export file and a stream seed, around the person. */
  private static void addMergeMembershipExportAndSeed() throws IOException {
    Instant now = Instant.now();
    String survivor = profileOfPerson();
    String other =
        spark
            .read()
            .format("delta")
            .load(tables.table("profiles"))
            .where(col("profile_id").notEqual(survivor))
            .orderBy("profile_id")
            .first()
            .getAs("profile_id");
    spark
        .createDataFrame(
            List.of(
                RowFactory.create(
                    "default",
                    ALIAS,
                    survivor,
                    "email",
                    emailOfPerson(),
                    events.iterator().next(),
                    "deterministic",
                    null,
                    "resolve-test",
                    now)),
            ResolveTables.PROFILE_MERGES_SCHEMA)
        .write()
        .format("delta")
        .mode("append")
        .save(tables.table(ResolveTables.PROFILE_MERGES));
    spark
        .createDataFrame(
            List.of(
                RowFactory.create("default", "seg-1", survivor, now, null, "refresh-1", null, 1L),
                RowFactory.create("default", "seg-1", other, now, null, "refresh-1", null, 1L)),
            SegmentTables.MEMBERSHIP_SCHEMA)
        .write()
        .format("delta")
        .mode("append")
        .save(tables.table(SegmentTables.MEMBERSHIP));
    Path exports = Files.createDirectories(config.exports().directoryIn(work));
    Files.writeString(
        exports.resolve("seg-1.csv"),
        "profile_id,email\n"
            + survivor
            + ","
            + emailOfPerson()
            + "\n"
            + other
            + ",someone@else.test\n");
    Path seeds = Files.createDirectories(work.resolve("stream").resolve("seed"));
    try (OutputStream out =
        new GZIPOutputStream(Files.newOutputStream(seeds.resolve("resolve-1.jsonl.gz")))) {
      String event =
          spark
              .read()
              .format("delta")
              .load(tables.events())
              .where(col("event_id").isin(events.toArray()))
              .toJSON()
              .first();
      out.write(
          ("{\"workspace\":\"default\",\"run\":\"resolve-1\"}\n"
                  + "{\"map\":\"identifiers\",\"key\":\"email:"
                  + emailOfPerson()
                  + "\",\"value\":\""
                  + survivor
                  + "\"}\n"
                  + "{\"map\":\"event\",\"key\":\""
                  + events.iterator().next()
                  + "\",\"value\":"
                  + event
                  + "}\n"
                  + "{\"map\":\"profiles\",\"key\":\""
                  + other
                  + "\",\"value\":{}}\n")
              .getBytes(StandardCharsets.UTF_8));
    }
  }

  /** An older versioned profiles index with the person's document, and a suppression entry. */
  private static void addOlderIndexAndSuppression() throws IOException {
    StoreIndices names = new StoreIndices("default");
    String older = names.profilesIndex(Instant.parse("2020-01-01T00:00:00Z"));
    olderIndex = older;
    suppressionsExisted =
        es.client().indices().exists(e -> e.index(names.suppressionsIndex())).value();
    ObjectNode doc =
        es.client()
            .get(g -> g.index(names.profilesAlias()).id(profileOfPerson()), ObjectNode.class)
            .source();
    assertThat(doc).isNotNull();
    es.client().index(i -> i.index(older).id(ALIAS).document(doc).refresh(Refresh.True));
    ObjectNode entry = Json.mapper().createObjectNode().put("identifier_type", "email");
    String key = SuppressionList.key("email", emailOfPerson());
    entry.put("value_hash", key);
    es.client()
        .index(
            i -> i.index(names.suppressionsIndex()).id(key).document(entry).refresh(Refresh.True));
  }

  // ---- checks -------------------------------------------------------------------------------

  /**
   * Per personal table: a SHA-256 of its sorted rows that name none of the person's ids or values.
   */
  private static Map<String, String> checksums() {
    Set<String> needles = new TreeSet<>(values);
    needles.addAll(profiles);
    needles.addAll(events);
    Map<String, String> sums = new TreeMap<>();
    for (String table : ErasureTables.PERSONAL.keySet()) {
      String location = tables.table(table);
      if (!DeltaTable.isDeltaTable(spark, location)) {
        continue;
      }
      List<String> rows =
          new ArrayList<>(
              spark
                  .read()
                  .format("delta")
                  .load(location)
                  .toJSON()
                  .filter(
                      (org.apache.spark.api.java.function.FilterFunction<String>)
                          t -> !WorkDirScan.holdsAny(t, needles))
                  .collectAsList());
      rows.sort(null);
      try {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        rows.forEach(r -> sha.update((r + "\n").getBytes(StandardCharsets.UTF_8)));
        sums.put(table, rows.size() + " " + HexFormat.of().formatHex(sha.digest()));
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
    return sums;
  }

  private static Map<String, List<String>> landingLines() throws IOException {
    Map<String, List<String>> lines = new TreeMap<>();
    try (Stream<Path> files = Files.walk(landing)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String relative = landing.relativize(f).toString();
        if (!relative.contains("resent-")) {
          lines.put(
              relative, List.of(Files.readString(f, StandardCharsets.ISO_8859_1).split("\n", -1)));
        }
      }
    }
    return lines;
  }
}
