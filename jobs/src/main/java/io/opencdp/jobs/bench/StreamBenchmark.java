package io.opencdp.jobs.bench;

import io.opencdp.api.ApiServer;
import io.opencdp.jobs.bench.load.LoadFigures;
import io.opencdp.jobs.bench.load.LoadResult;
import io.opencdp.jobs.bench.load.LoadRun;
import io.opencdp.jobs.bench.load.LoadSpec;
import io.opencdp.jobs.stream.LiveStream;
import io.opencdp.jobs.stream.StreamReport;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.config.CollectorConfig;
import io.opencdp.schemas.error.CdpException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code cdp bench stream}: events posted to the collector to the change visible through the API.
 * In this JVM: a bench Elasticsearch node, the profile API, and {@link LiveStream} (the collector
 * with {@code rotate_seconds} 1 and {@code cdp stream} monitoring its landing directory, as {@code
 * cdp quickstart} runs them), all from an empty store and a fresh stream state. The load is
 * open-loop from a child JVM ({@link LoadRun}): Segment {@code track} calls, one event each, at
 * each rate of the {@link StreamBenchPlan}; latency comes from {@link StreamProbes} sent next to
 * it. {@code --scale} is the number of known customers the load's events fall on.
 */
final class StreamBenchmark implements Benchmark {
  private static final Logger LOG = LoggerFactory.getLogger(StreamBenchmark.class);
  static final String WRITE_KEY = "cdp_bench_stream_write_key";
  private static final String SOURCE = "web";

  private final StreamBenchPlan plan;

  StreamBenchmark() {
    this(StreamBenchPlan.standard());
  }

  StreamBenchmark(StreamBenchPlan plan) {
    this.plan = plan;
  }

  @Override
  public String name() {
    return "stream";
  }

  @Override
  public Result run(CdpConfig config, long scale, long seed, Path scratch) throws Exception {
    Path landing = scratch.resolve("landing");
    CdpConfig bench =
        LiveStream.secondsLatency(
            config
                .withWorkDir(scratch.resolve("work"))
                .withIngest(config.ingest().withLandingRoot(landing.toString())));
    Path webDir = LiveStream.sourceDirectory(bench.ingest(), SOURCE);
    Files.createDirectories(webDir);
    CollectorConfig collector =
        config
            .collector()
            .withPort(0)
            .withWriteKeys(
                List.of(new CollectorConfig.WriteKey(WRITE_KEY, SOURCE, config.workspace())));
    List<Figure> figures = new ArrayList<>();
    figures.add(new Figure("persons", scale, "persons"));
    figures.add(new Figure("settings.rotate_seconds", LiveStream.ROTATE_SECONDS, "s"));
    figures.add(
        new Figure(
            "settings.monitor_interval_millis", bench.stream().monitorIntervalMillis(), "ms"));
    figures.add(
        new Figure("settings.flush_interval_millis", bench.stream().flushIntervalMillis(), "ms"));
    figures.add(
        new Figure(
            "settings.checkpoint_interval_millis",
            bench.stream().checkpointIntervalMillis(),
            "ms"));
    try (BenchElasticsearch es = BenchElasticsearch.start(config)) {
      ApiServer api =
          ApiServer.create(
                  ApiBenchmark.apiConfig(config, config.workspace()), config.workspace(), es.url())
              .start();
      try (LiveStream live =
          LiveStream.start(
              bench, es.url(), collector, SOURCE, webDir, line -> LOG.info("stream: {}", line))) {
        List<RateRun> runs = new ArrayList<>();
        LoadRun load = new LoadRun(scratch.resolve("load"));
        if (plan.warmupRunSeconds() > 0) {
          RateRun warmup =
              runAt(
                  plan.fixedRates().get(0),
                  plan.warmupRunSeconds(),
                  "warmup",
                  live,
                  webDir,
                  api.url(),
                  load,
                  scale,
                  seed);
          figures.add(new Figure("warmup.visible.p50_ms", warmup.p50(), "ms"));
        }
        // the fixed rates, then the ladder above them while the last rate kept up
        List<Double> rates = new ArrayList<>(plan.fixedRates());
        rates.addAll(plan.ladder());
        for (int i = 0; i < rates.size(); i++) {
          if (i >= plan.fixedRates().size() && !runs.get(runs.size() - 1).keptUp()) {
            break;
          }
          double rate = rates.get(i);
          runs.add(
              runAt(
                  rate,
                  plan.durationSeconds(),
                  String.valueOf(Math.round(rate)),
                  live,
                  webDir,
                  api.url(),
                  load,
                  scale,
                  seed));
        }
        for (RateRun run : runs) {
          figures.addAll(run.figures());
        }
        runs.stream()
            .filter(RateRun::keptUp)
            .mapToDouble(r -> r.load.targetRate())
            .max()
            .ifPresent(r -> figures.add(new Figure("kept_up_last_rps", r, "events/s")));
        runs.stream()
            .filter(r -> !r.keptUp())
            .mapToDouble(r -> r.load.targetRate())
            .min()
            .ifPresent(r -> figures.add(new Figure("latency_grows_from_rps", r, "events/s")));
        // the job's figures come with the task managers' heartbeats: a report read right after
        // the last probe can miss the last seconds; wait for one covering every finished file
        StreamReport last;
        try {
          last =
              live.awaitCaughtUp(
                  LiveStream.landedFiles(bench.ingest()), Duration.ofSeconds(60), line -> {});
        } catch (CdpException behind) {
          LOG.warn("stream totals as last reported: {}", behind.getMessage());
          last = live.latest();
        }
        if (last != null) {
          figures.add(new Figure("stream.events", last.events(), "events"));
          figures.add(new Figure("stream.files", last.files(), "files"));
          figures.add(new Figure("stream.dead_letters", last.deadLetters(), "records"));
        }
      } finally {
        api.stop();
      }
      figures.add(new Figure("peak_rss", MachineInfo.peakRssMib(), "MiB"));
      return new Result(figures, notes(config, es));
    }
  }

  private RateRun runAt(
      double rate,
      double seconds,
      String label,
      LiveStream live,
      Path landingDir,
      String apiUrl,
      LoadRun load,
      long persons,
      long seed)
      throws Exception {
    long count = (long) Math.ceil(rate * (plan.warmupSeconds() + seconds));
    Path requests =
        load.writeRequests(
            "collector.track-" + label,
            StreamBenchEvents.track(label, count, persons, seed, WRITE_KEY));
    LoadSpec spec =
        LoadSpec.open(
            "collector.track",
            live.collectorUrl(),
            requests,
            rate,
            plan.warmupSeconds(),
            seconds,
            plan.connections(),
            seed);
    long eventsBefore = events(live);
    long started = System.nanoTime();
    // the child JVM needs a moment to start: the probes begin a little after the warm-up
    Duration probeDelay = Duration.ofMillis(Math.round((plan.warmupSeconds() + 1) * 1000));
    LoadResult result;
    List<StreamProbes.Probe> probes;
    boolean allSeen;
    long drainMillis;
    try (StreamProbes probing =
        StreamProbes.start(
            live.collectorUrl(),
            WRITE_KEY,
            landingDir,
            apiUrl,
            ApiBenchmark.DEMO_ADMIN_KEY,
            label,
            plan.probesPerSecond(),
            probeDelay)) {
      result = load.run(spec);
      probing.stopSending();
      double loadSeconds = (System.nanoTime() - started) / 1e9;
      long eventsAtEnd = events(live);
      long drainStart = System.nanoTime();
      allSeen = probing.awaitSeen(Duration.ofSeconds(plan.drainSeconds()));
      drainMillis = (System.nanoTime() - drainStart) / 1_000_000;
      probes = probing.probes();
      RateRun run =
          new RateRun(
              result, probes, allSeen, drainMillis, (eventsAtEnd - eventsBefore) / loadSeconds);
      LOG.info("{}", run.summary());
      return run;
    }
  }

  private static long events(LiveStream live) {
    StreamReport report = live.latest();
    return report == null ? 0 : report.events();
  }

  /** One rate's load, probes and the stream's pace. */
  private record RateRun(
      LoadResult load,
      List<StreamProbes.Probe> probes,
      boolean allSeen,
      long drainMillis,
      double streamEventsPerSecond) {

    List<Double> latencies() {
      return probes.stream()
          .filter(p -> p.visibleNanos > 0)
          .sorted(Comparator.comparingLong(p -> p.sentNanos))
          .map(StreamProbes.Probe::latencyMillis)
          .toList();
    }

    long unseen() {
      return probes.stream().filter(p -> !p.rejected && p.visibleNanos <= 0).count();
    }

    /**
     * How much the median latency of the last third of the probes exceeds the first third's: a
     * stream that falls behind builds a queue, and latency grows through the run.
     */
    double growthMillis() {
      List<Double> inOrder = latencies();
      int third = inOrder.size() / 3;
      if (third == 0) {
        return 0;
      }
      return median(inOrder.subList(inOrder.size() - third, inOrder.size()))
          - median(inOrder.subList(0, third));
    }

    double p50() {
      return percentile(latencies().stream().sorted().toList(), 50);
    }

    boolean keptUp() {
      return allSeen
          && load.errorCount() == 0
          && load.achievedRate() >= 0.95 * load.targetRate()
          && growthMillis() <= StreamBenchPlan.GROWTH_LIMIT_MS;
    }

    /** {@code stage} of the probes that were seen both landed and through the API, sorted. */
    List<Double> stage(ToDoubleFunction<StreamProbes.Probe> stage) {
      return probes.stream()
          .filter(p -> p.visibleNanos > 0 && p.landedNanos > 0)
          .mapToDouble(stage)
          .sorted()
          .boxed()
          .toList();
    }

    List<Figure> figures() {
      String at = "@" + Math.round(load.targetRate());
      List<Double> sorted = latencies().stream().sorted().toList();
      List<Double> landed = stage(StreamProbes.Probe::landedMillis);
      List<Double> after = stage(StreamProbes.Probe::afterLandingMillis);
      List<Figure> figures = new ArrayList<>(LoadFigures.fixedRate(load));
      figures.add(new Figure("visible.p50_ms" + at, percentile(sorted, 50), "ms"));
      figures.add(new Figure("visible.p95_ms" + at, percentile(sorted, 95), "ms"));
      figures.add(new Figure("visible.p99_ms" + at, percentile(sorted, 99), "ms"));
      figures.add(
          new Figure(
              "visible.max_ms" + at, sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1), "ms"));
      for (double p : new double[] {50, 95, 99}) {
        String q = "p" + Math.round(p) + "_ms" + at;
        figures.add(new Figure("stage.landed." + q, percentile(landed, p), "ms"));
        figures.add(new Figure("stage.after_landing." + q, percentile(after, p), "ms"));
      }
      figures.add(new Figure("visible.probes" + at, probes.size(), "probes"));
      figures.add(new Figure("visible.unseen" + at, unseen(), "probes"));
      figures.add(new Figure("visible.growth_ms" + at, growthMillis(), "ms"));
      figures.add(new Figure("visible.drain_ms" + at, drainMillis, "ms"));
      figures.add(new Figure("stream.events_per_s" + at, streamEventsPerSecond, "events/s"));
      figures.add(new Figure("kept_up" + at, keptUp() ? 1 : 0, "bool"));
      return figures;
    }

    String summary() {
      List<Double> sorted = latencies().stream().sorted().toList();
      return String.format(
          Locale.ROOT,
          "%d events/s: sent %.0f/s, visible p50 %.0f / p95 %.0f / p99 %.0f ms over %d probes"
              + " (%d unseen; p50 landed %.0f + after landing %.0f ms), growth %.0f ms, stream"
              + " %.0f events/s, drain %d ms",
          Math.round(load.targetRate()),
          load.achievedRate(),
          percentile(sorted, 50),
          percentile(sorted, 95),
          percentile(sorted, 99),
          probes.size(),
          unseen(),
          percentile(stage(StreamProbes.Probe::landedMillis), 50),
          percentile(stage(StreamProbes.Probe::afterLandingMillis), 50),
          growthMillis(),
          streamEventsPerSecond,
          drainMillis);
    }
  }

  /** Nearest-rank percentile of sorted values; 0 when there are none. */
  static double percentile(List<Double> sorted, double p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  private static double median(List<Double> values) {
    return percentile(values.stream().sorted().toList(), 50);
  }

  private List<String> notes(CdpConfig config, BenchElasticsearch es) {
    return List.of(
        "cluster: " + es.describe(config) + "; API, collector and stream in the benchmark JVM",
        "pipeline: collector (rotate_seconds "
            + LiveStream.ROTATE_SECONDS
            + ") -> landing files -> cdp stream (monitoring, fresh state) -> Elasticsearch -> API",
        "load: open loop in a child JVM, "
            + plan.connections()
            + " keep-alive connections, one Segment track per request, unique messageIds;"
            + " warm-up "
            + plan.warmupSeconds()
            + " s + "
            + plan.durationSeconds()
            + " s measured per rate; --scale = customers the events fall on",
        "visible.*: "
            + plan.probesPerSecond()
            + " probes/s during the measured part, each a track with a new userId, polled through"
            + " GET /v1/profiles?customer_id= every 25 ms; latency = answer showing it - just before"
            + " its POST",
        "stage.landed: from the probe's POST to the finished landing file holding it (read by the"
            + " bench every 25 ms); stage.after_landing: from there to the API showing it",
        "kept_up: all probes seen, no load errors, >= 95% of the rate sent, and the probes'"
            + " median latency grew by <= "
            + Math.round(StreamBenchPlan.GROWTH_LIMIT_MS)
            + " ms from the first to the last third of the run");
  }
}
