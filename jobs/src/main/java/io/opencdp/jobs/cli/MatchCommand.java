package io.opencdp.jobs.cli;

import io.opencdp.ingest.spark.SparkSessions;
import io.opencdp.jobs.progress.SparkProgress;
import io.opencdp.resolve.match.ComparisonWeights;
import io.opencdp.resolve.match.LevelWeights;
import io.opencdp.resolve.match.MatchModel;
import io.opencdp.resolve.match.MatchModelStore;
import io.opencdp.resolve.match.MatchSettings;
import io.opencdp.resolve.match.RuleStats;
import io.opencdp.resolve.match.TrainingMethod;
import io.opencdp.resolve.match.TrainingSummary;
import io.opencdp.resolve.spark.MatchJob;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "match",
    mixinStandardHelpOptions = true,
    description = {
      "Probabilistic matching outside a resolve run (docs/matching.md).",
      "The match records are built exactly as `cdp resolve` builds them: events that carry a name,"
          + " grouped by the profile candidates the last resolve run's deterministic stitching"
          + " formed. Needs `cdp ingest` and `cdp resolve` first. Neither subcommand changes the"
          + " identity graph."
    })
final class MatchCommand {
  @ParentCommand CdpCli root;

  @Command(
      name = "train",
      mixinStandardHelpOptions = true,
      description = {
        "Train a match model on the workspace's records and print what it learned.",
        "A Fellegi-Sunter model: u from random pairs, m by EM (one session per blocking rule with"
            + " resolve.match.training.method sessions, the default), no labels. It becomes the current model, <work_dir>/match/model.json, which"
            + " the next `cdp resolve` scores with; every model is also kept as"
            + " <work_dir>/match/models/model-<trained_at>.json, so the one it replaces stays there."
      })
  int train(
      @Option(
              names = "--out",
              paramLabel = "FILE",
              description =
                  "Write the model to FILE instead; the workspace's current model is left as it is.")
          Path out) {
    CdpConfig config = root.config();
    if (out != null && Files.isDirectory(out)) {
      throw new CdpException(
          ErrorCode.BAD_ARGUMENT, "--out " + out + " is a directory; give a file name");
    }
    withSpark(config, spark -> train(spark, config, out, Instant.now()));
    return 0;
  }

  @Command(
      name = "score",
      mixinStandardHelpOptions = true,
      description = {
        "Score the candidate pairs; link nothing.",
        "Scores the workspace's candidate pairs with the current model (or --model FILE) and prints"
            + " how many fall in the link band (at or above resolve.match.link_threshold), the review"
            + " band (at or above resolve.match.review_threshold) and below. It writes nothing to the"
            + " tables and does not change the identity graph: linking is `cdp resolve`'s job."
            + " --out writes the pairs to a CSV file with the comparison level of each field."
      })
  int score(
      @Option(
              names = "--model",
              paramLabel = "FILE",
              description = "Model file to score with (default <work_dir>/match/model.json).")
          Path model,
      @Option(
              names = "--out",
              paramLabel = "FILE.csv",
              description =
                  "Write the pairs at or above --min-probability to this CSV file: records, event"
                      + " ids, groups, probability, weight and one level label per field.")
          Path out,
      @Option(
              names = "--min-probability",
              paramLabel = "P",
              description =
                  "Lowest probability written with --out, 0 to 1 (default"
                      + " resolve.match.review_threshold).")
          Double minProbability) {
    CdpConfig config = root.config();
    MatchSettings settings = MatchSettings.from(config.resolve().match());
    double min = minProbability != null ? minProbability : settings.reviewThreshold();
    if (!(min >= 0 && min <= 1)) {
      throw new CdpException(
          ErrorCode.BAD_ARGUMENT, "--min-probability must be between 0 and 1, got " + min);
    }
    if (out != null && Files.isDirectory(out)) {
      throw new CdpException(
          ErrorCode.BAD_ARGUMENT, "--out " + out + " is a directory; give a .csv file name");
    }
    Path file = model != null ? model : new MatchModelStore(config.workDir()).current();
    MatchModel loaded = loadModel(file, model != null);
    withSpark(config, spark -> score(spark, config, loaded, file, out, min));
    return 0;
  }

  /** Trains, saves and prints the summary; {@code out} null saves it as the current model. */
  static Void train(SparkSession spark, CdpConfig config, Path out, Instant now) {
    long t0 = System.nanoTime();
    MatchJob.Trained trained = new MatchJob(spark, config).train(now);
    System.out.print(
        describe(
            trained,
            TrainingMethod.fromWireName(config.resolve().match().training().method()),
            config.resolve().match().enabled()));
    if (out != null) {
      trained.model().save(out);
      System.out.printf(
          "model written to %s; the workspace's current model is unchanged%n",
          out.toAbsolutePath().normalize());
    } else {
      MatchModelStore.Saved saved = new MatchModelStore(config.workDir()).save(trained.model());
      System.out.printf(
          "model written to %s (kept as %s)%n",
          saved.current().toAbsolutePath().normalize(), saved.kept().getFileName());
      saved
          .previous()
          .ifPresent(
              p ->
                  System.out.printf(
                      "the previous model is kept as %s%n", p.toAbsolutePath().normalize()));
    }
    System.out.printf(Locale.ROOT, "trained in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    return null;
  }

  /** Scores, writes the CSV file when {@code out} is given, and prints the bands. */
  static Void score(
      SparkSession spark,
      CdpConfig config,
      MatchModel model,
      Path modelFile,
      Path out,
      double minProbability) {
    MatchJob job = new MatchJob(spark, config);
    MatchJob.Scored scored = job.score(model, minProbability, out);
    MatchSettings s = job.settings();
    System.out.printf(
        Locale.ROOT,
        "scored %,d candidate pairs with the model trained at %s (%s)%n",
        scored.pairs(),
        model.trainedAt(),
        modelFile.toAbsolutePath().normalize());
    System.out.printf(
        Locale.ROOT,
        "  link band    probability >= %-5s %,10d%n",
        s.linkThreshold(),
        scored.linkBand());
    System.out.printf(
        Locale.ROOT,
        "  review band  probability >= %-5s %,10d%n",
        s.reviewThreshold(),
        scored.reviewBand());
    System.out.printf(
        Locale.ROOT,
        "  below        probability <  %-5s %,10d%n",
        s.reviewThreshold(),
        scored.below());
    if (out != null) {
      System.out.printf(
          Locale.ROOT,
          "%,d pairs at or above %s written to %s%n",
          scored.written(),
          minProbability,
          out.toAbsolutePath().normalize());
    }
    System.out.println(
        "nothing was linked: `cdp resolve` applies the link band under the guardrails");
    return null;
  }

  /** What training learned, as an operator reads it. */
  static String describe(MatchJob.Trained trained, TrainingMethod method, boolean matchEnabled) {
    MatchModel model = trained.model();
    TrainingSummary t = model.training();
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "trained on %,d match records: %,d candidate pairs in %,d distinct comparison vectors%n",
            t.records(),
            trained.candidatePairs(),
            t.distinctVectors()));
    s.append(
        String.format(
            Locale.ROOT,
            "%-48s %10s %10s %15s %12s %15s %12s %12s%n",
            "blocking rule",
            "pairs",
            "new pairs",
            "skipped blocks",
            "their pairs",
            "refined blocks",
            "pairs whole",
            "pairs split"));
    for (RuleStats r : trained.rules()) {
      s.append(
          String.format(
              Locale.ROOT,
              "%-48s %,10d %,10d %,15d %,12d %,15d %,12d %,12d%n",
              r.rule(),
              r.pairs(),
              r.newPairs(),
              r.skippedBlocks(),
              r.skippedPairs(),
              r.refinedBlocks(),
              r.pairsBeforeRefinement(),
              r.pairsAfterRefinement()));
    }
    s.append(
        String.format(
            Locale.ROOT,
            "u from %,d random pairs (seed %d); %s: %d iterations%s, %s%n",
            t.randomPairs(),
            t.seed(),
            method == TrainingMethod.SESSIONS
                ? "m by EM sessions, one per blocking rule with its fields left out"
                : "m and prior by EM over the candidates",
            t.iterations(),
            method == TrainingMethod.SESSIONS ? " in all" : "",
            t.converged()
                ? "converged"
                : "NOT converged (see resolve.match.training.max_iterations)"));
    double prior = model.matchPrior();
    s.append(
        String.format(
            Locale.ROOT,
            method == TrainingMethod.SESSIONS
                ? "match prior %.4g: two random records match (from"
                    + " resolve.match.training.deterministic_rules); a pair starts at weight %.2f%n"
                : "match prior %.6f: the share of matches among candidates; a candidate pair starts"
                    + " at weight %.2f%n",
            prior,
            Math.log(prior / (1 - prior)) / Math.log(2)));
    s.append(
        String.format(
            Locale.ROOT, "%-14s %-22s %10s %10s %8s%n", "field", "level", "m", "u", "weight"));
    for (ComparisonWeights c : model.comparisons()) {
      List<LevelWeights> levels = c.levels();
      for (int i = 0; i < levels.size(); i++) {
        LevelWeights l = levels.get(i);
        s.append(
            String.format(
                Locale.ROOT,
                "%-14s %-22s %10.4g %10.4g %8.2f%n",
                i == 0 ? c.field() + (c.termFrequency() ? "*" : "") : "",
                l.level(),
                l.m(),
                l.u(),
                l.weight()));
      }
    }
    s.append(
        "* exact matches weighted by how common the value is (term frequency); a missing value"
            + " weighs 0\n");
    if (!matchEnabled) {
      s.append("note: resolve.match.enabled is false, so `cdp resolve` does not use the model\n");
    }
    return s.toString();
  }

  private static MatchModel loadModel(Path file, boolean given) {
    if (!Files.isRegularFile(file)) {
      throw new CdpException(
          ErrorCode.INPUT_NOT_FOUND,
          given
              ? "model file " + file + " does not exist"
              : "no match model at "
                  + file
                  + "; run `cdp match train` (or `cdp resolve`, which trains one on first use)");
    }
    try {
      return MatchModel.load(file);
    } catch (IllegalArgumentException e) {
      throw new CdpException(
          ErrorCode.INPUT_NOT_FOUND,
          e.getMessage() + "; give a model file `cdp match train` wrote",
          e);
    }
  }

  private static void withSpark(CdpConfig config, Function<SparkSession, Void> action) {
    SparkSession spark = SparkSessions.create("cdp-match", config.spark(), config.workDir());
    try (SparkProgress progress = new SparkProgress(spark, "match")) {
      action.apply(spark);
    } finally {
      spark.stop();
    }
  }
}
