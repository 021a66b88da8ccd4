package io.opencdp.resolve.guardrail;

import static java.util.Objects.requireNonNull;

/**
 * A pair of records probabilistic matching linked, lifted to the two profile candidates they sit
 * in.
 *
 * @param leftGroup one candidate
 * @param rightGroup the other
 * @param probability the pair's match probability
 * @param leftRecord the matched record of {@code leftGroup}
 * @param rightRecord the matched record of {@code rightGroup}
 */
public record MatchLink(
    String leftGroup,
    String rightGroup,
    double probability,
    String leftRecord,
    String rightRecord) {
  public MatchLink {
    requireNonNull(leftGroup, "leftGroup is null");
    requireNonNull(rightGroup, "rightGroup is null");
    requireNonNull(leftRecord, "leftRecord is null");
    requireNonNull(rightRecord, "rightRecord is null");
    if (leftGroup.equals(rightGroup)) {
      throw new IllegalArgumentException(
          "a match link joins two groups, got " + leftGroup + " twice");
    }
  }
}
