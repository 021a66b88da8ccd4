package io.opencdp.resolve.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencdp.ingest.spark.IngestJob;
import io.opencdp.ingest.spark.TableLocations;
import io.opencdp.ingest.testing.SharedSpark;
import io.opencdp.resolve.match.MatchModelStore;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.config.SourceConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed sample ingested in two batches (May-August of every channel, then the rest and the
 * CRM), resolved after each: the incremental run must leave exactly the tables a full run leaves,
 * and the same persons a full rebuild from scratch finds.
 */
class IncrementalSampleTest {
  private static final Set<String> FIRST_MONTHS =
      Set.of("2026-05", "2026-06", "2026-07", "2026-08");

  private static ResolveReport incremental;
  private static Snapshot afterIncremental;
  private static Snapshot afterFull;
  private static Snapshot fromScratch;
  private static Map<String, String> aliases;

  record Snapshot(Map<String, String> eventProfiles, List<String> identityMap) {
    static Snapshot of(SparkSession spark, TableLocations tables) {
      Map<String, String> events = new TreeMap<>();
      for (Row r : read(spark, tables, ResolveTables.EVENT_PROFILES).collectAsList()) {
        events.put(r.getAs("event_id"), r.getAs("profile_id"));
      }
      List<String> map =
          read(spark, tables, ResolveTables.IDENTITY_MAP)
              .drop("updated_at")
              .collectAsList()
              .stream()
              .map(Row::toString)
              .sorted()
              .toList();
      return new Snapshot(events, map);
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

    copyLanding(landing, IncrementalSampleTest::inFirstBatch);
    new IngestJob(spark, config).run(Optional.empty());
    new ResolveJob(spark, config).run();

    copyLanding(landing, file -> !inFirstBatch(file));
    new IngestJob(spark, config).run(Optional.empty());
    incremental = new ResolveJob(spark, config).run();
    afterIncremental = Snapshot.of(spark, tables);
    aliases = ProfileAliases.read(spark, tables, config.workspace());

    new ResolveJob(spark, config).run(ResolveMode.FULL);
    afterFull = Snapshot.of(spark, tables);

    // the same events with the same match model (trained by the first run and kept, as in any work
    // dir), resolved once from scratch in another work dir
    CdpConfig scratch = defaults.withWorkDir(dir.resolve("scratch"));
    copyTree(
        Path.of(java.net.URI.create(tables.events())),
        Path.of(java.net.URI.create(TableLocations.of(scratch).events())));
    Path model = new MatchModelStore(config.workDir()).current();
    Files.createDirectories(new MatchModelStore(scratch.workDir()).current().getParent());
    Files.copy(model, new MatchModelStore(scratch.workDir()).current());
    new ResolveJob(spark, scratch).run(ResolveMode.FULL);
    fromScratch = Snapshot.of(spark, TableLocations.of(scratch));
  }

  @Test
  void theSecondRunIsIncrementalAndReadsOnlyTheSecondBatch() {
    assertThat(incremental.mode()).isEqualTo(ResolveMode.INCREMENTAL);
    assertThat(incremental.changedEvents())
        .isPositive()
        .isLessThan(afterIncremental.eventProfiles().size());
  }

  @Test
  void anIncrementalRunLeavesExactlyTheTablesOfAFullRun() {
    assertThat(afterFull.eventProfiles()).isEqualTo(afterIncremental.eventProfiles());
    assertThat(afterFull.identityMap()).isEqualTo(afterIncremental.identityMap());
    assertThat(Set.copyOf(afterFull.eventProfiles().values()))
        .isEqualTo(Set.copyOf(afterIncremental.eventProfiles().values()));
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

  /** Copies the sample's landing files {@code keep} accepts (paths relative, e.g. web/x.jsonl). */
  private static void copyLanding(Path landing, Predicate<String> keep) throws IOException {
    Path sample = sampleRoot();
    for (SourceConfig source : CdpConfig.defaults().ingest().sources().values()) {
      Path to = Files.createDirectories(landing.resolve(source.path()));
      try (Stream<Path> files = Files.list(sample.resolve(source.path()))) {
        for (Path file : files.sorted().toList()) {
          if (keep.test(source.path() + "/" + file.getFileName())) {
            Files.copy(file, to.resolve(file.getFileName()));
          }
        }
      }
    }
  }

  private static Path sampleRoot() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("sample-data/manifest.json"))) {
        return d.resolve("sample-data");
      }
    }
    throw new AssertionError("no sample-data/ above " + Path.of("").toAbsolutePath());
  }

  private static void copyTree(Path from, Path to) {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
