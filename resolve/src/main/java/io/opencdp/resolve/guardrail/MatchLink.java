package io.opencdp.resolve.guardrail;

import static java.util.Objects.requireNonNull;

import io.opencdp.resolve.match.LinkEvidence;

/**
 * A pair of records probabilistic matching linked, lifted to the two profile candidates they sit
 * in.
 *
 * @param leftGroup one candidate
 * @param rightGroup the other
 * @param probability the pair's match probability
 * @param leftRecord the matched record of {@code leftGroup}
 * @param rightRecord the matched record of {@code rightGroup}
 * @param evidence name agreement and corroboration of the pair
 */
public record MatchLink(
    String leftGroup,
    String rightGroup,
    double probability,
    String leftRecord,
    String rightRecord,
    LinkEvidence evidence) {
  public MatchLink {
    requireNonNull(leftGroup, "leftGroup is null");
    requireNonNull(rightGroup, "rightGroup is null");
    requireNonNull(leftRecord, "leftRecord is null");
    requireNonNull(rightRecord, "rightRecord is null");
    requireNonNull(evidence, "evidence is null");
    if (leftGroup.equals(rightGroup)) {
      throw new IllegalArgumentException(
          "a match link joins two groups, got " + leftGroup + " twice");
    }
  }
}
