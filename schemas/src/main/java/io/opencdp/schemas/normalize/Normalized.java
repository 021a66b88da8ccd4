package io.opencdp.schemas.normalize;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * The outcome of normalizing one raw value: the raw input as received, the normalized value,
 * whether it is valid, and a stable {@link InvalidReason} code when it is not.
 *
 * <p>A valid result always has a value. An invalid result usually has none, but may keep one when
 * the value is well-formed enough to use as a key while still failing a check: a phone number of a
 * possible length that is not assignable in its region keeps its E.164 form so lookups and the
 * guardrails can still see it. {@link #hasValue()} tells the two apart.
 *
 * @param raw the input exactly as received; may be null
 * @param value the normalized value; never null when valid
 * @param valid whether the value passed every check
 * @param invalidReason a code from {@link InvalidReason} when invalid, null when valid
 */
public record Normalized<T>(String raw, T value, boolean valid, String invalidReason)
    implements Serializable {
  public Normalized {
    if (valid) {
      requireNonNull(value, "value is null for a valid result");
      if (invalidReason != null) {
        throw new IllegalArgumentException(
            "a valid result has no invalidReason, got '" + invalidReason + "'");
      }
    } else {
      requireNonNull(invalidReason, "invalidReason is null for an invalid result");
    }
  }

  /** A valid result. */
  public static <T> Normalized<T> valid(String raw, T value) {
    return new Normalized<>(raw, value, true, null);
  }

  /** An invalid result with no usable value. */
  public static <T> Normalized<T> invalid(String raw, String invalidReason) {
    return new Normalized<>(raw, null, false, invalidReason);
  }

  /** An invalid result that still carries a well-formed value (see the class comment). */
  public static <T> Normalized<T> invalid(String raw, T value, String invalidReason) {
    return new Normalized<>(raw, value, false, invalidReason);
  }

  /** Whether a normalized value is present, valid or not. */
  public boolean hasValue() {
    return value != null;
  }
}
