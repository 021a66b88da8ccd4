package io.opencdp.resolve.match;

/**
 * A candidate pair and its score.
 *
 * @param left id of one record
 * @param right id of the other
 * @param score the score
 */
public record ScoredPair(String left, String right, MatchScore score) {}
