package io.opencdp.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.opencdp.api.ApiKeys;
import io.opencdp.api.ApiServer;
import io.opencdp.api.SavedSegments;
import io.opencdp.api.es.local.LocalEsNode.EsNodeStatus;
import io.opencdp.api.store.EsConnection;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.ingest.spark.IngestReport;
import io.opencdp.jobs.index.IndexMode;
import io.opencdp.jobs.index.IndexReport;
import io.opencdp.jobs.stream.LiveStream;
import io.opencdp.resolve.eval.ResolutionEvaluation;
import io.opencdp.resolve.spark.ResolveReport;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.json.Json;
import io.opencdp.schemas.normalize.PhoneNormalizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * Runs every part of the pipeline that exists, end to end, on the committed sample with the
 * embedded defaults. Each later stage (ingest, resolve, index, API) extends this command.
 */
@Command(
    name = "quickstart",
    mixinStandardHelpOptions = true,
    description = {
      "Run the pipeline end to end on sample-data/ with embedded defaults: ingest, resolve, golden",
      "profiles, evaluation against the ground truth, the local Elasticsearch node, the index, and then",
      "the profile API serving the sample, then the collector and the stream (cdp stream), with",
      "ready-to-paste curl commands (one sends an event that shows on its profile a moment later),",
      "until Ctrl-C."
    })
final class QuickstartCommand implements Callable<Integer> {
  @ParentCommand CdpCli root;

  @Option(
      names = "--sample",
      paramLabel = "DIR",
      description = "Sample data directory (default: sample-data/ of this checkout).")
  Path sample;

  @Option(
      names = "--no-serve",
      description =
          "Stop after the segments step instead of serving the API and starting the stream (for"
              + " scripts).")
  boolean noServe;

  /** The public demo agent key of the default api.keys (docs/api.md). */
  static final String DEMO_AGENT_KEY = "cdp_demo_agent_key";

  @Override
  public Integer call() throws Exception {
    CdpConfig config = root.config();
    Path sampleDir = sample != null ? sample : RepoPaths.sampleData();
    step(1, "sample data at " + sampleDir);
    printManifest(sampleDir);

    step(2, "Elasticsearch (the profile store; resolve also reads the API's override queue there)");
    String esUrl;
    if (config.elasticsearch().externalUrl().isPresent()) {
      esUrl = config.elasticsearch().url();
      System.out.println("  using the cluster at " + esUrl);
    } else {
      EsNodeStatus status = EsCommand.node(config, null).start();
      esUrl = status.url();
      System.out.println(
          "  local node " + esUrl + " (pid " + status.pid() + "), health " + status.health());
      System.out.println("  stop it with: ./cdp es stop");
    }

    step(3, "ingest the sample into Delta (new files only; a re-run adds nothing)");
    CdpConfig sampleConfig =
        config.withIngest(config.ingest().withLandingRoot(sampleDir.toAbsolutePath().toString()));
    IngestReport ingest;
    try {
      ingest = IngestCommand.run(sampleConfig, Optional.empty());
    } catch (CdpException e) {
      if (e.code() == ErrorCode.INPUT_CHANGED) {
        // an updated checkout brings a regenerated sample; the work directory still holds the old
        // one
        throw new CdpException(
            ErrorCode.INPUT_CHANGED,
            e.getMessage()
                + " If this checkout's sample-data/ was updated since the last quickstart, start"
                + " the quickstart over on a fresh work directory: `rm -rf "
                + config.workDir().resolve("delta")
                + "` (or pass --config with another work_dir).");
      }
      throw e;
    }
    System.out.print(ingest.table().indent(2));

    step(4, "resolve identities, build golden profiles, evaluate against the ground truth");
    ResolveReport resolved = ResolveCommand.run(sampleConfig);
    System.out.printf(
        "  %,d events resolved into %,d profiles%n", resolved.events(), resolved.profiles());
    ResolutionEvaluation evaluation =
        EvaluateCommand.run(sampleConfig, sampleDir.resolve("truth").resolve("records.csv"));
    System.out.print(EvaluateCommand.describe(evaluation).indent(2));

    step(5, "index golden profiles, identity graphs and events into Elasticsearch");
    IndexReport indexed = IndexCommand.run(sampleConfig, IndexMode.INCREMENTAL);
    System.out.println("  " + IndexCommand.summary(indexed));

    step(6, "segments: two examples saved, refreshed into segment_membership, one exported");
    List<SavedSegments.Saved> examples = QuickstartSegments.ensureAndRefresh(sampleConfig, esUrl);

    if (noServe) {
      System.out.println();
      System.out.println(
          "quickstart done: sample ingested, resolved, indexed. Serve it with: ./cdp serve"
              + " (work directory "
              + config.workDir().toAbsolutePath().normalize()
              + ")");
      return 0;
    }
    step(7, "serve the profile API");
    ApiServer server = startApi(config, esUrl);
    DemoProfile demo;
    try (EsConnection es = EsConnection.open(esUrl, config.api().esTimeoutMillis())) {
      demo = DemoProfile.pick(es, new StoreIndices(config.workspace()));
    }
    System.out.println("  profile API listening on " + server.url());

    step(8, "the collector and the stream: a new event on its profile within seconds");
    LiveStream live;
    try {
      live = QuickstartStream.start(sampleConfig, esUrl);
    } catch (RuntimeException | InterruptedException e) {
      server.stop();
      throw e;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(live::close, "stop-stream"));
    System.out.println();
    System.out.print(curlLines(config, server.url(), demo));
    System.out.print(QuickstartSegments.curlLines(config, server.url(), examples));
    System.out.print(
        QuickstartStream.curlLines(config, live.collectorUrl(), server.url(), auth(config), demo));
    System.out.println();
    System.out.println(
        "quickstart done: the sample is ingested, resolved, indexed and served, and the stream"
            + " puts new events on their profiles (routes and keys: docs/api.md; the stream:"
            + " docs/streaming.md). Work directory: "
            + config.workDir().toAbsolutePath().normalize()
            + ". Ctrl-C stops the API, the collector and the stream.");
    ServeCommand.serveUntilInterrupted(server);
    return 0;
  }

  /**
   * The API on api.port, or on a free port when that one is taken (the quickstart must not fail).
   */
  private static ApiServer startApi(CdpConfig config, String esUrl) {
    try {
      return ApiServer.create(config, config.api(), esUrl).start();
    } catch (CdpException e) {
      if (e.code() != ErrorCode.PORT_IN_USE) {
        throw e;
      }
      System.out.println("  port " + config.api().port() + " is taken; serving on a free port");
      return ApiServer.create(config, config.api().withPort(0), esUrl).start();
    }
  }

  /** Three ready-to-paste requests: lookup by phone (as a person types it), timeline, identity. */
  static String curlLines(CdpConfig config, String url, DemoProfile demo) {
    String auth = auth(config);
    String typed = new PhoneNormalizer(config.api().defaultPhoneRegion()).typedForm(demo.phone());
    String profile = url + "/v1/profiles/" + demo.profileId();
    return String.join(
        System.lineSeparator(),
        "  # the profile(s) holding a phone number, typed as a caller says it",
        "  curl -sG " + auth + " --data-urlencode 'phone=" + typed + "' " + url + "/v1/profiles",
        "  # that customer's timeline, newest first",
        "  curl -s " + auth + " '" + profile + "/events?limit=5'",
        "  # why these identifiers are one profile: links, the events behind them, dropped links",
        "  curl -s " + auth + " " + profile + "/identity",
        "");
  }

  /** The curl option with the demo agent key, or a placeholder when the config removed it. */
  static String auth(CdpConfig config) {
    boolean demoKey =
        config.api().keys().stream()
            .anyMatch(k -> k.sha256().equals(ApiKeys.sha256Hex(DEMO_AGENT_KEY)));
    return "-H 'Authorization: Bearer " + (demoKey ? DEMO_AGENT_KEY : "<agent key>") + "'";
  }

  private static void step(int number, String what) {
    System.out.println("[" + number + "] " + what);
  }

  private static void printManifest(Path sampleDir) throws Exception {
    Path manifest = sampleDir.resolve("manifest.json");
    if (!Files.isRegularFile(manifest)) {
      throw new CdpException(
          ErrorCode.INPUT_NOT_FOUND,
          manifest
              + " is missing; regenerate the sample with: ./cdp generate --persons 2000 --seed 42 --out sample-data");
    }
    JsonNode root = Json.mapper().readTree(manifest.toFile());
    System.out.println(
        "  persons "
            + root.path("persons").asText("?")
            + ", seed "
            + root.path("seed").asText("?"));
    JsonNode files = root.path("files");
    long total = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> file = it.next();
      long records = file.getValue().path("records").asLong();
      total += records;
      System.out.printf("  %-40s %,8d records%n", file.getKey(), records);
    }
    System.out.printf("  %-40s %,8d records%n", "total", total);
  }
}
