package io.opencdp.resolve.guardrail;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.event.IdentifierType;
import java.io.Serializable;

/**
 * One identifier as resolution links on it: its type and normalized value.
 *
 * @param type the identifier type
 * @param value the normalized value ({@code Identifier.normalized()})
 */
public record IdentifierKey(IdentifierType type, String value) implements Serializable {
  public IdentifierKey {
    requireNonNull(type, "type is null");
    requireNonNull(value, "value is null");
  }

  public static IdentifierKey of(IdentifierType type, String value) {
    return new IdentifierKey(type, value);
  }

  @Override
  public String toString() {
    return type.wireName() + ":" + value;
  }
}
