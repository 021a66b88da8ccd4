package io.opencdp.jobs.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import io.opencdp.ingest.spark.IngestJob;
import io.opencdp.ingest.spark.IngestReport;
import io.opencdp.ingest.spark.SparkSessions;
import io.opencdp.ingest.spark.TableLocations;
import io.opencdp.jobs.progress.SparkProgress;
import io.opencdp.resolve.eval.ResolutionEvaluation;
import io.opencdp.resolve.spark.ResolveEvaluation;
import io.opencdp.resolve.spark.ResolveJob;
import io.opencdp.resolve.spark.ResolveMode;
import io.opencdp.resolve.spark.ResolveReport;
import io.opencdp.resolve.spark.profile.ProfileBuilder;
import io.opencdp.resolve.spark.profile.ProfileReport;
import io.opencdp.schemas.config.CdpConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * Full identity resolution of generated data at a scale, after ingesting it (both timed: the target
 * is ingest + resolve of 1M persons within 10 minutes), then the golden profiles (timed apart).
 * Baseline in the same run and session: a plain Spark scan of {@code events} that reads every
 * event's identifiers and groups them by value (the least any resolution must do). Accuracy against
 * the generator's truth is reported too.
 */
final class ResolveBenchmark implements Benchmark {
  @Override
  public String name() {
    return "resolve";
  }

  @Override
  public Result run(CdpConfig config, long scale, long seed, Path scratch) throws Exception {
    BenchLanding bench = BenchLanding.generate(config, scale, seed, scratch);
    Path landing = bench.landing();
    CdpConfig benchConfig = bench.config();
    TableLocations tables = TableLocations.of(benchConfig);

    SparkSession spark = SparkSessions.create("cdp-bench-resolve", benchConfig.spark(), scratch);
    try (SparkProgress progress = new SparkProgress(spark, "bench resolve")) {
      long ingestStart = System.nanoTime();
      IngestReport ingested = new IngestJob(spark, benchConfig, tables).run(Optional.empty());
      double ingestSeconds = seconds(ingestStart);

      long scanStart = System.nanoTime();
      long distinctIdentifiers = plainScan(spark, tables);
      double scanSeconds = seconds(scanStart);

      long resolveStart = System.nanoTime();
      ResolveReport resolved = new ResolveJob(spark, benchConfig).run(ResolveMode.FULL);
      double resolveSeconds = seconds(resolveStart);

      long profilesStart = System.nanoTime();
      ProfileReport built = new ProfileBuilder(spark, benchConfig).run();
      double profilesSeconds = seconds(profilesStart);

      long evalStart = System.nanoTime();
      ResolutionEvaluation accuracy =
          ResolveEvaluation.evaluate(
              spark, benchConfig, landing.resolve("truth").resolve("records.csv"));
      double evalSeconds = seconds(evalStart);

      long events = ingested.total().eventsWritten();
      List<Figure> figures = new ArrayList<>();
      figures.add(new Figure("persons", scale, "persons"));
      figures.add(new Figure("events", events, "events"));
      figures.add(new Figure("distinct_identifiers", distinctIdentifiers, "identifiers"));
      figures.add(new Figure("ingest_wall_time", ingestSeconds, "s"));
      figures.add(new Figure("resolve_wall_time", resolveSeconds, "s"));
      figures.add(new Figure("ingest_plus_resolve_wall_time", ingestSeconds + resolveSeconds, "s"));
      figures.add(new Figure("golden_profiles_wall_time", profilesSeconds, "s"));
      figures.add(new Figure("golden_profiles", built.profiles(), "profiles"));
      figures.add(new Figure("resolve_events_per_s", events / resolveSeconds, "events/s"));
      figures.add(new Figure("profiles", resolved.profiles(), "profiles"));
      figures.add(new Figure("connected_components_rounds", resolved.componentRounds(), "rounds"));
      figures.add(new Figure("baseline_plain_scan_wall_time", scanSeconds, "s"));
      figures.add(new Figure("ratio_to_plain_scan", resolveSeconds / scanSeconds, "x"));
      figures.add(new Figure("precision", accuracy.overall().precision(), "ratio"));
      figures.add(new Figure("recall", accuracy.overall().recall(), "ratio"));
      figures.add(new Figure("f1", accuracy.overall().f1(), "ratio"));
      figures.add(
          new Figure("attributable_precision", accuracy.attributable().precision(), "ratio"));
      figures.add(new Figure("usable_pair_recall", accuracy.overall().subsetRecall(), "ratio"));
      figures.add(new Figure("evaluation_wall_time", evalSeconds, "s"));
      figures.add(new Figure("peak_rss", MachineInfo.peakRssMib(), "MiB"));
      return new Result(
          figures,
          List.of(
              "one JVM, Spark " + spark.version() + " master " + benchConfig.spark().master(),
              "resolve is a full rebuild; connected_components_rounds adds up both clustering passes",
              "baseline: read events, explode identifiers, count distinct (type, value), run after ingest",
              "golden profiles are built after resolve and timed apart from it",
              "peak_rss covers generation, ingest, baseline, resolve, profiles and evaluation in one JVM"));
    } finally {
      spark.stop();
    }
  }

  /** Reads every event's identifiers and counts the distinct values. */
  private static long plainScan(SparkSession spark, TableLocations tables) {
    return spark
        .read()
        .format("delta")
        .load(tables.events())
        .select(explode(col("identifiers")).as("id"))
        .select(col("id.type"), col("id.normalized"))
        .distinct()
        .count();
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
