package io.opencdp.jobs.cli;

import io.opencdp.resolve.eval.FebrlEvaluation;
import io.opencdp.resolve.eval.FebrlResult;
import io.opencdp.resolve.match.MatchSettings;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "febrl",
    mixinStandardHelpOptions = true,
    description = {
      "Probabilistic matching on data nobody here wrote: deduplicates Febrl dataset1 and dataset2 and",
      "links dataset4a to dataset4b with the configured resolve.match settings (one frozen setting,",
      "trained without labels, soc_sec_id never read), then prints precision, recall, F1, candidate",
      "pairs and time for each beside the recordlinkage ECM baseline. Models and figures are written",
      "under <work_dir>/febrl/."
    })
final class FebrlCommand implements Callable<Integer> {
  /** The Python recordlinkage ECM baseline the maintainers measured (issue 7): F1 per task. */
  private static final Map<String, String> BASELINE =
      Map.of(
          "dataset1", "F1 0.9940",
          "dataset2", "P 0.9984 R 0.9685 F1 0.9832, 2.4 s",
          "dataset4a-4b", "P 0.9998 R 0.9838 F1 0.9917, 185k pairs, 4.6 s");

  @ParentCommand EvaluateCommand parent;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description =
          "Directory of the Febrl CSV files (default ../shared/datasets/febrl beside the checkout).")
  Path dir;

  @Override
  public Integer call() throws Exception {
    CdpConfig config = parent.root.config();
    Path data =
        dir != null ? dir : RepoPaths.home().resolve("../shared/datasets/febrl").normalize();
    if (!Files.isRegularFile(data.resolve("dataset1.csv"))) {
      throw new CdpException(
          ErrorCode.INPUT_NOT_FOUND,
          "no Febrl files (dataset1.csv, dataset2.csv, dataset4a.csv, dataset4b.csv) in "
              + data
              + "; pass --dir DIR");
    }
    Path out = config.workDir().resolve("febrl");
    FebrlEvaluation evaluation =
        new FebrlEvaluation(MatchSettings.from(config.resolve().match()), out);
    List<FebrlResult> results = evaluation.runAll(data);
    Path file = out.resolve("febrl-evaluation.json");
    Json.mapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), results);
    System.out.print(describe(results));
    System.out.println("models and figures written to " + out.toAbsolutePath().normalize());
    return 0;
  }

  static String describe(List<FebrlResult> results) {
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "%-13s %9s %11s %10s %9s %9s %9s %9s %7s%n",
            "task",
            "records",
            "candidates",
            "blocking R",
            "precision",
            "recall",
            "F1",
            "linked",
            "seconds"));
    for (FebrlResult r : results) {
      s.append(
          String.format(
              Locale.ROOT,
              "%-13s %,9d %,11d %10.4f %9.4f %9.4f %9.4f %,9d %7.2f%n",
              r.task(),
              r.records(),
              r.candidatePairs(),
              r.blockingRecall(),
              r.precision(),
              r.recall(),
              r.f1(),
              r.linked(),
              r.seconds()));
    }
    s.append("recordlinkage ECM baseline (issue 7): ");
    for (FebrlResult r : results) {
      s.append(r.task()).append(": ").append(BASELINE.getOrDefault(r.task(), "-")).append("; ");
    }
    s.setLength(s.length() - 2);
    return s.append('\n').toString();
  }
}
