package io.opencdp.resolve.match;

import java.util.Map;

/**
 * Estimates the m probabilities and the match prior by expectation-maximisation over the candidate
 * pairs' comparison vectors, with u held at its random-pair estimate (the split Splink uses: u is
 * measured, only m is learned). No labels: EM finds the two populations the vectors fall into.
 */
final class ExpectationMaximisation {
  /** Stop when no probability moves more than this between iterations. */
  static final double TOLERANCE = 1e-6;

  private static final double M_FLOOR = 1e-6;

  private ExpectationMaximisation() {}

  record Result(double prior, double[][] m, int iterations, boolean converged) {}

  static Result run(
      Comparisons comparisons, PatternCounts patterns, double[][] u, int maxIterations) {
    boolean[] all = new boolean[comparisons.size()];
    java.util.Arrays.fill(all, true);
    return run(comparisons, patterns, u, maxIterations, all);
  }

  /**
   * EM with only the {@code free} comparisons in the likelihood: the others (a session's blocked
   * fields) neither count towards a pair's posterior nor have their m learned (their entries in the
   * result keep the starting values and mean nothing).
   */
  static Result run(
      Comparisons comparisons,
      PatternCounts patterns,
      double[][] u,
      int maxIterations,
      boolean[] free) {
    double[][] m = initialM(comparisons);
    double prior = 0.1;
    int iteration = 0;
    boolean converged = false;
    while (iteration < maxIterations && !converged) {
      iteration++;
      LevelTally matches = new LevelTally(comparisons);
      double expectedMatches = 0;
      for (Map.Entry<Long, Long> e : patterns.asMap().entrySet()) {
        long pattern = e.getKey();
        double p = posterior(pattern, prior, m, u, free);
        matches.add(pattern, p * e.getValue());
        expectedMatches += p * e.getValue();
      }
      double[][] next = matches.probabilities(M_FLOOR);
      for (int k = 0; k < free.length; k++) {
        if (!free[k]) {
          next[k] = m[k];
        }
      }
      double nextPrior =
          Math.min(Math.max(expectedMatches / Math.max(patterns.total(), 1), 1e-9), 1 - 1e-9);
      converged = maxChange(m, next) < TOLERANCE && Math.abs(nextPrior - prior) < TOLERANCE;
      m = next;
      prior = nextPrior;
    }
    return new Result(prior, m, iteration, converged);
  }

  /** P(match | vector) under the given parameters. */
  static double posterior(long pattern, int size, double prior, double[][] m, double[][] u) {
    boolean[] all = new boolean[size];
    java.util.Arrays.fill(all, true);
    return posterior(pattern, prior, m, u, all);
  }

  /** P(match | vector) counting only the free comparisons. */
  static double posterior(long pattern, double prior, double[][] m, double[][] u, boolean[] free) {
    double logRatio = Math.log(prior / (1 - prior));
    for (int k = 0; k < free.length; k++) {
      int level = Comparisons.levelAt(pattern, k);
      if (free[k] && level >= 0) {
        logRatio += Math.log(m[k][level] / u[k][level]);
      }
    }
    return 1 / (1 + Math.exp(-logRatio));
  }

  /** Starting m: most matches agree exactly, the rest spread evenly over the other levels. */
  static double[][] initialM(Comparisons comparisons) {
    double[][] m = new double[comparisons.size()][];
    for (int k = 0; k < m.length; k++) {
      int levels = comparisons.get(k).levelCount();
      m[k] = new double[levels];
      m[k][0] = 0.9;
      for (int l = 1; l < levels; l++) {
        m[k][l] = 0.1 / (levels - 1);
      }
    }
    return m;
  }

  private static double maxChange(double[][] a, double[][] b) {
    double max = 0;
    for (int k = 0; k < a.length; k++) {
      for (int l = 0; l < a[k].length; l++) {
        max = Math.max(max, Math.abs(a[k][l] - b[k][l]));
      }
    }
    return max;
  }
}
