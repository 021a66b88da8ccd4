package io.opencdp.resolve.spark.match;

import static java.util.Objects.requireNonNull;

import io.opencdp.resolve.match.Comparisons;
import io.opencdp.resolve.match.InMemoryMatcher;
import io.opencdp.resolve.match.MatchModel;
import io.opencdp.resolve.match.MatchRecord;
import io.opencdp.resolve.match.MatchSettings;
import io.opencdp.resolve.match.ModelFit;
import io.opencdp.resolve.match.PairScorer;
import io.opencdp.resolve.match.PatternCounts;
import io.opencdp.resolve.match.RandomPairs;
import io.opencdp.resolve.match.RuleStats;
import io.opencdp.resolve.match.SessionTraining;
import io.opencdp.resolve.match.TermFrequencies;
import io.opencdp.resolve.match.TrainingMethod;
import io.opencdp.resolve.match.TrainingSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probabilistic matching of record sets too large for one JVM: the steps of {@link InMemoryMatcher}
 * as joins and aggregations, with the same rules (blocking keys, comparisons, random-pair u, EM and
 * scorer are the plain-Java ones). Given the same records it finds the same candidates, trains the
 * same model and links the same pairs.
 *
 * <p>The records ({@link MatchRows#SCHEMA}) are read by every step: persist them if they are costly
 * to compute.
 */
public final class SparkMatcher {
  /** Records brought to the driver to draw the random pairs from. */
  public static final int DEFAULT_SAMPLE_RECORDS = 200_000;

  /** What {@link #score} returns; see the field list there. */
  public static final StructType SCORED_PAIRS = SparkScoring.SCHEMA;

  private static final Logger LOG = LoggerFactory.getLogger(SparkMatcher.class);

  private final MatchSettings settings;
  private final int sampleRecords;

  public SparkMatcher(MatchSettings settings) {
    this(settings, DEFAULT_SAMPLE_RECORDS);
  }

  /**
   * @param sampleRecords at most this many records are collected to draw random pairs from; a cap
   *     above the record count makes u exactly the in-memory matcher's on the records sorted by id
   */
  public SparkMatcher(MatchSettings settings, int sampleRecords) {
    this.settings = requireNonNull(settings, "settings is null");
    if (sampleRecords < 2) {
      throw new IllegalArgumentException("sampleRecords must be at least 2, got " + sampleRecords);
    }
    this.sampleRecords = sampleRecords;
  }

  /**
   * Candidate pairs under the settings' blocking rules, persisted (close them when done). Runs two
   * small jobs for the per-rule figures, which are logged.
   */
  public SparkCandidates candidates(Dataset<Row> records) {
    SparkCandidates candidates =
        SparkBlocking.generate(
            MatchRows.select(records),
            settings.blocking(),
            settings.refinement(),
            settings.maxBlockSize());
    for (RuleStats rule : candidates.rules()) {
      LOG.info(
          "blocking rule '{}': {} pairs, {} new; {} block(s) refined ({} pairs whole, {} in their"
              + " sub-blocks); {} (sub-)block(s) over {} records skipped ({} pairs)",
          rule.rule(),
          rule.pairs(),
          rule.newPairs(),
          rule.refinedBlocks(),
          rule.pairsBeforeRefinement(),
          rule.pairsAfterRefinement(),
          rule.skippedBlocks(),
          settings.maxBlockSize(),
          rule.skippedPairs());
    }
    LOG.info(
        "{} candidate pairs from {} blocking rules", candidates.size(), candidates.rules().size());
    return candidates;
  }

  /** Trains a model on the records: u from random pairs, m and the prior by EM on candidates. */
  public MatchModel train(Dataset<Row> records, SparkCandidates candidates, Instant now) {
    Dataset<Row> input = MatchRows.select(records);
    Comparisons comparisons = settings.comparisons();
    boolean sessions = settings.method() == TrainingMethod.SESSIONS;
    List<PatternCounts> rulePatterns = List.of();
    PatternCounts patterns;
    if (sessions) {
      rulePatterns =
          SparkTraining.rulePatternCounts(
              PairRecords.joinWithRules(input, candidates.pairs()),
              comparisons,
              settings.blocking().size());
      patterns = rulePatterns.get(settings.blocking().size());
    } else {
      patterns =
          SparkTraining.patternCounts(PairRecords.join(input, candidates.pairs()), comparisons);
    }
    List<MatchRecord> sample = SparkTraining.sample(input, sampleRecords, settings.seed());
    // a sample short of the cap is every record: no need to count them
    long recordCount = sample.size() < sampleRecords ? sample.size() : input.count();
    double[][] u =
        RandomPairs.uProbabilities(sample, comparisons, settings.randomPairs(), settings.seed());
    MatchModel model;
    if (sessions) {
      List<SessionTraining.Session> list = new ArrayList<>();
      for (int i = 0; i < settings.blocking().size(); i++) {
        list.add(new SessionTraining.Session(settings.blocking().get(i), rulePatterns.get(i)));
      }
      long deterministic;
      try (SparkCandidates det =
          SparkBlocking.generate(input, settings.deterministicRules(), settings.maxBlockSize())) {
        deterministic = det.size();
      }
      long allPairs = SparkTraining.comparablePairs(input);
      model =
          ModelFit.fitSessions(
              comparisons, list, patterns, u, deterministic, allPairs, settings, recordCount, now);
    } else {
      model = ModelFit.fit(comparisons, patterns, u, settings, recordCount, now);
    }
    TrainingSummary summary = model.training();
    LOG.info(
        "match model trained on {} records: {} candidate pairs in {} distinct vectors; u from {}"
            + " random pairs (seed {}) among {} sampled records; EM {} iterations, converged {};"
            + " match prior {}",
        summary.records(),
        summary.candidatePairs(),
        summary.distinctVectors(),
        summary.randomPairs(),
        summary.seed(),
        sample.size(),
        summary.iterations(),
        summary.converged(),
        model.matchPrior());
    return model;
  }

  /** How common each value of the term-frequency fields is, over all records. */
  public TermFrequencies termFrequencies(Dataset<Row> records) {
    return SparkTraining.termFrequencies(MatchRows.select(records), settings.comparisons());
  }

  /**
   * Every candidate pair with its score, lazily: {@code left_id, right_id, left_group, right_group,
   * probability double, weight double, levels array<int>} ({@link #SCORED_PAIRS}), levels one per
   * comparison and -1 where a value was missing. A pair is linked at or above the settings' link
   * threshold.
   */
  public Dataset<Row> score(Dataset<Row> records, SparkCandidates candidates, PairScorer scorer) {
    requireNonNull(scorer, "scorer is null");
    return SparkScoring.score(
        PairRecords.join(MatchRows.select(records), candidates.pairs()), scorer);
  }
}
