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
 * @param givenNamesAgree whether both records have a given name and they agree (equal, a nickname
 *     or a typo)
 */
public record MatchLink(
    String leftGroup,
    String rightGroup,
    double probability,
    String leftRecord,
    String rightRecord,
    boolean givenNamesAgree) {
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
