package io.opencdp.resolve.match;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.config.MatchComparisonConfig;
import io.opencdp.schemas.config.MatchConfig;
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
 * @param maxIterations EM iteration cap
 */
public record MatchSettings(
    Comparisons comparisons,
    List<BlockingRule> blocking,
    int maxBlockSize,
    double linkThreshold,
    double reviewThreshold,
    int randomPairs,
    long seed,
    int maxIterations) {
  public MatchSettings {
    requireNonNull(comparisons, "comparisons is null");
    blocking = List.copyOf(blocking);
    if (blocking.isEmpty()) {
      throw new IllegalArgumentException("resolve.match.blocking needs at least one rule");
    }
    if (maxBlockSize < 2) {
      throw new IllegalArgumentException("resolve.match.max_block_size must be at least 2");
    }
    if (!(linkThreshold > 0 && linkThreshold < 1)) {
      throw new IllegalArgumentException("resolve.match.link_threshold must be in (0, 1)");
    }
    if (!(reviewThreshold > 0 && reviewThreshold <= linkThreshold)) {
      throw new IllegalArgumentException(
          "resolve.match.review_threshold must be in (0, resolve.match.link_threshold]");
    }
    if (randomPairs < 1000 || maxIterations < 1) {
      throw new IllegalArgumentException(
          "resolve.match.training.random_pairs must be at least 1000 and max_iterations at least 1");
    }
  }

  /** The settings of {@code resolve.match}; a bad name fails naming its key. */
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
        throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
      }
    }
    List<BlockingRule> rules = new ArrayList<>();
    for (int i = 0; i < config.blocking().size(); i++) {
      try {
        rules.add(BlockingRule.parse(config.blocking().get(i)));
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new IllegalArgumentException(
            "resolve.match.blocking[" + i + "]: " + e.getMessage(), e);
      }
    }
    return new MatchSettings(
        new Comparisons(comparisons),
        rules,
        config.maxBlockSize(),
        config.linkThreshold(),
        config.reviewThreshold(),
        config.training().randomPairs(),
        config.training().seed(),
        config.training().maxIterations());
  }
}
