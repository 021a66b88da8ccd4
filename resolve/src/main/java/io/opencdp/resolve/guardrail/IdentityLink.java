package io.opencdp.resolve.guardrail;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.Instant;

/**
 * Evidence that two identifiers belong to one person: an event carried both. A link has no
 * direction; {@link IdentifierLimits#link} builds one with its two ends in a canonical order.
 *
 * @param left one identifier
 * @param right the other identifier, different from {@code left}
 * @param evidenceEventId the event that carried both
 * @param seenAt when that event occurred; links are applied oldest first
 */
public record IdentityLink(
    IdentifierKey left, IdentifierKey right, String evidenceEventId, Instant seenAt)
    implements Serializable {
  public IdentityLink {
    requireNonNull(left, "left is null");
    requireNonNull(right, "right is null");
    requireNonNull(evidenceEventId, "evidenceEventId is null");
    requireNonNull(seenAt, "seenAt is null");
    if (left.equals(right)) {
      throw new IllegalArgumentException("a link needs two different identifiers, got " + left);
    }
  }
}
