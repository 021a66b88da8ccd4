package io.opencdp.schemas.segment;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.event.IdentifierType;

/**
 * {@code {"has_identifier": T}}: the profile has at least one identifier of type {@code T} that
 * identity resolution kept.
 */
public record HasIdentifier(IdentifierType type) implements Condition {
  public HasIdentifier {
    requireNonNull(type, "type is null");
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitHasIdentifier(this);
  }
}
