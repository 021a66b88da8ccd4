package io.opencdp.jobs.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.xxhash64;

import io.opencdp.api.store.StoreIndices;
import io.opencdp.ingest.spark.TableLocations;
import io.opencdp.jobs.index.IndexJob;
import io.opencdp.jobs.index.IndexMode;
import io.opencdp.jobs.index.IndexReport;
import io.opencdp.schemas.config.CdpConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The real pipeline fills the store: {@link BenchPipeline} (generate the scale's persons with the
 * seed, ingest, full resolve, golden profiles), then {@code cdp index --full} ({@link IndexJob})
 * into the bench's Elasticsearch. The lookup keys are a fixed sample, chosen by a hash of the seed,
 * of up to {@value #SAMPLE} profile ids and of up to {@value #SAMPLE} distinct phones (each
 * profile's first phone; ingest stored them in E.164), read from the Delta {@code profiles} table
 * that was indexed.
 */
final class PipelineProfiles implements BenchProfiles {
  static final int SAMPLE = 10_000;

  @Override
  public String describe() {
    return "the real pipeline: the scale's persons generated with the seed, ingested, resolved"
        + " (full), golden profiles built, then `cdp index --full`; lookup keys: a seeded sample of"
        + " up to "
        + SAMPLE
        + " profile ids and "
        + SAMPLE
        + " distinct phones (each profile's first) from the Delta profiles table";
  }

  @Override
  public Loaded load(CdpConfig config, String esUrl, long scale, long seed, Path scratch)
      throws Exception {
    try (BenchPipeline pipeline = BenchPipeline.build(config, scale, seed, scratch, "api")) {
      CdpConfig benchConfig = pipeline.config();
      long indexStart = System.nanoTime();
      IndexReport indexed = new IndexJob(pipeline.spark(), benchConfig, esUrl).run(IndexMode.FULL);
      double indexSeconds = BenchPipeline.seconds(indexStart);

      Dataset<Row> profiles =
          pipeline
              .spark()
              .read()
              .format("delta")
              .load(TableLocations.of(benchConfig).table("profiles"))
              .where(col("workspace_id").equalTo(benchConfig.workspace()));
      List<String> ids =
          strings(
              profiles
                  .select(col("profile_id").as("key"))
                  .orderBy(xxhash64(col("key"), lit(seed)), col("key"))
                  .limit(SAMPLE));
      List<String> phones =
          strings(
              profiles
                  .where(size(col("phones")).gt(0))
                  .select(element_at(col("phones.value"), 1).as("key"))
                  .distinct()
                  .orderBy(xxhash64(col("key"), lit(seed)), col("key"))
                  .limit(SAMPLE));

      List<Figure> setup = new ArrayList<>(pipeline.figures());
      setup.add(new Figure("setup.index_wall_time", indexSeconds, "s"));
      setup.add(new Figure("setup.profiles_indexed", indexed.profilesWritten(), "profiles"));
      setup.add(new Figure("setup.events_indexed", indexed.eventsWritten(), "events"));
      setup.add(
          new Figure("setup.index_profiles_per_s", indexed.profilesPerSecond(), "profiles/s"));
      setup.add(new Figure("setup.lookup_ids", ids.size(), "ids"));
      setup.add(new Figure("setup.lookup_phones", phones.size(), "phones"));
      return new Loaded(
          benchConfig.workspace(),
          new StoreIndices(benchConfig.workspace()).profilesAlias(),
          ids,
          phones,
          indexed.esProfiles(),
          setup);
    }
  }

  private static List<String> strings(Dataset<Row> keys) {
    return keys.collectAsList().stream().map(r -> r.getString(0)).toList();
  }
}
