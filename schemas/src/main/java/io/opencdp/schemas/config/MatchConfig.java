package io.opencdp.schemas.config;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.List;

/**
 * Probabilistic matching ({@code resolve.match}, docs/matching.md): what is compared, how candidate
 * pairs are blocked, and the two thresholds. One frozen set of defaults serves every data set.
 *
 * @param enabled whether {@code cdp resolve} links profiles probabilistically (the Febrl evaluation
 *     and {@code cdp match} run either way)
 * @param comparisons the compared fields, in model order
 * @param blocking rules such as {@code "family_name:metaphone + given_name:initial"}; candidates
 *     are the union of all rules
 * @param maxBlockSize a block with more records is skipped whole and reported
 * @param linkThreshold a pair at or above this match probability is linked
 * @param reviewThreshold a pair at or above this but below the link threshold goes to review
 * @param randomPairs random pairs the u probabilities are counted on ({@code
 *     training.random_pairs})
 * @param seed seed of that sample ({@code training.seed})
 * @param maxIterations EM iteration cap ({@code training.max_iterations})
 */
public record MatchConfig(
    boolean enabled,
    List<MatchComparisonConfig> comparisons,
    List<String> blocking,
    int maxBlockSize,
    double linkThreshold,
    double reviewThreshold,
    Training training)
    implements Serializable {
  private static final String PREFIX = "resolve.match.";

  /**
   * How the model is trained.
   *
   * @param randomPairs random pairs the u probabilities are counted on
   * @param seed seed of that sample
   * @param maxIterations EM iteration cap
   */
  public record Training(int randomPairs, long seed, int maxIterations) implements Serializable {
    public Training {
      ConfigChecks.range(PREFIX + "training.random_pairs", randomPairs, 1_000, 100_000_000);
      ConfigChecks.range(PREFIX + "training.max_iterations", maxIterations, 1, 10_000);
    }
  }

  public MatchConfig {
    requireNonNull(comparisons, PREFIX + "comparisons is required");
    comparisons = List.copyOf(comparisons);
    requireNonNull(blocking, PREFIX + "blocking is required");
    blocking = List.copyOf(blocking);
    if (comparisons.isEmpty()) {
      throw new IllegalArgumentException(PREFIX + "comparisons needs at least one field");
    }
    if (blocking.isEmpty()) {
      throw new IllegalArgumentException(PREFIX + "blocking needs at least one rule");
    }
    ConfigChecks.range(PREFIX + "max_block_size", maxBlockSize, 2, 1_000_000);
    if (!(linkThreshold > 0 && linkThreshold < 1)) {
      throw new IllegalArgumentException(
          PREFIX + "link_threshold must be a probability in (0, 1), got " + linkThreshold);
    }
    if (!(reviewThreshold > 0 && reviewThreshold <= linkThreshold)) {
      throw new IllegalArgumentException(
          PREFIX
              + "review_threshold must be in (0, link_threshold = "
              + linkThreshold
              + "], got "
              + reviewThreshold);
    }
    requireNonNull(training, PREFIX + "training is required");
  }
}
