package io.opencdp.resolve.guardrail;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Collection;
import java.util.Set;

/**
 * What the data says about who uses one identifier, as the batch computes it per identifier over
 * the events (and the stream keeps per identifier in its state).
 *
 * @param identifier the identifier
 * @param nameKeys the distinct {@link SharedIdentifierDetector#nameKey name keys} of the events
 *     that carried it (may be a sorted sample; the person count is then a lower bound)
 * @param distinctCustomerIds how many distinct customer ids appeared on the events that carried it
 */
public record IdentifierUsage(
    IdentifierKey identifier, Set<String> nameKeys, long distinctCustomerIds)
    implements Serializable {
  public IdentifierUsage {
    requireNonNull(identifier, "identifier is null");
    nameKeys = Set.copyOf(requireNonNull(nameKeys, "nameKeys is null"));
    if (distinctCustomerIds < 0) {
      throw new IllegalArgumentException(
          "distinctCustomerIds must not be negative, got " + distinctCustomerIds);
    }
  }

  public static IdentifierUsage of(
      IdentifierKey identifier, Collection<String> nameKeys, long distinctCustomerIds) {
    return new IdentifierUsage(identifier, Set.copyOf(nameKeys), distinctCustomerIds);
  }
}
