package io.opencdp.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.opencdp.api.es.local.LocalEsNode.EsNodeStatus;
import io.opencdp.ingest.spark.IngestReport;
import io.opencdp.resolve.eval.ResolutionEvaluation;
import io.opencdp.resolve.spark.ResolveReport;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
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
    description = "Run the pipeline end to end on sample-data/ with embedded defaults.")
final class QuickstartCommand implements Callable<Integer> {
  @ParentCommand CdpCli root;

  @Option(
      names = "--sample",
      paramLabel = "DIR",
      description = "Sample data directory (default: sample-data/ of this checkout).")
  Path sample;

  @Override
  public Integer call() throws Exception {
    CdpConfig config = root.config();
    Path sampleDir = sample != null ? sample : RepoPaths.sampleData();
    step(1, "sample data at " + sampleDir);
    printManifest(sampleDir);

    step(2, "ingest the sample into Delta (new files only; a re-run adds nothing)");
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

    step(3, "resolve identities, build golden profiles, evaluate against the ground truth");
    ResolveReport resolved = ResolveCommand.run(sampleConfig);
    System.out.printf(
        "  %,d events resolved into %,d profiles%n", resolved.events(), resolved.profiles());
    ResolutionEvaluation evaluation =
        EvaluateCommand.run(sampleConfig, sampleDir.resolve("truth").resolve("records.csv"));
    System.out.print(EvaluateCommand.describe(evaluation).indent(2));

    step(4, "Elasticsearch");
    if (config.elasticsearch().externalUrl().isPresent()) {
      System.out.println("  using the cluster at " + config.elasticsearch().url());
    } else {
      EsNodeStatus status = EsCommand.node(config, null).start();
      System.out.println(
          "  local node "
              + status.url()
              + " (pid "
              + status.pid()
              + "), health "
              + status.health());
      System.out.println("  stop it with: ./cdp es stop");
    }
    System.out.println();
    System.out.println(
        "quickstart done: sample ingested, resolved into golden profiles, Elasticsearch up."
            + " Work directory: "
            + config.workDir().toAbsolutePath().normalize());
    System.out.println(
        "next: ./cdp serve starts the profile API (demo keys in docs/api.md; its profile routes"
            + " come with the index job)");
    return 0;
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
