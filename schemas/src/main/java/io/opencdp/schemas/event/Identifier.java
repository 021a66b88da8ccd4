package io.opencdp.schemas.event;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.normalize.Normalized;

/**
 * One identifier an event carries, before and after normalization. Identity resolution links only
 * on {@code valid} identifiers, by {@code (type, normalized)}.
 *
 * @param type what kind of identifier this is
 * @param raw the value exactly as the source sent it
 * @param normalized the canonical form (lowercased email, E.164 phone, trimmed id); required when
 *     {@code valid}, may be null otherwise
 * @param valid whether the value passed its type's checks and may be linked on
 */
public record Identifier(IdentifierType type, String raw, String normalized, boolean valid) {

  public Identifier {
    requireNonNull(type, "type is null");
    requireNonNull(raw, "raw is null");
    if (valid) {
      Checks.nonBlank(normalized, "normalized");
    }
  }

  /** A valid identifier. */
  public static Identifier valid(IdentifierType type, String raw, String normalized) {
    return new Identifier(type, raw, normalized, true);
  }

  /**
   * The identifier for a normalizer's result: its value (kept even when invalid, e.g. a possible
   * but unassigned phone number) and validity.
   */
  public static Identifier of(IdentifierType type, Normalized<String> result) {
    requireNonNull(result, "result is null");
    return new Identifier(type, result.raw(), result.value(), result.valid());
  }

  /** An identifier that failed its checks: kept for traceability, never linked on. */
  public static Identifier invalid(IdentifierType type, String raw) {
    return new Identifier(type, raw, null, false);
  }
}
