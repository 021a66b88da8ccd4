package io.opencdp.resolve.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencdp.ingest.spark.IngestJob;
import io.opencdp.ingest.spark.SampleData;
import io.opencdp.ingest.spark.TableLocations;
import io.opencdp.ingest.testing.SharedSpark;
import io.opencdp.resolve.match.MatchModelStore;
import io.opencdp.schemas.config.CdpConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed sample ingested in two batches (May-August of every channel, then the rest and the
 * CRM), resolved after each: the incremental run must leave the tables a full run leaves. The full
 * run compared with is the shared sample's ({@link ResolvedSample}): the same events resolved once
 * with {@code --full} from scratch, so its profile ids are its own; the tables are compared with
 * every profile id named by its earliest event, every other column as it is. (That a {@code --full}
 * run on a work dir keeps its ids and rewrites no row is {@link ProfileIdStabilityTest}'s; a {@code
 * --full} run here as well cost ~17 s of the build.) Every run scores with the shared sample's
 * match model, as runs in one work dir keep theirs.
 */
class IncrementalSampleTest {
  private static final Set<String> FIRST_MONTHS =
      Set.of("2026-05", "2026-06", "2026-07", "2026-08");

  private static ResolveReport incremental;
  private static Snapshot afterIncremental;
  private static Snapshot fromScratch;
  private static Map<String, String> aliases;

  record Snapshot(Map<String, String> eventProfiles, List<Row> identityMap) {
    static Snapshot of(SparkSession spark, TableLocations tables) {
      Map<String, String> events = new TreeMap<>();
      for (Row r : read(spark, tables, ResolveTables.EVENT_PROFILES).collectAsList()) {
        events.put(r.getAs("event_id"), r.getAs("profile_id"));
      }
      List<Row> map =
          read(spark, tables, ResolveTables.IDENTITY_MAP).drop("updated_at").collectAsList();
      return new Snapshot(events, map);
    }

    /** Each profile id named by its earliest event id: the names two runs' ids can share. */
    Map<String, String> names() {
      Map<String, String> names = new TreeMap<>();
      eventProfiles.forEach(
          (e, p) -> names.merge(p, "earliest event " + e, (a, b) -> a.compareTo(b) <= 0 ? a : b));
      return names;
    }

    /** event id -> the name of its profile. */
    Map<String, String> namedEventProfiles() {
      Map<String, String> names = names();
      Map<String, String> named = new TreeMap<>();
      eventProfiles.forEach((e, p) -> named.put(e, names.get(p)));
      return named;
    }

    /** identity_map rows as sorted text (without updated_at), profile ids named. */
    List<String> namedIdentityMap() {
      Map<String, String> names = names();
      int profileId = identityMap.isEmpty() ? -1 : identityMap.get(0).fieldIndex("profile_id");
      return identityMap.stream()
          .map(
              r -> {
                Object[] values = new Object[r.size()];
                for (int i = 0; i < r.size(); i++) {
                  values[i] =
                      i == profileId
                          ? names.getOrDefault(r.getString(i), "no event: " + r.getString(i))
                          : r.get(i);
                }
                return Arrays.toString(values);
              })
          .sorted()
          .toList();
    }

    /** The persons: each profile's set of events, whatever its id. */
    Set<Set<String>> persons() {
      Map<String, Set<String>> byProfile = new TreeMap<>();
      eventProfiles.forEach((e, p) -> byProfile.computeIfAbsent(p, k -> new TreeSet<>()).add(e));
      return new HashSet<>(byProfile.values());
    }
  }

  @BeforeAll
  static void ingestInTwoBatchesResolvingAfterEach() throws IOException {
    SparkSession spark = SharedSpark.session();
    Path dir = SharedSpark.newTableDir("incremental-sample");
    Path landing = dir.resolve("landing");
    CdpConfig defaults = CdpConfig.defaults();
    CdpConfig config =
        defaults
            .withWorkDir(dir.resolve("work"))
            .withIngest(defaults.ingest().withLandingRoot(landing.toString()));
    TableLocations tables = TableLocations.of(config);
    ResolvedSample sample = ResolvedSample.get();
    Path model = new MatchModelStore(config.workDir()).current();
    Files.createDirectories(model.getParent());
    Files.copy(new MatchModelStore(sample.config.workDir()).current(), model);

    SampleData.copyLanding(landing, IncrementalSampleTest::inFirstBatch);
    new IngestJob(spark, config).run(Optional.empty());
    new ResolveJob(spark, config).run();

    SampleData.copyLanding(landing, file -> !inFirstBatch(file));
    new IngestJob(spark, config).run(Optional.empty());
    incremental = new ResolveJob(spark, config).run();
    afterIncremental = Snapshot.of(spark, tables);
    aliases = ProfileAliases.read(spark, tables, config.workspace());
    fromScratch = Snapshot.of(spark, sample.tables);
  }

  @Test
  void theSecondRunIsIncrementalAndReadsOnlyTheSecondBatch() {
    assertThat(incremental.mode()).isEqualTo(ResolveMode.INCREMENTAL);
    assertThat(incremental.changedEvents())
        .isPositive()
        .isLessThan(afterIncremental.eventProfiles().size());
  }

  @Test
  void anIncrementalRunLeavesTheTablesOfAFullRunProfileIdsAside() {
    assertThat(afterIncremental.identityMap()).hasSize(fromScratch.identityMap().size());
    assertThat(afterIncremental.namedIdentityMap()).isEqualTo(fromScratch.namedIdentityMap());
    assertThat(afterIncremental.namedEventProfiles()).isEqualTo(fromScratch.namedEventProfiles());
    assertThat(Set.copyOf(afterIncremental.eventProfiles().values()))
        .hasSameSizeAs(Set.copyOf(fromScratch.eventProfiles().values()));
  }

  @Test
  void theHistoryDoesNotChangeWhoIsOnePerson() {
    assertThat(fromScratch.eventProfiles().keySet())
        .isEqualTo(afterIncremental.eventProfiles().keySet());
    assertThat(fromScratch.persons()).isEqualTo(afterIncremental.persons());
  }

  @Test
  void everyAliasResolvesToAnActiveProfile() {
    assertThat(incremental.merged()).isEqualTo(aliases.size()).isPositive();
    Set<String> active = Set.copyOf(afterIncremental.eventProfiles().values());
    aliases.values().forEach(survivor -> assertThat(survivor).isIn(active));
  }

  private static boolean inFirstBatch(String relative) {
    return FIRST_MONTHS.stream().anyMatch(relative::contains);
  }

  private static org.apache.spark.sql.Dataset<Row> read(
      SparkSession spark, TableLocations tables, String table) {
    return spark.read().format("delta").load(tables.table(table));
  }
}
