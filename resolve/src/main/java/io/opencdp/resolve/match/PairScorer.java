package io.opencdp.resolve.match;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * Scores pairs with a trained model: sums the weight of each comparison's level, adjusting exact
 * matches on term-frequency fields by how common the shared value is. Thread-safe and serializable,
 * so a Spark task or a Flink operator holds one.
 */
public final class PairScorer implements Serializable {
  private static final double LOG2 = Math.log(2);

  private final Comparisons comparisons;
  private final double priorWeight;
  private final double[][] weights;
  private final double[] exactM;
  private final TermFrequencies frequencies;

  public PairScorer(MatchModel model, TermFrequencies frequencies) {
    requireNonNull(model, "model is null");
    this.frequencies = requireNonNull(frequencies, "frequencies is null");
    this.comparisons = model.toComparisons();
    this.priorWeight = log2(model.matchPrior() / (1 - model.matchPrior()));
    this.weights = new double[comparisons.size()][];
    this.exactM = new double[comparisons.size()];
    for (int k = 0; k < comparisons.size(); k++) {
      var levels = model.comparisons().get(k).levels();
      weights[k] = new double[levels.size()];
      for (int l = 0; l < levels.size(); l++) {
        weights[k][l] = log2(levels.get(l).m() / levels.get(l).u());
      }
      exactM[k] = levels.get(0).m();
    }
  }

  public Comparisons comparisons() {
    return comparisons;
  }

  /** The score of a pair. */
  public MatchScore score(MatchRecord a, MatchRecord b) {
    return score(comparisons.levels(a, b), a, frequencies);
  }

  /**
   * The score of a pair from its comparison vector, with term frequencies from {@code shares}: an
   * exact match on a term-frequency field is weighted by how common {@code a}'s value is (both
   * sides carry it). The stream keeps a pair's levels and scores it again as its counts change.
   */
  public MatchScore score(int[] levels, MatchRecord a, TermShares shares) {
    double[] contributions = new double[levels.length];
    double weight = priorWeight;
    for (int k = 0; k < levels.length; k++) {
      int level = levels[k];
      if (level < 0) {
        continue;
      }
      double w = weights[k][level];
      FieldComparison c = comparisons.get(k);
      if (level == 0 && c.termFrequency()) {
        double share = shares.share(c.field(), a.get(c.field()));
        if (!Double.isNaN(share)) {
          w = log2(exactM[k] / share);
        }
      }
      contributions[k] = w;
      weight += w;
    }
    return new MatchScore(levels, contributions, weight, probability(weight));
  }

  /**
   * The evidence of a pair's levels: name agreement and the corroboration of the other fields
   * (their level weights, without term-frequency adjustment, which only names and cities get).
   */
  public LinkEvidence evidence(int[] levels) {
    double corroboration = 0;
    for (int k = 0; k < levels.length; k++) {
      MatchField field = comparisons.get(k).field();
      if (levels[k] >= 0 && field != MatchField.GIVEN_NAME && field != MatchField.FAMILY_NAME) {
        corroboration += weights[k][levels[k]];
      }
    }
    return new LinkEvidence(
        comparisons.agree(MatchField.GIVEN_NAME, levels),
        comparisons.agree(MatchField.FAMILY_NAME, levels),
        corroboration);
  }

  static double probability(double weight) {
    return 1 / (1 + Math.pow(2, -weight));
  }

  private static double log2(double x) {
    return Math.log(x) / LOG2;
  }
}
