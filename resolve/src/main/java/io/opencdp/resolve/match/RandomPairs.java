package io.opencdp.resolve.match;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The u probabilities from pairs drawn at random: almost every random pair is a non-match, so how
 * often random pairs agree on a field is how often non-matches do. Seeded, so a run is repeatable.
 */
public final class RandomPairs {
  private RandomPairs() {}

  /**
   * Levels of {@code sampleSize} random pairs of records from different groups, tallied. The draw
   * picks records by position, so the same records in the same order give the same u (the Spark
   * matcher passes its sample sorted by id for that reason).
   *
   * @return u per comparison and level
   */
  public static double[][] uProbabilities(
      List<MatchRecord> records, Comparisons comparisons, int sampleSize, long seed) {
    LevelTally tally = new LevelTally(comparisons);
    if (records.size() >= 2) {
      SplittableRandom random = new SplittableRandom(seed);
      int drawn = 0;
      int attempts = 0;
      while (drawn < sampleSize && attempts < sampleSize * 10) {
        attempts++;
        MatchRecord a = records.get(random.nextInt(records.size()));
        MatchRecord b = records.get(random.nextInt(records.size()));
        if (a == b || a.group().equals(b.group())) {
          continue;
        }
        tally.add(comparisons.pattern(a, b), 1);
        drawn++;
      }
    }
    // One in a sample size: the smallest share the sample can tell apart from zero.
    return tally.probabilities(1.0 / Math.max(sampleSize, 1));
  }
}
