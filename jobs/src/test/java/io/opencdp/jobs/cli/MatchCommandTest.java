package io.opencdp.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.delta.tables.DeltaTable;
import io.opencdp.ingest.spark.DeltaTables;
import io.opencdp.ingest.spark.SampleData;
import io.opencdp.ingest.spark.TableLocations;
import io.opencdp.ingest.testing.SharedSpark;
import io.opencdp.jobs.testing.SampleCopies;
import io.opencdp.resolve.match.MatchModel;
import io.opencdp.resolve.match.MatchModelStore;
import io.opencdp.resolve.spark.ResolveTables;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cdp match train|score} on a private copy of the resolved sample (real Spark, real Delta),
 * whose resolve run trained the model it linked with: retraining keeps that model, scoring with it
 * finds every pair the resolve run decided on, and neither touches the identity graph. Bad
 * arguments fail before Spark starts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MatchCommandTest {
  private static final Instant RETRAINED_AT = Instant.parse("2026-12-01T08:00:00Z");
  private static final List<String> GRAPH =
      List.of(
          ResolveTables.EVENT_PROFILES,
          ResolveTables.IDENTITY_MAP,
          ResolveTables.IDENTITY_LINK_AUDIT,
          ResolveTables.MATCH_LINKS,
          ResolveTables.MATCH_REVIEW,
          ResolveTables.RESOLVE_EVENTS,
          "profile_ids",
          "resolve_log");

  private static SparkSession spark;
  private static CdpConfig config;
  private static TableLocations tables;
  private static Map<String, Long> graphBefore;
  private static Path resolvedWith;

  @TempDir Path dir;

  @BeforeAll
  static void copyTheResolvedSample() {
    spark = SharedSpark.session();
    config = SampleCopies.privateCopy("match-command");
    tables = TableLocations.of(config);
    graphBefore = versions();
  }

  @Test
  @Order(1)
  void trainPrintsWhatItLearnedAndKeepsThePreviousModel() throws Exception {
    MatchModelStore store = new MatchModelStore(config.workDir());
    MatchModel previous = store.loadCurrent().orElseThrow();

    String out = stdout(() -> MatchCommand.train(spark, config, null, RETRAINED_AT));

    assertThat(out)
        .contains("match records", "candidate pairs", "blocking rule", "match prior")
        .contains("family_name:metaphone + given_name:initial")
        .contains("given_name*", "jaro_winkler>=0.92", "one_slip", "different")
        .contains("the previous model is kept as");
    MatchModel current = store.loadCurrent().orElseThrow();
    assertThat(current.trainedAt()).isEqualTo(RETRAINED_AT);
    assertThat(current.training().records()).isPositive();
    assertThat(store.archived(RETRAINED_AT)).isRegularFile();
    resolvedWith = store.archived(previous.trainedAt());
    assertThat(MatchModel.load(resolvedWith)).isEqualTo(previous);
    assertThat(versions()).isEqualTo(graphBefore);
  }

  @Test
  @Order(2)
  void scoreWritesThePairsWithTheirLevelsAndLinksNothing() throws Exception {
    Path csv = dir.resolve("pairs.csv");
    MatchModel model = MatchModel.load(resolvedWith);

    String out = stdout(() -> MatchCommand.score(spark, config, model, resolvedWith, csv, 0.5));

    assertThat(out).contains("link band", "review band", "below", "nothing was linked");
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    List<String> header = List.of(lines.get(0).split(","));
    assertThat(header)
        .startsWith(
            "left_record",
            "right_record",
            "left_event_id",
            "right_event_id",
            "left_group",
            "right_group",
            "probability",
            "weight")
        .contains("given_name", "birth_date", "email");
    assertThat(out).contains(String.format("%,d pairs at or above 0.5", lines.size() - 1));
    Set<String> scored = new HashSet<>();
    for (String line : lines.subList(1, lines.size())) {
      Map<String, String> row = row(header, line);
      assertThat(Double.parseDouble(row.get("probability"))).isGreaterThanOrEqualTo(0.5);
      assertThat(row.get("given_name")).matches("exact|jaro_winkler>=[0-9.]+|different|missing");
      scored.add(
          String.join(
              " ",
              row.get("left_record"),
              row.get("right_record"),
              row.get("left_event_id"),
              row.get("right_event_id")));
    }
    // the same records, events and scores as the resolve run that used this model
    List<Row> decided = table(ResolveTables.MATCH_LINKS).collectAsList();
    assertThat(decided).isNotEmpty();
    for (Row r : decided) {
      assertThat(scored)
          .contains(
              String.join(
                  " ",
                  r.getAs("left_record"),
                  r.getAs("right_record"),
                  r.getAs("left_event_id"),
                  r.getAs("right_event_id")));
    }
    assertThat(versions()).isEqualTo(graphBefore);
  }

  @Test
  void aProbabilityOutsideZeroToOneIsRefusedBeforeSparkStarts() {
    String err = stderr(() -> CdpCli.run("match", "score", "--min-probability", "2"));

    assertThat(err)
        .startsWith("cdp: error [BAD_ARGUMENT]: ")
        .contains("--min-probability must be between 0 and 1");
  }

  @Test
  void aMissingModelFileIsNamed() throws IOException {
    Path yaml = dir.resolve("cdp.yaml");
    Files.writeString(yaml, "work_dir: " + dir.resolve("work") + "\n");

    String given =
        stderr(
            () ->
                CdpCli.run(
                    "--config", yaml.toString(), "match", "score", "--model", "nowhere.json"));
    String current = stderr(() -> CdpCli.run("--config", yaml.toString(), "match", "score"));

    assertThat(given)
        .startsWith("cdp: error [INPUT_NOT_FOUND]: ")
        .contains("model file nowhere.json does not exist");
    assertThat(current)
        .startsWith("cdp: error [INPUT_NOT_FOUND]: ")
        .contains("no match model at", "run `cdp match train`");
  }

  @Test
  void withoutEventsOrAResolveRunTrainingSaysWhatToRunFirst() throws IOException {
    CdpConfig empty = config.withWorkDir(dir.resolve("empty"));
    assertThatThrownBy(() -> MatchCommand.train(spark, empty, null, RETRAINED_AT))
        .isInstanceOfSatisfying(
            CdpException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INPUT_NOT_FOUND))
        .hasMessageContaining("run `cdp ingest` first");

    CdpConfig ingested = config.withWorkDir(dir.resolve("ingested"));
    SampleData.copyTree(
        Path.of(URI.create(tables.events())),
        Path.of(URI.create(TableLocations.of(ingested).events())));
    assertThatThrownBy(() -> MatchCommand.train(spark, ingested, null, RETRAINED_AT))
        .isInstanceOfSatisfying(
            CdpException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INPUT_NOT_FOUND))
        .hasMessageContaining("no resolve run yet")
        .hasMessageContaining("run `cdp resolve` first");
  }

  private static Map<String, Long> versions() {
    Map<String, Long> versions = new LinkedHashMap<>();
    for (String name : GRAPH) {
      String location = tables.table(name);
      if (DeltaTables.exists(spark, location)) {
        versions.put(
            name,
            DeltaTable.forPath(spark, location).history(1).select("version").head().getLong(0));
      }
    }
    assertThat(versions).containsKeys(ResolveTables.EVENT_PROFILES, ResolveTables.MATCH_LINKS);
    return versions;
  }

  private static org.apache.spark.sql.Dataset<Row> table(String name) {
    return spark.read().format("delta").load(tables.table(name));
  }

  private static Map<String, String> row(List<String> header, String line) {
    // no cell of these files holds a comma (ids, groups of identifier values, labels)
    String[] cells = line.split(",", -1);
    assertThat(cells).hasSameSizeAs(header);
    Map<String, String> row = new LinkedHashMap<>();
    for (int i = 0; i < cells.length; i++) {
      row.put(header.get(i), cells[i]);
    }
    return row;
  }

  private static String stdout(Callable<?> action) throws Exception {
    return captured(action, false);
  }

  private static String stderr(Callable<?> action) {
    try {
      return captured(action, true);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String captured(Callable<?> action, boolean err) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream original = err ? System.err : System.out;
    PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    if (err) {
      System.setErr(capture);
    } else {
      System.setOut(capture);
    }
    try {
      action.call();
    } finally {
      if (err) {
        System.setErr(original);
      } else {
        System.setOut(original);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
