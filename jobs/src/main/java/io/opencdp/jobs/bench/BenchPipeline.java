package io.opencdp.jobs.bench;

import io.opencdp.ingest.spark.IngestJob;
import io.opencdp.ingest.spark.IngestReport;
import io.opencdp.ingest.spark.SparkSessions;
import io.opencdp.ingest.spark.TableLocations;
import io.opencdp.jobs.progress.SparkProgress;
import io.opencdp.resolve.spark.ResolveJob;
import io.opencdp.resolve.spark.ResolveMode;
import io.opencdp.resolve.spark.profile.ProfileBuilder;
import io.opencdp.resolve.spark.profile.ProfileReport;
import io.opencdp.schemas.config.CdpConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * The platform's own pipeline up to the Delta {@code profiles} table, as a benchmark's setup: the
 * scale's persons generated with the seed ({@link BenchLanding}), {@code cdp ingest}, a full {@code
 * cdp resolve} and the golden profiles, in one SparkSession that the caller goes on using (for
 * {@code cdp index}) and stops by closing this. Every step is timed; the times are setup figures,
 * never the benchmark's own.
 */
final class BenchPipeline implements AutoCloseable {
  private final SparkSession spark;
  private final SparkProgress progress;
  private final CdpConfig config;
  private final List<Figure> figures;

  private BenchPipeline(
      SparkSession spark, SparkProgress progress, CdpConfig config, List<Figure> figures) {
    this.spark = spark;
    this.progress = progress;
    this.config = config;
    this.figures = List.copyOf(figures);
  }

  /** Generates, ingests, resolves and builds the profiles of {@code scale} persons. */
  static BenchPipeline build(CdpConfig config, long scale, long seed, Path scratch, String name)
      throws Exception {
    long generateStart = System.nanoTime();
    BenchLanding landing = BenchLanding.generate(config, scale, seed, scratch);
    double generateSeconds = seconds(generateStart);
    CdpConfig benchConfig = landing.config();
    SparkSession spark = SparkSessions.create("cdp-bench-" + name, benchConfig.spark(), scratch);
    SparkProgress progress = new SparkProgress(spark, "bench " + name);
    try {
      long ingestStart = System.nanoTime();
      IngestReport ingested =
          new IngestJob(spark, benchConfig, TableLocations.of(benchConfig)).run(Optional.empty());
      double ingestSeconds = seconds(ingestStart);
      long resolveStart = System.nanoTime();
      new ResolveJob(spark, benchConfig).run(ResolveMode.FULL);
      double resolveSeconds = seconds(resolveStart);
      long profilesStart = System.nanoTime();
      ProfileReport built = new ProfileBuilder(spark, benchConfig).run();
      double profilesSeconds = seconds(profilesStart);
      List<Figure> figures =
          List.of(
              new Figure("setup.persons", scale, "persons"),
              new Figure("setup.events", ingested.total().eventsWritten(), "events"),
              new Figure("setup.golden_profiles", built.profiles(), "profiles"),
              new Figure("setup.generate_wall_time", generateSeconds, "s"),
              new Figure("setup.ingest_wall_time", ingestSeconds, "s"),
              new Figure("setup.resolve_wall_time", resolveSeconds, "s"),
              new Figure("setup.golden_profiles_wall_time", profilesSeconds, "s"));
      return new BenchPipeline(spark, progress, benchConfig, figures);
    } catch (Exception | Error e) {
      progress.close();
      spark.stop();
      throw e;
    }
  }

  SparkSession spark() {
    return spark;
  }

  /** The caller's config with its work directory (the Delta tables) in the scratch directory. */
  CdpConfig config() {
    return config;
  }

  /** The setup's figures, named {@code setup.*}. */
  List<Figure> figures() {
    return figures;
  }

  @Override
  public void close() {
    try {
      progress.close();
    } finally {
      spark.stop();
    }
  }

  static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
