package io.opencdp.schemas.audience;

import io.opencdp.schemas.normalize.CountryNormalizer;
import io.opencdp.schemas.normalize.Normalized;
import java.text.Normalizer;
import java.util.Locale;

/** Character-level clean-up the platform rules share. Each returns null for a missing value. */
final class AudienceText {
  private AudienceText() {}

  /** Trimmed and lowercased ({@link Locale#ROOT}); null when blank. */
  static String trimLower(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    return raw.strip().toLowerCase(Locale.ROOT);
  }

  /** NFC, lowercased, every whitespace character removed; null when nothing is left. */
  static String lowerNoSpaces(String raw) {
    return keep(raw, cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp));
  }

  /** NFC, lowercased, letters only (any script, accents kept); null when nothing is left. */
  static String lettersOnly(String raw) {
    return keep(raw, Character::isLetter);
  }

  /** NFC, lowercased, letters and digits only; null when nothing is left. */
  static String lettersAndDigits(String raw) {
    return keep(raw, Character::isLetterOrDigit);
  }

  /** The digits of {@code raw} ({@code 0-9}), in order; null when there are none. */
  static String digits(String raw) {
    if (raw == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c >= '0' && c <= '9') {
        out.append(c);
      }
    }
    return out.isEmpty() ? null : out.toString();
  }

  /**
   * The first five digits of a US ZIP or ZIP+4 ({@code 94025-1234} to {@code 94025}); else null.
   */
  static String usZip(String raw) {
    String digits = digits(raw);
    return digits != null && digits.length() >= 5 ? digits.substring(0, 5) : null;
  }

  /** The ISO 3166-1 alpha-2 code (upper case) of a code or English name; null when unknown. */
  static String countryCode(String raw) {
    Normalized<String> country = CountryNormalizer.normalize(raw);
    return country.valid() ? country.value() : null;
  }

  private interface CodePoints {
    boolean keep(int codePoint);
  }

  private static String keep(String raw, CodePoints keep) {
    if (raw == null) {
      return null;
    }
    String lower = Normalizer.normalize(raw, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(lower.length());
    lower.codePoints().filter(keep::keep).forEach(out::appendCodePoint);
    return out.isEmpty() ? null : out.toString();
  }
}
