package io.opencdp.jobs.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.ingest.spark.TableLocations;
import io.opencdp.jobs.index.IndexJob;
import io.opencdp.jobs.index.IndexMode;
import io.opencdp.jobs.index.IndexReport;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Bulk index throughput of {@code cdp index} ({@link IndexJob}) into a bench Elasticsearch: a full
 * run, then an incremental run with nothing changed. Up to {@value #PIPELINE_MAX} persons the
 * tables come from the real pipeline at the scale ({@link BenchPipeline}); above, from the pipeline
 * at {@value #PIPELINE_MAX} replicated {@code scale / 100k} times ({@link TableReplicas}: profiles
 * and their identity inputs multiplied, events not). Baseline in the same run: the profile
 * documents the full run wrote, sent again with plain {@code _bulk} from one Java thread ({@link
 * RawBulkBaseline}).
 */
final class IndexBenchmark implements Benchmark {
  static final long PIPELINE_MAX = 100_000;
  static final double TARGET_PROFILES_PER_S = 20_000;

  @Override
  public String name() {
    return "index";
  }

  /** How many copies of the pipeline's tables a scale takes: 1 up to 100k. */
  static int replicas(long scale) {
    if (scale <= PIPELINE_MAX) {
      return 1;
    }
    if (scale % PIPELINE_MAX != 0) {
      throw new CdpException(
          ErrorCode.BAD_ARGUMENT,
          "cdp bench index above 100k persons replicates the 100k run's tables: --scale must be a"
              + " multiple of 100k, got "
              + scale);
    }
    return (int) (scale / PIPELINE_MAX);
  }

  @Override
  public Result run(CdpConfig config, long scale, long seed, Path scratch) throws Exception {
    int factor = replicas(scale);
    long persons = Math.min(scale, PIPELINE_MAX);
    try (BenchElasticsearch es = BenchElasticsearch.start(config);
        BenchPipeline pipeline = BenchPipeline.build(config, persons, seed, scratch, "index")) {
      List<Figure> figures = new ArrayList<>(pipeline.figures());
      CdpConfig indexConfig = pipeline.config();
      if (factor > 1) {
        long start = System.nanoTime();
        indexConfig = indexConfig.withWorkDir(scratch.resolve("work-x" + factor));
        TableReplicas.write(
            pipeline.spark(),
            TableLocations.of(pipeline.config()),
            TableLocations.of(indexConfig),
            factor);
        figures.add(new Figure("setup.replicas", factor, "copies"));
        figures.add(new Figure("setup.replicate_wall_time", BenchPipeline.seconds(start), "s"));
      }
      IndexJob job = new IndexJob(pipeline.spark(), indexConfig, es.url());

      IndexReport full = job.run(IndexMode.FULL);
      double fullSeconds = full.elapsed().toNanos() / 1e9;
      long documents = 2 * full.profilesWritten() + full.eventsWritten();
      figures.add(new Figure("full.profiles", full.profilesWritten(), "profiles"));
      figures.add(new Figure("full.events", full.eventsWritten(), "events"));
      figures.add(new Figure("full.documents", documents, "documents"));
      figures.add(new Figure("full.wall_time", fullSeconds, "s"));
      figures.add(
          new Figure("full.profiles_phase_wall_time", seconds(full.profilesElapsed()), "s"));
      figures.add(new Figure("full.profiles_per_s", full.profilesPerSecond(), "profiles/s"));
      figures.add(new Figure("full.events_phase_wall_time", seconds(full.eventsElapsed()), "s"));
      figures.add(new Figure("full.events_per_s", full.eventsPerSecond(), "events/s"));
      figures.add(new Figure("full.documents_per_s", documents / fullSeconds, "documents/s"));
      figures.add(
          new Figure(
              "full.profiles_per_s_whole_run", full.profilesWritten() / fullSeconds, "profiles/s"));

      StoreIndices names = new StoreIndices(indexConfig.workspace());
      figures.add(new Figure("size.profiles", mib(es.url(), names.profilesAlias()), "MiB"));
      figures.add(new Figure("size.identity", mib(es.url(), names.identityAlias()), "MiB"));
      figures.add(new Figure("size.events", mib(es.url(), names.eventsAlias()), "MiB"));

      IndexReport noop = job.run(IndexMode.INCREMENTAL);
      figures.add(new Figure("incremental_noop.wall_time", seconds(noop.elapsed()), "s"));
      figures.add(
          new Figure(
              "incremental_noop.documents_written",
              noop.profilesWritten() + noop.eventsWritten(),
              "documents"));

      RawBulkBaseline.Result raw =
          RawBulkBaseline.run(es.url(), names, indexConfig.index().bulkActions(), scratch);
      figures.add(new Figure("baseline.raw_bulk_wall_time", raw.seconds(), "s"));
      figures.add(
          new Figure("baseline.raw_bulk_profiles_per_s", raw.documentsPerSecond(), "profiles/s"));
      figures.add(new Figure("baseline.raw_bulk_mib", raw.bytes() / 1048576.0, "MiB"));
      figures.add(
          new Figure(
              "ratio.profiles_per_s_to_raw_bulk",
              full.profilesPerSecond() / raw.documentsPerSecond(),
              "x"));
      figures.add(new Figure("peak_rss", MachineInfo.peakRssMib(), "MiB"));
      return new Result(figures, notes(config, es, pipeline, factor, full, noop));
    }
  }

  private static List<String> notes(
      CdpConfig config,
      BenchElasticsearch es,
      BenchPipeline pipeline,
      int factor,
      IndexReport full,
      IndexReport noop) {
    List<String> notes = new ArrayList<>();
    notes.add(
        "one JVM, Spark "
            + pipeline.spark().version()
            + " master "
            + pipeline.config().spark().master()
            + "; cluster: "
            + es.describe(config));
    notes.add(
        factor == 1
            ? "tables: the real pipeline at the scale (generate, ingest, full resolve, profiles)"
            : "tables: the real pipeline at 100k, profiles and their identity inputs replicated "
                + factor
                + "x with suffixed profile and event ids; events are not replicated, so the events"
                + " phase writes the 100k run's events");
    notes.add(
        "full.profiles_per_s: profile documents over the profile phase of the full run (Delta"
            + " read, document build, bulk writes; "
            + "not identity, events, alias swap or count checks); target "
            + (long) TARGET_PROFILES_PER_S
            + " profiles/s"
            + (full.profilesPerSecond() >= TARGET_PROFILES_PER_S ? " (met)" : " (NOT met)"));
    notes.add(
        "full.documents_per_s: profile + identity + event documents over the whole full run,"
            + " including alias swap, refreshes and count checks");
    notes.add(
        "incremental_noop: `cdp index` again with nothing changed ("
            + noop.mode().name().toLowerCase(java.util.Locale.ROOT)
            + " run)");
    notes.add(
        "baseline: the profile documents of the full run read back (scroll, untimed) and sent with"
            + " plain _bulk from one Java thread, one request in flight, index.bulk_actions per"
            + " request, into an index created like the indexer's load index; ratio > 1 means the"
            + " indexer beats it");
    notes.add("size.*: primary store size of each alias after the full run");
    return notes;
  }

  private static double seconds(java.time.Duration d) {
    return d.toNanos() / 1e9;
  }

  /** Primary store size of {@code alias}, in MiB. */
  private static double mib(String esUrl, String alias) throws IOException, InterruptedException {
    HttpResponse<byte[]> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            esUrl
                                + "/"
                                + URLEncoder.encode(alias, StandardCharsets.UTF_8)
                                + "/_stats/store"))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "index stats of " + alias + " answered " + response.statusCode());
    }
    JsonNode stats = Json.mapper().readTree(response.body());
    return stats.path("_all").path("primaries").path("store").path("size_in_bytes").asLong()
        / 1048576.0;
  }
}
