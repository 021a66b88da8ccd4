package io.opencdp.jobs.bench;

import io.opencdp.ingest.generator.GeneratorReport;
import io.opencdp.ingest.spark.IngestJob;
import io.opencdp.ingest.spark.IngestReport;
import io.opencdp.ingest.spark.SparkSessions;
import io.opencdp.ingest.spark.TableLocations;
import io.opencdp.jobs.progress.SparkProgress;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.config.SourceConfig;
import io.opencdp.schemas.config.SourceFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Batch ingest of generated data at a scale. Baseline in the same run and the same SparkSession:
 * Spark's own JSON and CSV readers load the same files and write them, as they are, to Delta tables
 * (no parsing into the canonical event, no validation, no dedup). The baseline runs first; the
 * ratio is ingest time over baseline time.
 */
final class IngestBenchmark implements Benchmark {
  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public Result run(CdpConfig config, long scale, long seed, Path scratch) throws Exception {
    BenchLanding bench = BenchLanding.generate(config, scale, seed, scratch);
    GeneratorReport generated = bench.generated();
    CdpConfig benchConfig = bench.config();

    SparkSession spark = SparkSessions.create("cdp-bench-ingest", benchConfig.spark(), scratch);
    try (SparkProgress progress = new SparkProgress(spark, "bench ingest")) {
      long baselineStart = System.nanoTime();
      long baselineRows = plainCopy(spark, benchConfig, scratch.resolve("plain-copy"));
      double baselineSeconds = (System.nanoTime() - baselineStart) / 1e9;

      long ingestStart = System.nanoTime();
      IngestReport report =
          new IngestJob(spark, benchConfig, TableLocations.of(benchConfig)).run(Optional.empty());
      double ingestSeconds = (System.nanoTime() - ingestStart) / 1e9;

      long rerunStart = System.nanoTime();
      new IngestJob(spark, benchConfig, TableLocations.of(benchConfig)).run(Optional.empty());
      double rerunSeconds = (System.nanoTime() - rerunStart) / 1e9;

      long read = report.total().recordsRead();
      List<Figure> figures = new ArrayList<>();
      figures.add(new Figure("persons", scale, "persons"));
      figures.add(new Figure("raw_records", generated.rawRecords(), "records"));
      figures.add(new Figure("records_read", read, "records"));
      figures.add(new Figure("events_written", report.total().eventsWritten(), "events"));
      figures.add(new Figure("duplicates", report.total().duplicates(), "records"));
      figures.add(new Figure("dead_lettered", report.total().deadLettered(), "records"));
      figures.add(new Figure("ingest_wall_time", ingestSeconds, "s"));
      figures.add(new Figure("ingest_records_per_s", read / ingestSeconds, "records/s"));
      figures.add(new Figure("baseline_plain_copy_wall_time", baselineSeconds, "s"));
      figures.add(new Figure("baseline_rows", baselineRows, "rows"));
      figures.add(
          new Figure("baseline_records_per_s", baselineRows / baselineSeconds, "records/s"));
      figures.add(new Figure("ratio_to_plain_copy", ingestSeconds / baselineSeconds, "x"));
      figures.add(new Figure("rerun_no_new_files_wall_time", rerunSeconds, "s"));
      figures.add(new Figure("peak_rss", MachineInfo.peakRssMib(), "MiB"));
      return new Result(
          figures,
          List.of(
              "one JVM, Spark " + spark.version() + " master " + benchConfig.spark().master(),
              "baseline: spark.read json/csv of each source directory written as-is to Delta, run first",
              "peak_rss covers generation, baseline and ingest in one JVM"));
    } finally {
      spark.stop();
    }
  }

  /** Spark's own readers, each source directory written as it is to its own Delta table. */
  private static long plainCopy(SparkSession spark, CdpConfig config, Path out) {
    long rows = 0;
    for (SourceConfig source : config.ingest().sources().values()) {
      String location = config.ingest().location(source);
      Dataset<Row> raw =
          source.format() == SourceFormat.CSV
              ? spark.read().option("header", "true").csv(location)
              : spark.read().json(location);
      raw.write().format("delta").mode("overwrite").save(out.resolve(source.name()).toString());
      rows += spark.read().format("delta").load(out.resolve(source.name()).toString()).count();
    }
    return rows;
  }
}
