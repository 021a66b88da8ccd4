package io.opencdp.resolve.ids;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A profile id the previous run gave out.
 *
 * @param id the id
 * @param firstSeen when it was first seen; null when unknown
 */
public record PreviousId(String id, Instant firstSeen) {
  public PreviousId {
    requireNonNull(id, "id is null");
  }
}
