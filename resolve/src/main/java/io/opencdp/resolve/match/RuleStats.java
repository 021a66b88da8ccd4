package io.opencdp.resolve.match;

/**
 * What one blocking rule produced.
 *
 * @param rule the rule as config writes it
 * @param pairs candidate pairs the rule produced
 * @param newPairs of those, pairs no earlier rule had produced
 * @param skippedBlocks blocks, or sub-blocks left after refinement, larger than the cap, left out
 *     whole
 * @param skippedPairs pairs the skipped blocks would have produced (groups not considered)
 * @param refinedBlocks blocks over the refine size, split by the refinement keys ({@link
 *     BlockRefinement})
 * @param pairsBeforeRefinement pairs the refined blocks would have made whole (groups not
 *     considered)
 * @param pairsAfterRefinement pairs their sub-blocks within the cap make (groups not considered)
 */
public record RuleStats(
    String rule,
    long pairs,
    long newPairs,
    long skippedBlocks,
    long skippedPairs,
    long refinedBlocks,
    long pairsBeforeRefinement,
    long pairsAfterRefinement) {
  /** Figures of a rule without refinement. */
  public RuleStats(String rule, long pairs, long newPairs, long skippedBlocks, long skippedPairs) {
    this(rule, pairs, newPairs, skippedBlocks, skippedPairs, 0, 0, 0);
  }
}
