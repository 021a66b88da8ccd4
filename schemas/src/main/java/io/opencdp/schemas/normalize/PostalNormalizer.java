package io.opencdp.schemas.normalize;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalizes postal addresses: street and city (NFKC, whitespace collapsed, case kept), region (US:
 * USPS two-letter code, from a code or a state name), postal code by country and country (ISO
 * 3166-1 alpha-2, see {@link CountryNormalizer}).
 *
 * <p>Postal codes:
 *
 * <ul>
 *   <li>US: five digits, or ZIP+4 with a hyphen, a space or neither: {@code 12345}, {@code
 *       12345-6789}. A ZIP that lost its leading zero in a spreadsheet ({@code 2134}) is invalid,
 *       not padded.
 *   <li>GB: upper case, one space before the three-character inward code: {@code SW1A 1AA}.
 *   <li>DE: five digits.
 *   <li>Any other or unknown country: trimmed, whitespace collapsed, upper case.
 * </ul>
 */
public final class PostalNormalizer {
  private static final Pattern GB_POSTCODE =
      Pattern.compile("[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}|GIR0AA");

  private PostalNormalizer() {}

  /**
   * Normalizes every part of an address. The country is normalized first and decides how the region
   * and the postal code are read; an unknown country reads them with the generic rules.
   */
  public static NormalizedAddress normalize(
      String street, String city, String region, String postalCode, String country) {
    Normalized<String> normalizedCountry = CountryNormalizer.normalize(country);
    String countryCode = normalizedCountry.valid() ? normalizedCountry.value() : null;
    return new NormalizedAddress(
        street(street),
        city(city),
        region(region, countryCode),
        postalCode(postalCode, countryCode),
        normalizedCountry);
  }

  /** A street line: NFKC, whitespace collapsed, case kept. */
  public static Normalized<String> street(String raw) {
    return freeText(raw);
  }

  /** A city: NFKC, whitespace collapsed, case kept. */
  public static Normalized<String> city(String raw) {
    return freeText(raw);
  }

  /**
   * A state, province or region. For {@code US}: the USPS code from a code or a name ({@code ny},
   * {@code New York} and {@code new york} give {@code NY}); anything else is {@code
   * region_unknown}. For other countries: NFKC, whitespace collapsed, case kept.
   *
   * @param countryCode an ISO alpha-2 code as {@link CountryNormalizer} returns it, or null
   */
  public static Normalized<String> region(String raw, String countryCode) {
    Normalized<String> text = freeText(raw);
    if (!text.valid() || !"US".equals(countryCode)) {
      return text;
    }
    String code = UsStates.toCode(text.value());
    return code != null
        ? Normalized.valid(raw, code)
        : Normalized.invalid(raw, InvalidReason.REGION_UNKNOWN);
  }

  /**
   * A postal code read by the rules of its country (see the class comment).
   *
   * @param countryCode an ISO alpha-2 code as {@link CountryNormalizer} returns it, or null
   */
  public static Normalized<String> postalCode(String raw, String countryCode) {
    Normalized<String> text = freeText(raw);
    if (!text.valid()) {
      return text;
    }
    String s = text.value().toUpperCase(Locale.ROOT);
    String normalized;
    if ("US".equals(countryCode)) {
      normalized = usZip(s);
    } else if ("GB".equals(countryCode)) {
      normalized = gbPostcode(s);
    } else if ("DE".equals(countryCode)) {
      normalized = s.length() == 5 && allDigits(s, 0, 5) ? s : null;
    } else {
      normalized = s;
    }
    return normalized != null
        ? Normalized.valid(raw, normalized)
        : Normalized.invalid(raw, InvalidReason.POSTAL_SYNTAX);
  }

  private static String usZip(String s) {
    int n = s.length();
    if (n == 5 && allDigits(s, 0, 5)) {
      return s;
    }
    if (n == 9 && allDigits(s, 0, 9)) {
      return s.substring(0, 5) + '-' + s.substring(5);
    }
    if (n == 10
        && (s.charAt(5) == '-' || s.charAt(5) == ' ')
        && allDigits(s, 0, 5)
        && allDigits(s, 6, 10)) {
      return s.substring(0, 5) + '-' + s.substring(6);
    }
    return null;
  }

  private static String gbPostcode(String s) {
    String compact = s.indexOf(' ') >= 0 ? s.replace(" ", "") : s;
    if (!GB_POSTCODE.matcher(compact).matches()) {
      return null;
    }
    int inward = compact.length() - 3;
    return compact.substring(0, inward) + ' ' + compact.substring(inward);
  }

  private static boolean allDigits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static Normalized<String> freeText(String raw) {
    if (raw == null) {
      return Normalized.invalid(null, InvalidReason.EMPTY);
    }
    String cleaned = Text.clean(raw);
    return cleaned.isEmpty()
        ? Normalized.invalid(raw, InvalidReason.EMPTY)
        : Normalized.valid(raw, cleaned);
  }
}
