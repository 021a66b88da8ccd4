package io.opencdp.jobs.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.opencdp.ingest.generator.DuplicatedPersons;
import io.opencdp.ingest.spark.SparkSessions;
import io.opencdp.jobs.progress.SparkProgress;
import io.opencdp.resolve.match.MatchModel;
import io.opencdp.resolve.match.MatchSettings;
import io.opencdp.resolve.match.PairScorer;
import io.opencdp.resolve.match.RuleStats;
import io.opencdp.resolve.match.TermFrequencies;
import io.opencdp.resolve.spark.match.SparkCandidates;
import io.opencdp.resolve.spark.match.SparkMatcher;
import io.opencdp.schemas.config.CdpConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Probabilistic matching at scale ({@code scale} records, deduplication): the Spark matcher with
 * the configured {@code resolve.match} settings on records of persons with known duplicates ({@link
 * DuplicatedPersons}), phase by phase (blocking, term frequencies, training, scoring), with
 * pairwise precision, recall and F1 at the link threshold against the true persons. Baselines in
 * the same run: the candidate pairs of the recordlinkage blocking the issue quotes ({@link
 * ClassicBlockingCount}) and the single-threaded in-memory matcher on the same records ({@link
 * InMemoryMatchRun}).
 */
final class MatchBenchmark implements Benchmark {
  @Override
  public String name() {
    return "match";
  }

  @Override
  public Result run(CdpConfig config, long scale, long seed, Path scratch) throws Exception {
    SparkSession spark = SparkSessions.create("cdp-bench-match", config.spark(), scratch);
    try (SparkProgress progress = new SparkProgress(spark, "bench match")) {
      return run(spark, config, scale, seed);
    } finally {
      spark.stop();
    }
  }

  /** The benchmark in a session the caller owns. */
  Result run(SparkSession spark, CdpConfig config, long scale, long seed) throws Exception {
    MatchSettings settings = MatchSettings.from(config.resolve().match());
    double international = config.generator().internationalShare();
    List<Figure> f = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    long truePairs = DuplicatedPersons.truePairs(scale);
    try (PhaseMeter meter = new PhaseMeter()) {
      Dataset<Row> records =
          MatchBenchRecords.dataset(
                  spark, scale, seed, international, config.spark().shufflePartitions())
              .persist(StorageLevel.MEMORY_AND_DISK());
      try {
        long count = meter.measure("generate", records::count);
        f.add(new Figure("records", count, "records"));
        f.add(new Figure("persons", DuplicatedPersons.persons(scale), "persons"));
        f.add(new Figure("true_pairs", truePairs, "pairs"));

        BlockSizes.Plan plan =
            meter.measure(
                "blocking_plan",
                () ->
                    BlockSizes.of(
                        records,
                        settings.blocking(),
                        settings.refinement(),
                        settings.maxBlockSize()));
        planFigures(f, settings, plan);
        SparkRun sparkRun = null;
        if (plan.max() <= MAX_PAIRS) {
          sparkRun = matchWithSpark(f, meter, settings, records, truePairs, count);
        } else {
          notes.add(
              "the Spark matcher did not run: by the blocking plan the rules produce between "
                  + plan.max()
                  + " and "
                  + plan.sum()
                  + " candidate pairs, over the budget of "
                  + MAX_PAIRS
                  + " (about 40 minutes at the end-to-end rate of the 100k run on 2 cores)");
        }

        ClassicBlockingCount.Counts classic =
            meter.measure("baseline_classic_blocking", () -> ClassicBlockingCount.of(records));
        f.add(new Figure("baseline_classic.candidate_pairs", classic.pairs(), "pairs"));
        for (int i = 0; i < ClassicBlockingCount.FIELDS.size(); i++) {
          f.add(
              new Figure(
                  "baseline_classic.block[" + ClassicBlockingCount.FIELDS.get(i).wireName() + "]",
                  classic.fieldPairs().get(i),
                  "pairs"));
        }
        f.add(
            new Figure(
                "baseline_classic.blocking_recall",
                (double) classic.truePairs() / truePairs,
                "ratio"));

        // without a Spark run, the plan's upper bound (sum of the rules) stands for the candidates
        long candidatePairs = sparkRun != null ? sparkRun.candidatePairs() : plan.sum();
        f.add(
            new Figure(
                sparkRun != null
                    ? "ratio.candidate_pairs_ours_to_classic"
                    : "ratio.candidate_pairs_upper_bound_ours_to_classic",
                (double) candidatePairs / classic.pairs(),
                "x"));
        InMemoryMatchRun.Result local =
            InMemoryMatchRun.run(
                meter, settings, scale, seed, international, candidatePairs, count);
        local.figures(f, meter);
        if (sparkRun != null) {
          double localScoring = meter.phase("in_memory_scoring").seconds();
          f.add(
              new Figure(
                  "ratio.scoring_pairs_per_s_spark_to_in_memory",
                  sparkRun.scoringPairsPerSecond() / (local.candidatePairs() / localScoring),
                  "x"));
          f.add(
              new Figure(
                  "ratio.matcher_pairs_per_s_spark_to_in_memory",
                  sparkRun.matcherPairsPerSecond()
                      / (local.candidatePairs() / local.matcherSeconds(meter)),
                  "x"));
        }
        notes.addAll(local.notes());
      } finally {
        records.unpersist();
      }
      phaseFigures(f, meter);
      f.add(new Figure("memory.peak_heap", meter.peakHeapMib(), "MiB"));
      f.add(new Figure("memory.peak_heap_after_gc", meter.peakLiveHeapMib(), "MiB"));
      f.add(new Figure("memory.peak_rss", MachineInfo.peakRssMib(), "MiB"));
    }
    notes.add(
        "one JVM, Spark "
            + spark.version()
            + " master "
            + spark.sparkContext().master()
            + ", "
            + spark.conf().get("spark.sql.shuffle.partitions")
            + " shuffle partitions; settings: resolve.match of the configuration (blocking rules "
            + settings.blocking().size()
            + ", max_block_size "
            + settings.maxBlockSize()
            + ", refinement "
            + settings.refinement()
            + ", link_threshold "
            + settings.linkThreshold()
            + ", random_pairs "
            + settings.randomPairs()
            + ")");
    notes.add(
        "records: DuplicatedPersons (seed, generator lists), chunks of 10 records = 6 persons with"
            + " 1,1,1,2,2,3 records; duplicates carry 1-3 Febrl-style slips; every record its own"
            + " group; generation (records normalized by MatchValues, persisted) is timed apart"
            + " and not in matcher.wall_time");
    notes.add(
        "matcher.wall_time = blocking + term_frequencies + training + scoring; scoring scores every"
            + " candidate pair and counts linked, review and true pairs in one Spark job");
    notes.add(
        "accuracy: pairwise, at link_threshold, from the matcher's scores alone (resolve's"
            + " MatchLinkGuard is not applied)");
    notes.add(
        "baseline_classic: union of exact blocks on given_name, family_name, birth_date,"
            + " postal_code (recordlinkage's blocking in issue 7), no block cap; counted by"
            + " inclusion-exclusion over the blocks, not listed and not scored");
    notes.add(
        "memory: peak_heap is the most heap in use (sampled every 10 ms, garbage included);"
            + " peak_heap_after_gc the most in use right after a collection; peak_rss the"
            + " whole JVM (VmHWM); heap limit "
            + Runtime.getRuntime().maxMemory() / 1048576
            + " MiB; <phase>.cpu_cores is process CPU time over wall time");
    return new Result(f, notes);
  }

  /**
   * Candidate pairs above which the Spark matcher is not run: about 40 minutes on 2 cores at the
   * end-to-end rate measured at 100k records.
   */
  static final long MAX_PAIRS = 50_000_000;

  /** What the Spark matcher did. */
  record SparkRun(
      long candidatePairs, double scoringPairsPerSecond, double matcherPairsPerSecond) {}

  private static SparkRun matchWithSpark(
      List<Figure> f,
      PhaseMeter meter,
      MatchSettings settings,
      Dataset<Row> records,
      long truePairs,
      long count)
      throws Exception {
    SparkMatcher matcher = new SparkMatcher(settings);
    Outcome outcome;
    long candidatePairs;
    try (SparkCandidates candidates =
        meter.measure("blocking", () -> matcher.candidates(records))) {
      candidatePairs = candidates.size();
      blockingFigures(f, candidates.rules(), candidatePairs);
      TermFrequencies frequencies =
          meter.measure("term_frequencies", () -> matcher.termFrequencies(records));
      MatchModel model =
          meter.measure("training", () -> matcher.train(records, candidates, Instant.now()));
      f.add(new Figure("training.em_iterations", model.training().iterations(), "iterations"));
      f.add(new Figure("training.distinct_vectors", model.training().distinctVectors(), "vectors"));
      f.add(new Figure("training.match_prior", model.matchPrior(), "ratio"));
      PairScorer scorer = new PairScorer(model, frequencies);
      outcome =
          meter.measure(
              "scoring", () -> outcome(matcher.score(records, candidates, scorer), settings));
    }
    double matcherSeconds = 0;
    for (String phase : List.of("blocking", "term_frequencies", "training", "scoring")) {
      matcherSeconds += meter.phase(phase).seconds();
    }
    double scoringRate = outcome.scored() / meter.phase("scoring").seconds();
    f.add(new Figure("scoring.pairs_scored", outcome.scored(), "pairs"));
    f.add(new Figure("scoring.pairs_per_s", scoringRate, "pairs/s"));
    f.add(new Figure("matcher.wall_time", matcherSeconds, "s"));
    f.add(new Figure("matcher.pairs_per_s", candidatePairs / matcherSeconds, "pairs/s"));
    f.add(new Figure("matcher.records_per_s", count / matcherSeconds, "records/s"));
    f.add(new Figure("linked_pairs", outcome.linked(), "pairs"));
    f.add(new Figure("review_pairs", outcome.review(), "pairs"));
    f.add(new Figure("blocking.recall", (double) outcome.trueCandidates() / truePairs, "ratio"));
    accuracyFigures(f, "accuracy.", outcome.linked(), outcome.correct(), truePairs);
    return new SparkRun(candidatePairs, scoringRate, candidatePairs / matcherSeconds);
  }

  private static void planFigures(List<Figure> f, MatchSettings settings, BlockSizes.Plan plan) {
    for (int i = 0; i < settings.blocking().size(); i++) {
      String name =
          "blocking_plan.rule[" + settings.blocking().get(i).name().replace(" ", "") + "].";
      f.add(new Figure(name + "pairs", plan.pairs().get(i), "pairs"));
      f.add(new Figure(name + "largest_block", plan.largestBlock().get(i), "records"));
      f.add(new Figure(name + "refined_blocks", plan.refinedBlocks().get(i), "blocks"));
    }
    f.add(new Figure("blocking_plan.largest_rule_pairs", plan.max(), "pairs"));
    f.add(new Figure("blocking_plan.sum_of_rule_pairs", plan.sum(), "pairs"));
  }

  /** What scoring found: every count from one pass over the scored pairs. */
  record Outcome(long scored, long linked, long correct, long trueCandidates, long review) {}

  private static Outcome outcome(Dataset<Row> scored, MatchSettings settings) {
    Column same =
        substring_index(col("left_id"), "-", 1).equalTo(substring_index(col("right_id"), "-", 1));
    Column linked = col("probability").geq(settings.linkThreshold());
    Column review = col("probability").geq(settings.reviewThreshold()).and(linked.unary_$bang());
    Row row =
        scored
            .select(
                count(lit(1)),
                sum(when(linked, 1L).otherwise(0L)),
                sum(when(linked.and(same), 1L).otherwise(0L)),
                sum(when(same, 1L).otherwise(0L)),
                sum(when(review, 1L).otherwise(0L)))
            .first();
    return new Outcome(
        row.getLong(0),
        row.isNullAt(1) ? 0 : row.getLong(1),
        row.isNullAt(2) ? 0 : row.getLong(2),
        row.isNullAt(3) ? 0 : row.getLong(3),
        row.isNullAt(4) ? 0 : row.getLong(4));
  }

  private static void blockingFigures(List<Figure> f, List<RuleStats> rules, long candidates) {
    f.add(new Figure("blocking.candidate_pairs", candidates, "pairs"));
    long skippedBlocks = 0;
    long skippedPairs = 0;
    for (RuleStats rule : rules) {
      String name = "blocking.rule[" + rule.rule().replace(" ", "") + "].";
      f.add(new Figure(name + "pairs", rule.pairs(), "pairs"));
      f.add(new Figure(name + "new_pairs", rule.newPairs(), "pairs"));
      f.add(new Figure(name + "skipped_blocks", rule.skippedBlocks(), "blocks"));
      f.add(new Figure(name + "skipped_pairs", rule.skippedPairs(), "pairs"));
      f.add(new Figure(name + "refined_blocks", rule.refinedBlocks(), "blocks"));
      f.add(new Figure(name + "pairs_before_refinement", rule.pairsBeforeRefinement(), "pairs"));
      f.add(new Figure(name + "pairs_after_refinement", rule.pairsAfterRefinement(), "pairs"));
      skippedBlocks += rule.skippedBlocks();
      skippedPairs += rule.skippedPairs();
    }
    f.add(new Figure("blocking.skipped_blocks", skippedBlocks, "blocks"));
    f.add(new Figure("blocking.skipped_pairs", skippedPairs, "pairs"));
  }

  static void accuracyFigures(
      List<Figure> f, String prefix, long linked, long correct, long truePairs) {
    double precision = linked == 0 ? 0 : (double) correct / linked;
    double recall = truePairs == 0 ? 0 : (double) correct / truePairs;
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    f.add(new Figure(prefix + "precision", precision, "ratio"));
    f.add(new Figure(prefix + "recall", recall, "ratio"));
    f.add(new Figure(prefix + "f1", f1, "ratio"));
  }

  private static void phaseFigures(List<Figure> f, PhaseMeter meter) {
    for (PhaseMeter.Phase phase : meter.phases()) {
      String p = phase.name() + ".";
      f.add(new Figure(p + "wall_time", phase.seconds(), "s"));
      f.add(new Figure(p + "cpu_cores", phase.cores(), "cores"));
      f.add(new Figure(p + "peak_heap", phase.peakHeapMib(), "MiB"));
      f.add(new Figure(p + "peak_heap_after_gc", phase.peakLiveHeapMib(), "MiB"));
    }
  }
}
