package io.opencdp.resolve.ids;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.Instant;

/**
 * How many identifiers a new component shares with a previous profile id: the input of every id
 * assignment rule.
 *
 * @param component the new component, named by its cluster key
 * @param componentFirstSeen the earliest {@code received_at} of the component's events; null when
 *     unknown
 * @param previousId a profile id of the previous run
 * @param previousFirstSeen when that id was first seen ({@code profile_ids.first_seen_at}); null
 *     when unknown (an id written before the registry existed), which ranks last
 * @param shared how many of the component's identifiers were on {@code previousId}; at least 1
 */
public record Overlap(
    String component,
    Instant componentFirstSeen,
    String previousId,
    Instant previousFirstSeen,
    long shared)
    implements Serializable {
  public Overlap {
    requireNonNull(component, "component is null");
    requireNonNull(previousId, "previousId is null");
    if (shared < 1) {
      throw new IllegalArgumentException("shared must be at least 1, got " + shared);
    }
  }
}
