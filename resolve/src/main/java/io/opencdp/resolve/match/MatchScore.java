package io.opencdp.resolve.match;

/**
 * The score of one pair: the comparison vector, the log2 Bayes factor each comparison added, their
 * sum with the prior, and the match probability that gives.
 *
 * @param levels agreement level per comparison, -1 where a value was missing
 * @param contributions log2 Bayes factor per comparison (0 for a missing value)
 * @param weight total match weight: log2 prior odds plus the contributions
 * @param probability 1 / (1 + 2^-weight)
 */
public record MatchScore(int[] levels, double[] contributions, double weight, double probability) {
  public MatchScore {
    levels = levels.clone();
    contributions = contributions.clone();
  }

  @Override
  public int[] levels() {
    return levels.clone();
  }

  @Override
  public double[] contributions() {
    return contributions.clone();
  }
}
