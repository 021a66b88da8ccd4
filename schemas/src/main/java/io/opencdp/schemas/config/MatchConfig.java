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
 * @param maxBlockSize a block (or a sub-block left after refinement) with more records is skipped
 *     whole and reported
 * @param linkThreshold a pair at or above this match probability is linked
 * @param reviewThreshold a pair at or above this but below the link threshold goes to review
 * @param randomPairs random pairs the u probabilities are counted on ({@code
 *     training.random_pairs})
 * @param seed seed of that sample ({@code training.seed})
 * @param maxIterations EM iteration cap ({@code training.max_iterations})
 * @param refineBlockSize a block with more records is split by {@code refine_by} before the cap
 *     applies; at most {@code max_block_size}
 * @param refineBy refinement keys in blocking-key syntax ({@code "postal_code:first_3"}), tried in
 *     order; empty: no refinement
 */
public record MatchConfig(
    boolean enabled,
    List<MatchComparisonConfig> comparisons,
    List<String> blocking,
    int maxBlockSize,
    double linkThreshold,
    double reviewThreshold,
    Training training,
    int refineBlockSize,
    List<String> refineBy)
    implements Serializable {
  private static final String PREFIX = "resolve.match.";

  /**
   * How the model is trained.
   *
   * @param randomPairs random pairs the u probabilities are counted on
   * @param seed seed of that sample
   * @param maxIterations EM iteration cap (per session with {@code sessions})
   * @param method {@code em}: one EM over all candidate pairs estimates m and the prior among
   *     candidates; {@code sessions}: one EM session per blocking rule with that rule's fields left
   *     out, m averaged over the sessions where a field was free, and the prior the probability
   *     that two random records match, estimated from the deterministic rules
   * @param deterministicRules with {@code sessions}: blocking rules strict enough that the pairs
   *     they make are (almost) all matches; their pair count over all pairs, divided by the recall,
   *     is the prior
   * @param deterministicRecall with {@code sessions} and {@code estimateRecall} false: the share of
   *     all matching pairs the deterministic rules are assumed to find, in (0, 1]
   * @param estimateRecall with {@code sessions}: estimate that share from the m the sessions learn
   *     (the deterministic rules must then name compared fields without transforms)
   */
  public record Training(
      int randomPairs,
      long seed,
      int maxIterations,
      String method,
      List<String> deterministicRules,
      double deterministicRecall,
      boolean estimateRecall)
      implements Serializable {
    public Training {
      ConfigChecks.range(PREFIX + "training.random_pairs", randomPairs, 1_000, 100_000_000);
      ConfigChecks.range(PREFIX + "training.max_iterations", maxIterations, 1, 10_000);
      if (method == null) {
        method = "em";
      }
      if (!method.equals("em") && !method.equals("sessions")) {
        throw new IllegalArgumentException(
            PREFIX + "training.method must be em or sessions, got '" + method + "'");
      }
      deterministicRules = deterministicRules == null ? List.of() : List.copyOf(deterministicRules);
      if (method.equals("sessions") && deterministicRules.isEmpty()) {
        throw new IllegalArgumentException(
            PREFIX + "training.deterministic_rules needs at least one rule with method sessions");
      }
      if (!(deterministicRecall > 0 && deterministicRecall <= 1)) {
        throw new IllegalArgumentException(
            PREFIX + "training.deterministic_recall must be in (0, 1], got " + deterministicRecall);
      }
    }

    /** The settings before the training method could be chosen: {@code em}. */
    public Training(int randomPairs, long seed, int maxIterations) {
      this(randomPairs, seed, maxIterations, "em", List.of(), 1.0, false);
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
    refineBy = refineBy == null ? List.of() : List.copyOf(refineBy);
    ConfigChecks.range(PREFIX + "refine_block_size", refineBlockSize, 2, maxBlockSize);
  }

  /** Settings without block refinement. */
  public MatchConfig(
      boolean enabled,
      List<MatchComparisonConfig> comparisons,
      List<String> blocking,
      int maxBlockSize,
      double linkThreshold,
      double reviewThreshold,
      Training training) {
    this(
        enabled,
        comparisons,
        blocking,
        maxBlockSize,
        linkThreshold,
        reviewThreshold,
        training,
        maxBlockSize,
        List.of());
  }
}
