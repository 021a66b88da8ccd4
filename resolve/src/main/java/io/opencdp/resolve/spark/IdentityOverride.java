package io.opencdp.resolve.spark;

import static java.util.Objects.requireNonNull;

import io.opencdp.resolve.guardrail.IdentifierKey;
import java.util.List;

/**
 * An operator's decision recorded in {@code identity_overrides}, as {@link IdentityOverrides} wrote
 * it.
 *
 * @param overrideId its id
 * @param kind {@code never_link} or {@code force_split}
 * @param profileId the profile split (force_split; an alias is resolved to its survivor); null for
 *     never_link
 * @param identifiers never_link: the pair; force_split: the identifiers moved out
 * @param kept force_split: how many identifiers stayed on the profile; 0 for never_link
 */
public record IdentityOverride(
    String overrideId, String kind, String profileId, List<IdentifierKey> identifiers, int kept) {
  public IdentityOverride {
    requireNonNull(overrideId, "overrideId is null");
    requireNonNull(kind, "kind is null");
    identifiers = List.copyOf(requireNonNull(identifiers, "identifiers is null"));
  }
}
