package io.opencdp.resolve.match;

/**
 * Per comparison and level, a (weighted) count of pairs; the null level is not counted. Turned into
 * probabilities with a floor, so a level never seen gets a small share, not zero (a zero would make
 * its weight infinite).
 */
final class LevelTally {
  private final double[][] counts;

  LevelTally(Comparisons comparisons) {
    counts = new double[comparisons.size()][];
    for (int k = 0; k < counts.length; k++) {
      counts[k] = new double[comparisons.get(k).levelCount()];
    }
  }

  void add(long pattern, double weight) {
    for (int k = 0; k < counts.length; k++) {
      int level = Comparisons.levelAt(pattern, k);
      if (level >= 0) {
        counts[k][level] += weight;
      }
    }
  }

  /** Shares per level, each at least {@code floor} before renormalizing. */
  double[][] probabilities(double floor) {
    double[][] p = new double[counts.length][];
    for (int k = 0; k < counts.length; k++) {
      double total = 0;
      for (double c : counts[k]) {
        total += c;
      }
      p[k] = new double[counts[k].length];
      double sum = 0;
      for (int l = 0; l < p[k].length; l++) {
        p[k][l] = Math.max(total > 0 ? counts[k][l] / total : 1.0 / p[k].length, floor);
        sum += p[k][l];
      }
      for (int l = 0; l < p[k].length; l++) {
        p[k][l] /= sum;
      }
    }
    return p;
  }
}
