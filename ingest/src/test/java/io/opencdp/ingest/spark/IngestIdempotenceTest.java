package io.opencdp.ingest.spark;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencdp.ingest.testing.SharedSpark;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What ingest does with input it has seen before: a file landed twice under two names, a landed
 * file that changed, and a run killed with {@code kill -9} in the middle and run again.
 */
class IngestIdempotenceTest {
  private static final Logger LOG = LoggerFactory.getLogger(IngestIdempotenceTest.class);

  /** A small landing: one small file per source, with duplicates, re-deliveries, dead letters. */
  private static final Set<String> SMALL =
      Set.of(
          "callcenter/connect-2026-05.jsonl",
          "email/sendgrid-2026-11.jsonl",
          "web/web-2026-11.jsonl",
          "app/app-2026-11.jsonl",
          "pos/pos-2026-11.csv");

  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = SharedSpark.session();
  }

  /**
   * A file landed again under another name is read (its name is new), but every event in it is
   * already stored: the run writes none and leaves every stored row as it was. Its dead letters are
   * new ones, though: dead letters are keyed by (file, line), so the copy's malformed lines are
   * recorded again under the new file name, each as its original.
   */
  @Test
  void aFileCopiedUnderANewNameWritesNoEventAndAddsItsDeadLettersUnderTheNewName(@TempDir Path temp)
      throws IOException {
    Path landing = SampleData.copyLanding(temp.resolve("landing"), SMALL::contains);
    IngestJob job = new IngestJob(spark, SampleData.config(landing, temp.resolve("work")));
    TableLocations tables = job.tables();
    job.run(Optional.empty());
    long eventsVersion = DeltaContent.version(spark, tables.events());
    long deadVersion = DeltaContent.version(spark, tables.deadLetters());
    Files.copy(
        landing.resolve("email/sendgrid-2026-11.jsonl"),
        landing.resolve("email/sendgrid-2026-11-again.jsonl"));
    Files.copy(
        landing.resolve("callcenter/connect-2026-05.jsonl"),
        landing.resolve("callcenter/connect-2026-05-again.jsonl"));

    IngestReport again = job.run(Optional.empty());

    Map<String, SourceCounts> bySource = bySource(again);
    // SendGrid: 29 records, 1 malformed; Connect: 111 records, 2 of them re-deliveries
    assertThat(bySource.get("email"))
        .isEqualTo(new SourceCounts("email", "email", 1, 1, 29, 0, 28, 1));
    assertThat(bySource.get("callcenter"))
        .isEqualTo(new SourceCounts("callcenter", "call_center", 1, 1, 111, 0, 111, 0));
    for (String other : List.of("web", "app", "pos", "crm")) {
      assertThat(bySource.get(other).files()).as("files read of %s", other).isZero();
    }
    DeltaContent.assertSameRows(
        DeltaContent.read(spark, tables.events()),
        asOf(tables.events(), eventsVersion),
        "events after the copy vs before (every column)",
        "source_system",
        "source_key");
    Dataset<Row> dead = DeltaContent.read(spark, tables.deadLetters());
    Dataset<Row> deadBefore = asOf(tables.deadLetters(), deadVersion);
    DeltaContent.assertSameRows(
        dead.where(col("source_file").notEqual("email/sendgrid-2026-11-again.jsonl")),
        deadBefore,
        "dead letters of the original files",
        "source_file",
        "source_line");
    DeltaContent.assertSameRows(
        dead.where(col("source_file").equalTo("email/sendgrid-2026-11-again.jsonl"))
            .select("channel", "source_system", "source_line", "raw_text", "reason_code"),
        deadBefore
            .where(col("source_file").equalTo("email/sendgrid-2026-11.jsonl"))
            .select("channel", "source_system", "source_line", "raw_text", "reason_code"),
        "dead letters of the copy vs its original",
        "source_line",
        "reason_code");
    assertThat(dead.where(col("source_file").endsWith("-again.jsonl")).count()).isEqualTo(1);
  }

  /**
   * A landed file is immutable: once ingested, a file whose bytes change fails the next run with
   * INPUT_CHANGED naming it, before anything is written (not even the other, new files). A file
   * only touched (new modification time, same bytes) is recognized by its SHA-256 and skipped.
   */
  @Test
  void aChangedFileFailsTheNextRunNamingItAndWritesNothing(@TempDir Path temp) throws IOException {
    Path landing = SampleData.copyLanding(temp.resolve("landing"), SMALL::contains);
    IngestJob job = new IngestJob(spark, SampleData.config(landing, temp.resolve("work")));
    TableLocations tables = job.tables();
    job.run(Optional.empty());
    Path web = landing.resolve("web/web-2026-11.jsonl");
    Files.setLastModifiedTime(
        web, FileTime.fromMillis(Files.getLastModifiedTime(web).toMillis() + 60_000));

    IngestReport touched = job.run(Optional.empty());

    assertThat(touched.total().files()).as("files read after a touch").isZero();
    assertThat(bySource(touched).get("web").skippedFiles()).isEqualTo(1);

    Map<String, List<Long>> before = state(tables);
    Files.writeString(web, Files.readAllLines(web).get(0) + "\n", StandardOpenOption.APPEND);
    Files.copy(
        landing.resolve("app/app-2026-11.jsonl"), landing.resolve("app/app-2026-11-more.jsonl"));

    assertThatThrownBy(() -> job.run(Optional.empty()))
        .isInstanceOfSatisfying(
            CdpException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INPUT_CHANGED))
        .hasMessageContaining(web.toAbsolutePath().toString())
        .hasMessageNotContaining("app-2026-11-more.jsonl");
    assertThat(state(tables)).as("versions and row counts after the failed run").isEqualTo(before);
  }

  /**
   * {@code kill -9} of an ingest right after its events commit (the events MERGE committed, dead
   * letters and ingest_log not yet written), then the same ingest again: the tables hold exactly
   * what one clean run writes, no event twice, no dead letter missing. On the small landing: a cold
   * JVM ingesting the whole sample took a minute, and the window it is killed in (between the
   * events commit and the dead letters commit) is the same.
   */
  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void aRunKilledAfterItsEventsCommitIsCompletedByTheNextRunWithoutDuplicates(@TempDir Path temp)
      throws Exception {
    Path landing = SampleData.copyLanding(temp.resolve("landing"), SMALL::contains);
    IngestJob cleanRun = new IngestJob(spark, SampleData.config(landing, temp.resolve("clean")));
    cleanRun.run(Optional.empty());
    TableLocations clean = cleanRun.tables();
    Path work = temp.resolve("work");
    CdpConfig config = SampleData.config(landing, work);
    TableLocations tables = TableLocations.of(config);
    Path firstCommit =
        Path.of(URI.create(tables.events()))
            .resolve("_delta_log")
            .resolve("00000000000000000001.json");
    Path log = temp.resolve("child.log");

    Process child = IngestInAnotherJvm.start(landing, work, log);
    try {
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while (!Files.exists(firstCommit)) {
        assertThat(child.isAlive())
            .as("the ingest JVM ended before its events commit:%n%s", tail(log))
            .isTrue();
        assertThat(System.nanoTime() < deadline)
            .as("no events commit after 5 minutes:%n%s", tail(log))
            .isTrue();
        Thread.sleep(10);
      }
    } finally {
      child.destroyForcibly();
      child.waitFor();
    }
    Map<String, List<Long>> killedAt = state(tables);
    LOG.info("killed the ingest JVM at (version, rows) per table: {}", killedAt);
    assertThat(killedAt.get("events").get(0))
        .as("events version when killed")
        .isGreaterThanOrEqualTo(1);
    assertThat(killedAt.get("ingest_log"))
        .as("ingest_log when killed: the run must not have finished")
        .containsExactly(-1L, 0L);

    IngestReport rerun = new IngestJob(spark, config).run(Optional.empty());

    assertThat(rerun.total().files())
        .as("files the rerun reads: none was logged")
        .isEqualTo(SMALL.size());
    assertThat(rerun.total().eventsWritten())
        .as("events the rerun writes: the killed run committed them all")
        .isZero();
    DeltaContent.assertSameRows(
        DeltaContent.business(DeltaContent.read(spark, tables.events())),
        DeltaContent.business(DeltaContent.read(spark, clean.events())),
        "events after kill -9 and rerun vs one clean run",
        "source_system",
        "source_key");
    DeltaContent.assertSameRows(
        DeltaContent.business(DeltaContent.read(spark, tables.deadLetters())),
        DeltaContent.business(DeltaContent.read(spark, clean.deadLetters())),
        "dead letters after kill -9 and rerun vs one clean run",
        "source_file",
        "source_line");
    DeltaContent.assertSameRows(
        DeltaContent.read(spark, tables.ingestLog())
            .select("source", "records_read", "dead_lettered"),
        DeltaContent.read(spark, clean.ingestLog())
            .select("source", "records_read", "dead_lettered"),
        "ingest_log after kill -9 and rerun vs one clean run",
        "source",
        "records_read");
  }

  private static Dataset<Row> asOf(String location, long version) {
    return spark.read().format("delta").option("versionAsOf", version).load(location);
  }

  private static Map<String, SourceCounts> bySource(IngestReport report) {
    return report.sources().stream()
        .collect(Collectors.toMap(SourceCounts::source, c -> c, (a, b) -> a, LinkedHashMap::new));
  }

  /** Per table: its latest version (-1: none) and row count. */
  private static Map<String, List<Long>> state(TableLocations tables) {
    Map<String, List<Long>> state = new LinkedHashMap<>();
    state.put("events", versionAndCount(tables.events()));
    state.put("dead_letters", versionAndCount(tables.deadLetters()));
    state.put("ingest_log", versionAndCount(tables.ingestLog()));
    return state;
  }

  private static List<Long> versionAndCount(String location) {
    return List.of(DeltaContent.version(spark, location), DeltaContent.count(spark, location));
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }
}
