package io.opencdp.resolve.match;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Fits m and the prior given u, and writes the result as a model. */
public final class ModelFit {
  private ModelFit() {}

  /**
   * The model for these candidate vectors, by one EM over them ({@link TrainingMethod#EM}).
   *
   * @param u u per comparison and level, from random pairs
   */
  public static MatchModel fit(
      Comparisons comparisons,
      PatternCounts patterns,
      double[][] u,
      MatchSettings settings,
      long records,
      Instant now) {
    ExpectationMaximisation.Result em =
        ExpectationMaximisation.run(comparisons, patterns, u, settings.maxIterations());
    return model(
        comparisons,
        em.m(),
        u,
        em.prior(),
        now,
        new TrainingSummary(
            records,
            patterns.total(),
            patterns.distinct(),
            settings.randomPairs(),
            settings.seed(),
            em.iterations(),
            em.converged()));
  }

  /**
   * The model trained by sessions ({@link TrainingMethod#SESSIONS}, {@link SessionTraining}): m
   * from the sessions, the prior λ. The summary's iterations are the sessions' total, converged
   * whether every session converged.
   *
   * @param sessions one per blocking rule, with its pairs' vectors
   * @param candidates all candidate pairs' vectors (for the summary)
   * @param u u per comparison and level, from random pairs
   * @param lambda the probability that two random records match
   */
  public static MatchModel fitSessions(
      Comparisons comparisons,
      List<SessionTraining.Session> sessions,
      PatternCounts candidates,
      double[][] u,
      double lambda,
      MatchSettings settings,
      long records,
      Instant now) {
    SessionTraining.Result fit =
        SessionTraining.fit(comparisons, sessions, u, settings.maxIterations());
    return model(
        comparisons,
        fit.m(),
        u,
        lambda,
        now,
        new TrainingSummary(
            records,
            candidates.total(),
            candidates.distinct(),
            settings.randomPairs(),
            settings.seed(),
            fit.iterations().stream().mapToInt(Integer::intValue).sum(),
            fit.converged().stream().allMatch(Boolean::booleanValue)));
  }

  private static MatchModel model(
      Comparisons comparisons,
      double[][] m,
      double[][] u,
      double prior,
      Instant now,
      TrainingSummary summary) {
    List<ComparisonWeights> weights = new ArrayList<>();
    for (int k = 0; k < comparisons.size(); k++) {
      weights.add(ComparisonWeights.of(comparisons.get(k), m[k], u[k]));
    }
    return new MatchModel(MatchModel.FORMAT_VERSION, now, prior, weights, summary);
  }
}
