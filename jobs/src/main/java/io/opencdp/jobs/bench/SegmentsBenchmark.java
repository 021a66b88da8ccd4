package io.opencdp.jobs.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opencdp.api.SavedSegments;
import io.opencdp.api.segment.SegmentQueries;
import io.opencdp.api.store.BulkWriter;
import io.opencdp.api.store.EsConnection;
import io.opencdp.api.store.IndexAdmin;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.json.Json;
import io.opencdp.schemas.segment.ProfileFields;
import io.opencdp.schemas.segment.SegmentContext;
import io.opencdp.schemas.segment.SegmentDefinitions;
import io.opencdp.schemas.segment.SegmentLookup;
import io.opencdp.schemas.segment.SegmentWindows;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Segment counts and member exports over the profile store ({@code cdp bench segments}; scale in
 * profiles). Seeded synthetic profile documents ({@link SegmentBenchProfiles}) are bulk-loaded with
 * the project's {@link BulkWriter} into a fresh profiles index created by {@link IndexAdmin} (the
 * real mapping and settings) behind the workspace's alias; then, for each segment of {@link
 * SegmentBenchCases} (parsed, compiled with {@link SegmentQueries} at a fixed clock), sequential
 * counts through {@link SavedSegments#count} after a warm-up (latency in an HdrHistogram), and the
 * walk over all members of one segment with {@link SavedSegments#forEachMember} (the path {@code
 * cdp export} takes). Baseline in the same run: every profile read back in a point in time and the
 * same segments evaluated in Java ({@link SegmentBenchCases}), which is also the check of the
 * counts.
 */
final class SegmentsBenchmark implements Benchmark {
  private static final Logger LOG = LoggerFactory.getLogger(SegmentsBenchmark.class);

  /** The bench's clock: every window is computed at this instant. */
  static final Instant NOW = Instant.parse("2026-10-20T10:00:00Z");

  static final int DEFAULT_REQUESTS = 200;
  static final int WARM_UP = 20;
  static final double TARGET_TRAIT_P95_MS = 100;

  /** The segment whose members are exported. */
  static final SegmentBenchCases.Case EXPORTED = SegmentBenchCases.TRAIT_ONLY;

  /** A segment's members and its count latency p50. */
  private record Counted(long members, double p50Ms) {}

  private final String esUrl;
  private final int requests;

  SegmentsBenchmark() {
    this(null, DEFAULT_REQUESTS);
  }

  /**
   * @param esUrl the cluster to use; null for a bench node of its own (or {@code
   *     elasticsearch.url})
   * @param requests timed count requests per segment
   */
  SegmentsBenchmark(String esUrl, int requests) {
    this.esUrl = esUrl;
    this.requests = requests;
  }

  @Override
  public String name() {
    return "segments";
  }

  @Override
  public Result run(CdpConfig config, long scale, long seed, Path scratch) throws Exception {
    if (esUrl != null) {
      return measure(
          config, esUrl, OptionalLong.empty(), "the Elasticsearch at " + esUrl, scale, seed);
    }
    try (BenchElasticsearch es = BenchElasticsearch.start(config)) {
      return measure(config, es.url(), es.pid(), es.describe(config), scale, seed);
    }
  }

  private Result measure(
      CdpConfig config, String url, OptionalLong esPid, String cluster, long profiles, long seed)
      throws Exception {
    List<Figure> figures = new ArrayList<>();
    StoreIndices names = new StoreIndices(SegmentBenchProfiles.WORKSPACE);
    try (EsConnection connection = EsConnection.open(url, 120_000)) {
      ElasticsearchClient client = connection.client();
      IndexAdmin admin = new IndexAdmin(client, names);
      admin.delete(admin.indicesOf(names.profilesAlias()));
      admin.delete(admin.indicesOf(names.identityAlias()));
      Instant build = Instant.now();
      String profilesIndex = names.profilesIndex(build);
      String identityIndex = names.identityIndex(build);
      admin.createProfilesIndexForLoad(profilesIndex);
      admin.createIdentityIndexForLoad(identityIndex);
      try {
        load(config, client, admin, profilesIndex, identityIndex, profiles, seed, figures);
        EsStats.disableRequestCache(url, profilesIndex);
        figures.add(
            new Figure("index.segments", EsStats.segmentCount(url, profilesIndex), "segments"));
        figures.add(new Figure("index.size", EsStats.storeMib(url, profilesIndex), "MiB"));

        ProfileFields fields = ProfileFields.of(config);
        SegmentWindows windows =
            SegmentWindows.of(config.segments(), Clock.fixed(NOW, ZoneOffset.UTC));
        SavedSegments saved = SavedSegments.of(client, names, fields);
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, Double> p50s = new LinkedHashMap<>();
        Query exported = null;
        for (SegmentBenchCases.Case c : SegmentBenchCases.ALL) {
          Query query =
              SegmentQueries.compile(
                  SegmentDefinitions.parse(
                          c.definitionJson(),
                          SegmentContext.newSegment(fields, SegmentLookup.none()))
                      .condition(),
                  windows,
                  SegmentLookup.none());
          if (c == EXPORTED) {
            exported = query;
          }
          Counted counted = timeCounts(saved, c, query, figures);
          counts.put(c.name(), counted.members());
          p50s.put(c.name(), counted.p50Ms());
        }

        AtomicLong exportedIds = new AtomicLong();
        long exportStart = System.nanoTime();
        saved.forEachMember(
            exported, doc -> exportedIds.addAndGet(doc.path("profile_id").isTextual() ? 1 : 0));
        double exportSeconds = seconds(exportStart);
        if (exportedIds.get() != counts.get(EXPORTED.name())) {
          throw new IllegalStateException(
              "export walked "
                  + exportedIds.get()
                  + " members of "
                  + EXPORTED.name()
                  + ", the count is "
                  + counts.get(EXPORTED.name()));
        }
        figures.add(new Figure("export.members", exportedIds.get(), "profiles"));
        figures.add(new Figure("export.wall_time", exportSeconds, "s"));
        figures.add(new Figure("export.ids_per_s", exportedIds.get() / exportSeconds, "ids/s"));

        FullScanBaseline.Result scan = FullScanBaseline.run(client, names.profilesAlias(), windows);
        figures.add(new Figure("baseline.scan.profiles", scan.profiles(), "profiles"));
        figures.add(new Figure("baseline.scan.wall_time", scan.seconds(), "s"));
        for (SegmentBenchCases.Case c : SegmentBenchCases.ALL) {
          long java = scan.members().get(c.name());
          if (java != counts.get(c.name())) {
            throw new IllegalStateException(
                c.name()
                    + ": Elasticsearch counts "
                    + counts.get(c.name())
                    + " members, the Java evaluation of every profile "
                    + java);
          }
          figures.add(new Figure("baseline.scan." + c.name() + ".members", java, "profiles"));
          figures.add(
              new Figure(
                  "ratio.count_p50." + c.name() + "_scan_to_es",
                  scan.seconds() * 1000 / p50s.get(c.name()),
                  "x"));
        }
        figures.add(new Figure("memory.peak_rss", MachineInfo.peakRssMib(), "MiB"));
        if (esPid.isPresent()) {
          figures.add(
              new Figure("memory.es_peak_rss", MachineInfo.peakRssMib(esPid.getAsLong()), "MiB"));
        }
        return new Result(figures, notes(config, cluster, figures));
      } finally {
        admin.delete(List.of(profilesIndex, identityIndex));
      }
    }
  }

  /**
   * Counts {@code query} {@value #WARM_UP} times untimed, then {@link #requests} times timed; adds
   * the members and the latency figures of {@code c}.
   */
  private Counted timeCounts(
      SavedSegments saved, SegmentBenchCases.Case c, Query query, List<Figure> figures) {
    long count = saved.count(query);
    for (int i = 0; i < WARM_UP; i++) {
      saved.count(query);
    }
    Histogram micros = new Histogram(3);
    for (int i = 0; i < requests; i++) {
      long start = System.nanoTime();
      long again = saved.count(query);
      micros.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
      if (again != count) {
        throw new IllegalStateException(
            c.name() + ": count changed from " + count + " to " + again);
      }
    }
    double p50 = micros.getValueAtPercentile(50) / 1000.0;
    String prefix = "count." + c.name() + ".";
    figures.add(new Figure(prefix + "members", count, "profiles"));
    figures.add(new Figure(prefix + "p50", p50, "ms"));
    figures.add(new Figure(prefix + "p95", micros.getValueAtPercentile(95) / 1000.0, "ms"));
    figures.add(new Figure(prefix + "p99", micros.getValueAtPercentile(99) / 1000.0, "ms"));
    figures.add(new Figure(prefix + "max", micros.getMaxValue() / 1000.0, "ms"));
    figures.add(new Figure(prefix + "mean", micros.getMean() / 1000.0, "ms"));
    LOG.info("segment {}: {} members, count p50 {} ms", c.name(), count, p50);
    return new Counted(count, p50);
  }

  private static void load(
      CdpConfig config,
      ElasticsearchClient client,
      IndexAdmin admin,
      String profilesIndex,
      String identityIndex,
      long profiles,
      long seed,
      List<Figure> figures)
      throws Exception {
    ObjectMapper mapper = Json.mapper();
    long bytes = 0;
    long activity = 0;
    long start = System.nanoTime();
    BulkWriter.Result written;
    try (BulkWriter writer = new BulkWriter(client, config.index())) {
      for (long i = 0; i < profiles; i++) {
        var doc = SegmentBenchProfiles.profile(seed, i, NOW);
        activity += doc.path("activity").size();
        byte[] source = mapper.writeValueAsBytes(doc);
        bytes += source.length;
        writer.index(profilesIndex, doc.path("profile_id").asText(), source);
      }
      writer.close();
      written = writer.result();
    }
    double loadSeconds = seconds(start);
    long refreshStart = System.nanoTime();
    admin.finishLoad(profilesIndex, 0);
    admin.finishLoad(identityIndex, 0);
    double refreshSeconds = seconds(refreshStart);
    admin.swapAliases(profilesIndex, identityIndex);
    long indexed = admin.count(profilesIndex);
    if (indexed != profiles || written.indexed() != profiles) {
      throw new IllegalStateException(
          "loaded "
              + written.indexed()
              + " profile documents, the index counts "
              + indexed
              + ", expected "
              + profiles);
    }
    figures.add(new Figure("profiles", profiles, "profiles"));
    figures.add(new Figure("activity_entries", activity, "entries"));
    figures.add(new Figure("load.mib", bytes / 1048576.0, "MiB"));
    figures.add(new Figure("load.wall_time", loadSeconds, "s"));
    figures.add(new Figure("load.docs_per_s", profiles / loadSeconds, "docs/s"));
    figures.add(new Figure("load.refresh_wall_time", refreshSeconds, "s"));
  }

  private List<String> notes(CdpConfig config, String cluster, List<Figure> figures) {
    double p95 =
        figures.stream()
            .filter(f -> f.name().equals("count." + SegmentBenchCases.TRAIT_ONLY.name() + ".p95"))
            .findFirst()
            .orElseThrow()
            .value();
    List<String> notes = new ArrayList<>();
    notes.add("cluster: " + cluster + "; one JVM sends every request, one at a time");
    notes.add(
        "data: seeded synthetic profile documents in the indexer's shape (5-15 activity entries"
            + " each, over the 180 days before "
            + NOW
            + "), bulk-loaded with BulkWriter (index.bulk_actions "
            + config.index().bulkActions()
            + ", concurrent_requests "
            + config.index().concurrentRequests()
            + ") into an index made by IndexAdmin.createProfilesIndexForLoad, finished like the"
            + " indexer's (refresh, alias swap), not force-merged");
    notes.add(
        "counts: SavedSegments.count (the API's _count) of each segment compiled at the fixed clock,"
            + " "
            + WARM_UP
            + " warm-up requests then "
            + requests
            + " timed ones, sequential; the shard request cache is disabled on the bench index so"
            + " every count is evaluated (the node query cache stays on)");
    notes.add(
        "target: trait_only count p95 <= "
            + (long) TARGET_TRAIT_P95_MS
            + " ms at 1M profiles; this run: "
            + p95
            + " ms"
            + (p95 <= TARGET_TRAIT_P95_MS ? " (met at this scale)" : " (NOT met at this scale)"));
    notes.add(
        "export: SavedSegments.forEachMember over the members of "
            + EXPORTED.name()
            + " (point in time, search_after on profile_id, pages of 2000, activity left out)");
    notes.add(
        "baseline: one point-in-time scan of every profile document (country, traits, consent,"
            + " activity) evaluating every segment in Java, what a store without an index does per"
            + " count; its counts equal Elasticsearch's (checked); ratio = scan time / count p50");
    return notes;
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
