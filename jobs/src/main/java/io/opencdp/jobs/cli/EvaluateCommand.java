package io.opencdp.jobs.cli;

import io.opencdp.ingest.spark.SparkSessions;
import io.opencdp.resolve.eval.EvaluationResult;
import io.opencdp.resolve.eval.ProfileComposition;
import io.opencdp.resolve.eval.ResolutionEvaluation;
import io.opencdp.resolve.spark.ResolveEvaluation;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    subcommands = FebrlCommand.class,
    description = {
      "Compare profile membership with ground truth (the generator's truth/records.csv): pairwise precision,",
      "recall and F1, split and over-merged persons, the largest profiles; recall over the true pairs linked",
      "by usable (personal, non-junk) identifiers and precision over the records that carry one; precision",
      "and recall over the identifiable records (a usable identifier or a name) and the recall ceiling. Also",
      "written as JSON. `cdp evaluate febrl` measures probabilistic matching on the Febrl data sets."
    })
final class EvaluateCommand implements Callable<Integer> {
  @ParentCommand CdpCli root;

  @Option(
      names = "--truth",
      paramLabel = "FILE",
      description = "truth/records.csv of a generated data set.")
  Path truth;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "JSON results (default <work_dir>/evaluation.json).")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (truth == null) {
      throw new CdpException(
          ErrorCode.BAD_ARGUMENT,
          "give --truth FILE (truth/records.csv of a generated data set), or run `cdp evaluate"
              + " febrl`");
    }
    CdpConfig config = root.config();
    ResolutionEvaluation result = run(config, truth);
    Path file = out != null ? out : config.workDir().resolve("evaluation.json");
    Files.createDirectories(file.toAbsolutePath().getParent());
    Json.mapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), result);
    System.out.print(describe(result));
    System.out.println("written to " + file.toAbsolutePath().normalize());
    return 0;
  }

  static ResolutionEvaluation run(CdpConfig config, Path truth) {
    if (!Files.isRegularFile(truth)) {
      throw new CdpException(ErrorCode.INPUT_NOT_FOUND, "truth file " + truth + " does not exist");
    }
    SparkSession spark = SparkSessions.create("cdp-evaluate", config.spark(), config.workDir());
    try {
      return ResolveEvaluation.evaluate(spark, config, truth);
    } finally {
      spark.stop();
    }
  }

  static String describe(ResolutionEvaluation evaluation) {
    EvaluationResult r = evaluation.overall();
    EvaluationResult a = evaluation.attributable();
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "records evaluated   %,d (true persons %,d, profiles %,d)%n",
            r.records(),
            r.truePersons(),
            r.predictedProfiles()));
    s.append(
        String.format(
            Locale.ROOT,
            "pairwise precision  %.5f   recall %.5f   F1 %.5f   (all records)%n",
            r.precision(),
            r.recall(),
            r.f1()));
    s.append(
        String.format(
            Locale.ROOT,
            "attributable        %,d records carry a usable identifier (%,d such identifiers):%n",
            evaluation.attributableRecords(),
            evaluation.usableIdentifiers()));
    s.append(
        String.format(
            Locale.ROOT,
            "  precision %.5f  recall %.5f  F1 %.5f%n",
            a.precision(),
            a.recall(),
            a.f1()));
    EvaluationResult i = evaluation.identifiable();
    s.append(
        String.format(
            Locale.ROOT,
            "identifiable        %,d records carry a usable identifier or a name (given and"
                + " family):%n",
            evaluation.identifiableRecords()));
    s.append(
        String.format(
            Locale.ROOT,
            "  precision %.5f  recall %.5f  F1 %.5f%n",
            i.precision(),
            i.recall(),
            i.f1()));
    s.append(
        String.format(
            Locale.ROOT,
            "joinable-pair recall %.5f  (%,d of %,d pairs a perfect resolver joins: one usable"
                + " group, or both named; one profile per customer id)%n",
            i.subsetRecall(),
            i.subsetTruePositivePairs(),
            i.subsetTruePairs()));
    EvaluationResult u = evaluation.identifiableIgnoringLimits();
    s.append(
        String.format(
            Locale.ROOT,
            "  ignoring limits   %.5f  (%,d of %,d, as if a profile could hold several customer"
                + " ids)%n",
            u.subsetRecall(),
            u.subsetTruePositivePairs(),
            u.subsetTruePairs()));
    s.append(
        String.format(
            Locale.ROOT,
            "recall ceiling      %.5f over identifiable records, %.5f over all records%n",
            evaluation.identifiableRecallCeiling(),
            evaluation.overallRecallCeiling()));
    s.append(
        String.format(
            Locale.ROOT,
            "usable-pair recall  %.5f   (%,d of %,d true pairs linked by usable identifiers)%n",
            r.subsetRecall(),
            r.subsetTruePositivePairs(),
            r.subsetTruePairs()));
    s.append(
        String.format(
            Locale.ROOT,
            "split persons       %,d; over-merged profiles %,d; exact persons %.1f%%%n",
            r.splitPersons(),
            r.overMergedProfiles(),
            100 * r.exactShare()));
    s.append("largest profiles:\n");
    for (ProfileComposition p : r.largestProfiles().stream().limit(5).toList()) {
      s.append(
          String.format(
              Locale.ROOT,
              "  %-24s %,6d records from %d true person(s)%n",
              p.profileId(),
              p.records(),
              p.truePersons()));
    }
    return s.toString();
  }
}
