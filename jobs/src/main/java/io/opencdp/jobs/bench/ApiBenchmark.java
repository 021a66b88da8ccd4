package io.opencdp.jobs.bench;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import io.opencdp.api.ApiKeys;
import io.opencdp.api.ApiServer;
import io.opencdp.api.IdentifierSearch;
import io.opencdp.jobs.bench.load.LoadFigures;
import io.opencdp.jobs.bench.load.LoadResult;
import io.opencdp.jobs.bench.load.LoadRun;
import io.opencdp.jobs.bench.load.LoadSpec;
import io.opencdp.jobs.bench.load.RateSweep;
import io.opencdp.jobs.bench.load.RequestLine;
import io.opencdp.schemas.config.ApiConfig;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.event.IdentifierType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Profile lookups through the API under open-loop, fixed-rate load ({@link LoadRun}: its own JVM,
 * latencies from the intended send time), by id and by phone, at 500, 1,000 and 2,000 req/s and up
 * a ladder until p99 breaks 5 ms; before those, each target's throughput ceiling on the same
 * connections (which also warms everything up). Baselines in the same run, against the same
 * Elasticsearch and documents: {@code GET /<alias>/_doc/{id}} for the id lookup, and for the phone
 * lookup the very search the API sends ({@link IdentifierSearch}). The store is filled by the real
 * pipeline ({@link PipelineProfiles}). The API runs in this JVM, on loopback, with the demo admin
 * key.
 */
final class ApiBenchmark implements Benchmark {
  static final String DEMO_ADMIN_KEY = "cdp_demo_admin_key";

  /** Every looked-up id and phone belongs to an indexed profile: the API answers 200. */
  static final Set<Integer> API_ID_OK = Set.of(200);

  static final Set<Integer> API_PHONE_OK = Set.of(200);

  /** Every looked-up document exists, so Elasticsearch's get and search both answer 200. */
  static final Set<Integer> ES_OK = Set.of(200);

  private static final JacksonJsonpMapper JSONP = new JacksonJsonpMapper();

  private final BenchProfiles profiles;

  ApiBenchmark() {
    this(new PipelineProfiles());
  }

  ApiBenchmark(BenchProfiles profiles) {
    this.profiles = profiles;
  }

  @Override
  public String name() {
    return "api";
  }

  @Override
  public Result run(CdpConfig config, long scale, long seed, Path scratch) throws Exception {
    ApiBenchPlan plan = ApiBenchPlan.forScale(scale);
    try (BenchElasticsearch es = BenchElasticsearch.start(config)) {
      BenchProfiles.Loaded store = profiles.load(config, es.url(), scale, seed, scratch);
      ApiConfig apiConfig = apiConfig(config, store.workspace());
      ApiServer api = ApiServer.create(apiConfig, store.workspace(), es.url()).start();
      try {
        List<Figure> figures = new ArrayList<>(store.setup());
        figures.add(new Figure("profiles", store.documents(), "profiles"));
        measure(
            plan,
            store,
            es.url(),
            api.url(),
            apiConfig.maxPageSize(),
            seed,
            scratch.resolve("load"),
            figures);
        figures.add(new Figure("peak_rss", MachineInfo.peakRssMib(), "MiB"));
        return new Result(figures, notes(config, es, plan));
      } finally {
        api.stop();
      }
    }
  }

  private void measure(
      ApiBenchPlan plan,
      BenchProfiles.Loaded store,
      String esUrl,
      String apiUrl,
      int maxPageSize,
      long seed,
      Path dir,
      List<Figure> figures)
      throws Exception {
    LoadRun load = new LoadRun(dir);
    Map<String, String> auth = Map.of("Authorization", "Bearer " + DEMO_ADMIN_KEY);
    String alias = store.alias();
    Map<String, LoadSpec> targets = new LinkedHashMap<>();
    targets.put(
        "es.get",
        spec(plan, "es.get", esUrl, load, seed, store.profileIds(), id -> esGet(alias, id), ES_OK));
    targets.put(
        "api.id",
        spec(
            plan,
            "api.id",
            apiUrl,
            load,
            seed,
            store.profileIds(),
            id -> apiById(id, auth),
            API_ID_OK));
    targets.put(
        "es.phone",
        spec(
            plan,
            "es.phone",
            esUrl,
            load,
            seed,
            store.phones(),
            p -> esPhone(alias, p, maxPageSize),
            ES_OK));
    targets.put(
        "api.phone",
        spec(
            plan,
            "api.phone",
            apiUrl,
            load,
            seed,
            store.phones(),
            p -> apiByPhone(p, auth),
            API_PHONE_OK));

    // the ceilings first: they also warm up the JIT of Elasticsearch, the API and their caches
    Map<String, LoadResult> ceilings = new LinkedHashMap<>();
    for (Map.Entry<String, LoadSpec> target : targets.entrySet()) {
      LoadResult ceiling = load.run(target.getValue().saturating());
      ceilings.put(target.getKey(), ceiling);
      figures.addAll(LoadFigures.saturated(ceiling));
    }
    Map<String, RateSweep.Sweep> sweeps = new LinkedHashMap<>();
    for (Map.Entry<String, LoadSpec> target : targets.entrySet()) {
      RateSweep.Sweep sweep =
          RateSweep.run(
              target.getValue(),
              Stream.concat(plan.fixedRates().stream(), plan.ladder().stream()).toList(),
              plan.fixedRates(),
              ApiBenchPlan.P99_LIMIT_MS,
              load::run);
      sweeps.put(target.getKey(), sweep);
      sweep.results().forEach(r -> figures.addAll(LoadFigures.fixedRate(r)));
      figures.addAll(LoadFigures.breakingPoint(target.getKey(), sweep, ApiBenchPlan.P99_LIMIT_MS));
    }
    for (String what : List.of("id", "phone")) {
      String es = what.equals("id") ? "es.get" : "es.phone";
      for (double rate : plan.fixedRates()) {
        LoadResult apiRun = sweeps.get("api." + what).at(rate).orElseThrow();
        LoadResult esRun = sweeps.get(es).at(rate).orElseThrow();
        figures.addAll(LoadFigures.latencyRatios(what, apiRun, esRun));
      }
      figures.add(LoadFigures.throughputRatio(what, ceilings.get("api." + what), ceilings.get(es)));
    }
  }

  private static LoadSpec spec(
      ApiBenchPlan plan,
      String label,
      String baseUrl,
      LoadRun load,
      long seed,
      List<String> keys,
      java.util.function.Function<String, RequestLine> request,
      Set<Integer> expected)
      throws java.io.IOException {
    Path file = load.writeRequests(label, keys.stream().map(request).toList());
    LoadSpec spec =
        LoadSpec.open(
            label,
            baseUrl,
            file,
            plan.fixedRates().get(0),
            plan.warmupSeconds(),
            plan.durationSeconds(),
            plan.connections(),
            seed);
    return spec.withExpectedStatuses(expected);
  }

  static RequestLine esGet(String alias, String id) {
    return RequestLine.get("/" + alias + "/_doc/" + encode(id), Map.of());
  }

  /**
   * The search the API sends Elasticsearch for {@code GET /v1/profiles?phone=} ({@link
   * IdentifierSearch}): the same method, path, query parameters and body, rendered by the client's
   * own endpoint description and JSON mapper.
   */
  static RequestLine esPhone(String alias, String phone, int maxPageSize) {
    SearchRequest search =
        IdentifierSearch.request(alias, IdentifierType.PHONE, phone, maxPageSize);
    String query =
        SearchRequest._ENDPOINT.queryParameters(search).entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    String path = SearchRequest._ENDPOINT.requestUrl(search) + (query.isEmpty() ? "" : "?" + query);
    return new RequestLine(
        SearchRequest._ENDPOINT.method(search),
        path,
        Map.of(),
        JsonpUtils.toJsonString(search, JSONP));
  }

  static RequestLine apiById(String id, Map<String, String> auth) {
    return RequestLine.get("/v1/profiles/" + encode(id), auth);
  }

  static RequestLine apiByPhone(String phone, Map<String, String> auth) {
    return RequestLine.get("/v1/profiles?phone=" + encode(phone), auth);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The configured API on loopback and a free port, with the demo admin key for the workspace. */
  static ApiConfig apiConfig(CdpConfig config, String workspace) {
    ApiConfig api = config.api();
    return new ApiConfig(
        "127.0.0.1",
        0,
        List.of(
            new ApiConfig.ApiKey(
                "bench-admin", ApiKeys.sha256Hex(DEMO_ADMIN_KEY), ApiConfig.Role.ADMIN, workspace)),
        api.defaultPhoneRegion(),
        api.maxRequestBytes(),
        api.maxPageSize(),
        api.esTimeoutMillis());
  }

  private List<String> notes(CdpConfig config, BenchElasticsearch es, ApiBenchPlan plan) {
    return List.of(
        "documents: " + profiles.describe(),
        "cluster: " + es.describe(config) + "; the API runs in the benchmark JVM on loopback",
        "load: open loop in a child JVM (-Xmx256m, serial GC), "
            + plan.connections()
            + " keep-alive connections, latency from the intended send time (HdrHistogram);"
            + " warm-up "
            + plan.warmupSeconds()
            + " s + "
            + plan.durationSeconds()
            + " s measured per run"
            + (plan.smoke() ? " (smoke plan: too short for quotable figures)" : ""),
        "<target>.max_rps: every connection sending back to back (closed loop), throughput only",
        "success: api.id "
            + API_ID_OK
            + ", api.phone "
            + API_PHONE_OK
            + ", es.get and es.phone "
            + ES_OK
            + "; setup.* figures time the pipeline that filled the store, not the lookups",
        "baselines: es.get = GET /<alias>/_doc/{id}; es.phone = the search the API sends for a"
            + " phone lookup (IdentifierSearch: term on identifiers.phone, size api.max_page_size"
            + " + 1, sort profile_id asc), same path, parameters and body");
  }
}
