package io.opencdp.resolve.match;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Training and scoring for record sets that fit one JVM: the evaluation sets, tests and a stream's
 * batches. The Spark job runs the same steps (blocking, pattern counts, the same EM and scorer) as
 * joins and aggregations.
 */
public final class InMemoryMatcher {
  private final MatchSettings settings;

  public InMemoryMatcher(MatchSettings settings) {
    this.settings = requireNonNull(settings, "settings is null");
  }

  /** Candidate pairs under the settings' blocking rules. */
  public CandidatePairs candidates(List<MatchRecord> records) {
    return CandidatePairs.generate(
        records, settings.blocking(), settings.refinement(), settings.maxBlockSize());
  }

  /** Trains a model on the records: u from random pairs, m and the prior by EM on candidates. */
  public MatchModel train(List<MatchRecord> records, CandidatePairs candidates, Instant now) {
    Comparisons comparisons = settings.comparisons();
    PatternCounts patterns = patterns(records, candidates, comparisons);
    double[][] u =
        RandomPairs.uProbabilities(records, comparisons, settings.randomPairs(), settings.seed());
    if (settings.method() == TrainingMethod.EM) {
      return ModelFit.fit(comparisons, patterns, u, settings, records.size(), now);
    }
    List<SessionTraining.Session> sessions = new ArrayList<>();
    for (BlockingRule rule : settings.blocking()) {
      CandidatePairs rulePairs =
          CandidatePairs.generate(
              records, List.of(rule), settings.refinement(), settings.maxBlockSize());
      sessions.add(new SessionTraining.Session(rule, patterns(records, rulePairs, comparisons)));
    }
    long deterministic =
        CandidatePairs.generate(records, settings.deterministicRules(), settings.maxBlockSize())
            .size();
    return ModelFit.fitSessions(
        comparisons,
        sessions,
        patterns,
        u,
        deterministic,
        SessionTraining.comparablePairs(records),
        settings,
        records.size(),
        now);
  }

  private static PatternCounts patterns(
      List<MatchRecord> records, CandidatePairs candidates, Comparisons comparisons) {
    PatternCounts patterns = new PatternCounts();
    for (int i = 0; i < candidates.size(); i++) {
      long pair = candidates.pairAt(i);
      patterns.add(
          comparisons.pattern(
              records.get(CandidatePairs.left(pair)), records.get(CandidatePairs.right(pair))),
          1);
    }
    return patterns;
  }

  /** Every candidate pair with its score. */
  public List<ScoredPair> score(
      List<MatchRecord> records, CandidatePairs candidates, PairScorer scorer) {
    List<ScoredPair> scored = new ArrayList<>(candidates.size());
    for (int i = 0; i < candidates.size(); i++) {
      long pair = candidates.pairAt(i);
      MatchRecord a = records.get(CandidatePairs.left(pair));
      MatchRecord b = records.get(CandidatePairs.right(pair));
      scored.add(new ScoredPair(a.id(), b.id(), scorer.score(a, b)));
    }
    return scored;
  }
}
