package io.opencdp.api;

import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.normalize.EmailNormalizer;
import io.opencdp.schemas.normalize.Normalized;
import io.opencdp.schemas.normalize.PhoneNormalizer;
import java.util.Optional;

/**
 * Normalizes an identifier value a client sent, with the normalizers ingest uses, so that it names
 * what ingest stored: an email trimmed and lowercased ({@link EmailNormalizer}), a phone to E.164
 * ({@link PhoneNormalizer}, a number without {@code +country} read in {@code
 * api.default_phone_region}), any other id (and an order id) stripped of surrounding spaces, at
 * most 256 characters. The one place the lookups and the override bodies validate identifiers.
 */
final class IdentifierValues {
  static final int MAX_ID_LENGTH = 256;

  private final PhoneNormalizer phones;

  IdentifierValues(PhoneNormalizer phones) {
    this.phones = phones;
  }

  /**
   * The normalized value to look up, or empty when {@code raw} is not a value of {@code type}. A
   * phone number of a possible length that is not assignable in its region keeps its E.164 form (as
   * ingest stores it), so it can still be looked up.
   */
  Optional<String> forLookup(IdentifierType type, String raw) {
    if (type == IdentifierType.PHONE && raw != null) {
      Normalized<String> phone = phones.normalize(raw);
      return phone.hasValue() ? Optional.of(phone.value()) : Optional.empty();
    }
    return linkable(type, raw);
  }

  /**
   * The normalized value resolution links on, or empty when {@code raw} is not a valid value of
   * {@code type} (an override on a value that never links would change nothing).
   */
  Optional<String> linkable(IdentifierType type, String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    return switch (type) {
      case EMAIL -> valid(EmailNormalizer.normalize(raw));
      case PHONE -> valid(phones.normalize(raw));
      default -> id(raw);
    };
  }

  /** An id without a normalizer of its own (an order id): stripped, 1..256 characters. */
  static Optional<String> id(String raw) {
    if (raw == null || raw.isBlank() || raw.strip().length() > MAX_ID_LENGTH) {
      return Optional.empty();
    }
    return Optional.of(raw.strip());
  }

  /** Why a value of {@code type} was refused, for "parameter 'x' ..." / "field 'x' ...". */
  String refusal(IdentifierType type) {
    return switch (type) {
      case EMAIL -> "is not an email address";
      case PHONE ->
          "is not a phone number (E.164 such as +15550102000, or a national number of "
              + phones.defaultRegion()
              + ")";
      default -> "must be 1-" + MAX_ID_LENGTH + " characters, not blank";
    };
  }

  private static Optional<String> valid(Normalized<String> normalized) {
    return normalized.valid() && normalized.hasValue()
        ? Optional.of(normalized.value())
        : Optional.empty();
  }
}
