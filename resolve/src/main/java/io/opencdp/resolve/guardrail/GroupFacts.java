package io.opencdp.resolve.guardrail;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * What the probabilistic-link guard needs to know of one deterministic profile candidate.
 *
 * @param group the candidate's key (a cluster key)
 * @param identifiers its usable identifiers
 * @param birthDates the birth dates its records give, {@code yyyyMMdd}
 */
public record GroupFacts(String group, Set<IdentifierKey> identifiers, Set<String> birthDates) {
  public GroupFacts {
    requireNonNull(group, "group is null");
    identifiers = Set.copyOf(identifiers);
    birthDates = Set.copyOf(birthDates);
  }
}
