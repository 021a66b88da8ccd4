package io.opencdp.resolve.match;

/**
 * What one blocking rule produced.
 *
 * @param rule the rule as config writes it
 * @param pairs candidate pairs the rule produced
 * @param newPairs of those, pairs no earlier rule had produced
 * @param skippedBlocks blocks larger than the cap, left out whole
 * @param skippedPairs pairs the skipped blocks would have produced
 */
public record RuleStats(
    String rule, long pairs, long newPairs, long skippedBlocks, long skippedPairs) {}
