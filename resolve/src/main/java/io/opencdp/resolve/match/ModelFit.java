package io.opencdp.resolve.match;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Fits m and the prior by EM given u, and writes the result as a model. */
public final class ModelFit {
  private ModelFit() {}

  /**
   * The model for these candidate vectors.
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
    List<ComparisonWeights> weights = new ArrayList<>();
    for (int k = 0; k < comparisons.size(); k++) {
      weights.add(ComparisonWeights.of(comparisons.get(k), em.m()[k], u[k]));
    }
    return new MatchModel(
        MatchModel.FORMAT_VERSION,
        now,
        em.prior(),
        weights,
        new TrainingSummary(
            records,
            patterns.total(),
            patterns.distinct(),
            settings.randomPairs(),
            settings.seed(),
            em.iterations(),
            em.converged()));
  }
}
