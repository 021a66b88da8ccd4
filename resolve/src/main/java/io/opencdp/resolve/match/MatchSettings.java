package io.opencdp.resolve.match;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.config.MatchComparisonConfig;
import io.opencdp.schemas.config.MatchConfig;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything that decides a matching run apart from the data: what is compared, how candidates are
 * blocked, and where the thresholds sit. One frozen set of these serves every data set.
 *
 * @param comparisons the compared fields
 * @param blocking candidate rules; candidates are their union
 * @param maxBlockSize blocks with more records than this are skipped and reported
 * @param linkThreshold pairs at or above this match probability are linked automatically
 * @param reviewThreshold pairs at or above this, and below the link threshold, go to review
 * @param randomPairs random pairs sampled to count the u probabilities
 * @param seed seed of that sample
 * @param maxIterations EM iteration cap (per session with {@link TrainingMethod#SESSIONS})
 * @param method how m and the prior are learned
 * @param deterministicRules with {@link TrainingMethod#SESSIONS}: the rules whose pairs estimate
 *     the probability that two random records match
 * @param deterministicRecall the share of matching pairs those rules are assumed to find, when not
 *     estimated
 * @param estimateRecall with {@link TrainingMethod#SESSIONS}: estimate that share from what the
 *     sessions learn ({@link SessionTraining#ruleRecall}) instead of assuming it
 * @param refinement how blocks of the blocking rules over the refine size are split before the cap
 *     applies (the deterministic rules are not refined)
 */
public record MatchSettings(
    Comparisons comparisons,
    List<BlockingRule> blocking,
    int maxBlockSize,
    double linkThreshold,
    double reviewThreshold,
    int randomPairs,
    long seed,
    int maxIterations,
    TrainingMethod method,
    List<BlockingRule> deterministicRules,
    double deterministicRecall,
    boolean estimateRecall,
    BlockRefinement refinement) {
  public MatchSettings {
    requireNonNull(refinement, "refinement is null");
    // value ranges are checked where they are read, in MatchConfig
    requireNonNull(comparisons, "comparisons is null");
    blocking = List.copyOf(blocking);
    requireNonNull(method, "method is null");
    deterministicRules = List.copyOf(deterministicRules);
    if (method == TrainingMethod.SESSIONS && estimateRecall) {
      SessionTraining.checkEstimable(comparisons, deterministicRules);
    }
  }

  /** Settings without block refinement. */
  public MatchSettings(
      Comparisons comparisons,
      List<BlockingRule> blocking,
      int maxBlockSize,
      double linkThreshold,
      double reviewThreshold,
      int randomPairs,
      long seed,
      int maxIterations,
      TrainingMethod method,
      List<BlockingRule> deterministicRules,
      double deterministicRecall,
      boolean estimateRecall) {
    this(
        comparisons,
        blocking,
        maxBlockSize,
        linkThreshold,
        reviewThreshold,
        randomPairs,
        seed,
        maxIterations,
        method,
        deterministicRules,
        deterministicRecall,
        estimateRecall,
        BlockRefinement.NONE);
  }

  /** Settings trained by {@link TrainingMethod#EM}, without block refinement. */
  public MatchSettings(
      Comparisons comparisons,
      List<BlockingRule> blocking,
      int maxBlockSize,
      double linkThreshold,
      double reviewThreshold,
      int randomPairs,
      long seed,
      int maxIterations) {
    this(
        comparisons,
        blocking,
        maxBlockSize,
        linkThreshold,
        reviewThreshold,
        randomPairs,
        seed,
        maxIterations,
        TrainingMethod.EM,
        List.of(),
        1.0,
        false);
  }

  /**
   * These settings trained by another method.
   *
   * @param estimateRecall whether {@link TrainingMethod#SESSIONS} estimates the deterministic
   *     rules' recall ({@code deterministicRecall} is then unused)
   */
  public MatchSettings withMethod(
      TrainingMethod method,
      List<BlockingRule> deterministicRules,
      double deterministicRecall,
      boolean estimateRecall) {
    return new MatchSettings(
        comparisons,
        blocking,
        maxBlockSize,
        linkThreshold,
        reviewThreshold,
        randomPairs,
        seed,
        maxIterations,
        method,
        deterministicRules,
        deterministicRecall,
        estimateRecall,
        refinement);
  }

  /** These settings with another block refinement. */
  public MatchSettings withRefinement(BlockRefinement refinement) {
    return new MatchSettings(
        comparisons,
        blocking,
        maxBlockSize,
        linkThreshold,
        reviewThreshold,
        randomPairs,
        seed,
        maxIterations,
        method,
        deterministicRules,
        deterministicRecall,
        estimateRecall,
        refinement);
  }

  /**
   * The settings of {@code resolve.match}; a field, kind or transform name it does not know fails
   * with {@code CONFIG_INVALID} naming its key.
   */
  public static MatchSettings from(MatchConfig config) {
    List<FieldComparison> comparisons = new ArrayList<>();
    for (int i = 0; i < config.comparisons().size(); i++) {
      MatchComparisonConfig c = config.comparisons().get(i);
      String key = "resolve.match.comparisons[" + i + "]";
      try {
        comparisons.add(
            new FieldComparison(
                MatchField.fromWireName(c.field()),
                ComparisonKind.fromWireName(c.kind()),
                c.thresholds(),
                c.termFrequency()));
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new CdpException(ErrorCode.CONFIG_INVALID, key + ": " + e.getMessage(), e);
      }
    }
    List<BlockingRule> rules = new ArrayList<>();
    for (int i = 0; i < config.blocking().size(); i++) {
      try {
        rules.add(BlockingRule.parse(config.blocking().get(i)));
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new CdpException(
            ErrorCode.CONFIG_INVALID, "resolve.match.blocking[" + i + "]: " + e.getMessage(), e);
      }
    }
    List<BlockingRule> deterministic = new ArrayList<>();
    List<String> deterministicConfig = config.training().deterministicRules();
    for (int i = 0; i < deterministicConfig.size(); i++) {
      try {
        deterministic.add(BlockingRule.parse(deterministicConfig.get(i)));
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new CdpException(
            ErrorCode.CONFIG_INVALID,
            "resolve.match.training.deterministic_rules[" + i + "]: " + e.getMessage(),
            e);
      }
    }
    List<BlockingKey> refineBy = new ArrayList<>();
    for (int i = 0; i < config.refineBy().size(); i++) {
      try {
        refineBy.add(BlockingKey.parse(config.refineBy().get(i)));
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new CdpException(
            ErrorCode.CONFIG_INVALID, "resolve.match.refine_by[" + i + "]: " + e.getMessage(), e);
      }
    }
    Comparisons checked;
    try {
      checked = new Comparisons(comparisons);
    } catch (IllegalArgumentException e) {
      throw new CdpException(ErrorCode.CONFIG_INVALID, e.getMessage(), e);
    }
    TrainingMethod method = TrainingMethod.fromWireName(config.training().method());
    if (method == TrainingMethod.SESSIONS && config.training().estimateRecall()) {
      for (int i = 0; i < deterministic.size(); i++) {
        try {
          SessionTraining.checkEstimable(checked, List.of(deterministic.get(i)));
        } catch (IllegalArgumentException e) {
          throw new CdpException(
              ErrorCode.CONFIG_INVALID,
              "resolve.match.training.deterministic_rules["
                  + i
                  + "]: "
                  + e.getMessage()
                  + " (or set resolve.match.training.estimate_recall: false)",
              e);
        }
      }
    }
    return new MatchSettings(
        checked,
        rules,
        config.maxBlockSize(),
        config.linkThreshold(),
        config.reviewThreshold(),
        config.training().randomPairs(),
        config.training().seed(),
        config.training().maxIterations(),
        method,
        deterministic,
        config.training().deterministicRecall(),
        config.training().estimateRecall(),
        new BlockRefinement(config.refineBlockSize(), refineBy));
  }
}
