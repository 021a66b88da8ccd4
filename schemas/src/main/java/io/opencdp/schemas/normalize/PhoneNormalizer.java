package io.opencdp.schemas.normalize;

import static java.util.Objects.requireNonNull;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;

/**
 * Normalizes phone numbers to E.164 ({@code +15550102000}) with libphonenumber. A number without a
 * country code is read in the record's region hint, else in the default region.
 *
 * <p>Validity has two levels, because identity needs a stable key even for numbers we cannot vouch
 * for:
 *
 * <ul>
 *   <li>The number cannot be read ({@code abc}, an unknown country code such as {@code +999 1}):
 *       invalid, {@code phone_unparseable}, no value.
 *   <li>It is read but its length is impossible for its region ({@code 12}; a 7-digit US local
 *       number without its area code): invalid, {@code phone_impossible}, no value. Nothing is
 *       guessed.
 *   <li>It has a possible length ({@code PhoneNumberUtil.isPossibleNumberWithReason} is exactly
 *       {@code IS_POSSIBLE}): the E.164 form is produced. It is valid when libphonenumber's {@code
 *       isValidNumber} accepts it or it is in a reserved fictional range (below); otherwise it
 *       keeps its E.164 value but is flagged {@code phone_invalid_for_region} ({@code 0000000000}),
 *       so the same string still finds the profile and resolve's guardrails decide whether it is
 *       junk.
 * </ul>
 *
 * <p>Fictional ranges counted as valid: NANP area code 555 ({@code +1 555 xxx xxxx}, never
 * assigned, used by the seeded generator and test data) and Ofcom's drama range for UK mobiles
 * ({@code +44 7700 900000-900999}). libphonenumber rejects both, yet they are how test and demo
 * data is written; the NANP {@code NXX-555-01xx} range is already valid in libphonenumber.
 *
 * <p>Extensions are dropped from the E.164 form. Thread-safe; the {@link PhoneNumberUtil} singleton
 * is shared.
 */
public final class PhoneNormalizer {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final long NANP_555_FIRST = 5_550_000_000L;
  private static final long NANP_555_LAST = 5_559_999_999L;
  private static final long UK_DRAMA_MOBILE_FIRST = 7_700_900_000L;
  private static final long UK_DRAMA_MOBILE_LAST = 7_700_900_999L;

  private final String defaultRegion;

  /**
   * @param defaultRegion ISO 3166-1 alpha-2 code libphonenumber supports, in any case ({@code US})
   * @throws IllegalArgumentException naming the value when the region is not supported
   */
  public PhoneNormalizer(String defaultRegion) {
    requireNonNull(defaultRegion, "defaultRegion is null");
    String region = defaultRegion.trim().toUpperCase(Locale.ROOT);
    if (!UTIL.getSupportedRegions().contains(region)) {
      throw new IllegalArgumentException(
          "defaultRegion must be an ISO 3166-1 alpha-2 code with a phone numbering plan, such as"
              + " 'US' or 'GB', got '"
              + defaultRegion
              + "'");
    }
    this.defaultRegion = region;
  }

  public String defaultRegion() {
    return defaultRegion;
  }

  /** Normalizes {@code raw}, reading a number without a country code in the default region. */
  public Normalized<String> normalize(String raw) {
    return normalizeIn(raw, defaultRegion);
  }

  /**
   * Normalizes {@code raw}, reading a number without a country code in {@code regionHint}: a
   * country as {@link CountryNormalizer} accepts it ({@code DE}, {@code DEU}, {@code Germany}),
   * typically the record's address country. A null, blank or unknown hint falls back to the default
   * region; a number with a {@code +} country code ignores the hint.
   */
  public Normalized<String> normalize(String raw, String regionHint) {
    return normalizeIn(raw, resolveRegion(regionHint));
  }

  /**
   * How a person in the default region would type the E.164 number {@code e164}: the national form
   * ({@code (555) 010-2000}) for a number of that country code, the international one otherwise.
   * {@link #normalize(String)} reads either back to {@code e164}. Not a phone number: returned
   * unchanged.
   */
  public String typedForm(String e164) {
    try {
      PhoneNumber number = UTIL.parse(e164, defaultRegion);
      // by calling code, not region: fictional numbers (555-01xx) belong to no region
      boolean home = number.getCountryCode() == UTIL.getCountryCodeForRegion(defaultRegion);
      return UTIL.format(
          number, home ? PhoneNumberFormat.NATIONAL : PhoneNumberFormat.INTERNATIONAL);
    } catch (NumberParseException e) {
      return e164;
    }
  }

  private String resolveRegion(String regionHint) {
    if (regionHint == null) {
      return defaultRegion;
    }
    String code = CountryNormalizer.toAlpha2(regionHint);
    return code != null && UTIL.getSupportedRegions().contains(code) ? code : defaultRegion;
  }

  private static Normalized<String> normalizeIn(String raw, String region) {
    if (raw == null) {
      return Normalized.invalid(null, InvalidReason.EMPTY);
    }
    String s = Text.trim(raw);
    if (s.isEmpty()) {
      return Normalized.invalid(raw, InvalidReason.EMPTY);
    }
    if (!containsDigit(s)) {
      // the common garbage path ("n/a", "abc"): answered without a parse exception
      return Normalized.invalid(raw, InvalidReason.PHONE_UNPARSEABLE);
    }
    PhoneNumber number;
    try {
      number = UTIL.parse(s, region);
    } catch (NumberParseException e) {
      return Normalized.invalid(raw, InvalidReason.PHONE_UNPARSEABLE);
    }
    if (UTIL.isPossibleNumberWithReason(number) != ValidationResult.IS_POSSIBLE) {
      return Normalized.invalid(raw, InvalidReason.PHONE_IMPOSSIBLE);
    }
    String e164 = UTIL.format(number, PhoneNumberFormat.E164);
    return isFictional(number) || UTIL.isValidNumber(number)
        ? Normalized.valid(raw, e164)
        : Normalized.invalid(raw, e164, InvalidReason.PHONE_INVALID_FOR_REGION);
  }

  private static boolean containsDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  static boolean isFictional(PhoneNumber number) {
    long national = number.getNationalNumber();
    return switch (number.getCountryCode()) {
      case 1 -> national >= NANP_555_FIRST && national <= NANP_555_LAST;
      case 44 -> national >= UK_DRAMA_MOBILE_FIRST && national <= UK_DRAMA_MOBILE_LAST;
      default -> false;
    };
  }
}
