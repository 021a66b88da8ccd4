package io.opencdp.schemas.normalize;

import java.util.List;

/**
 * Stable codes for why a value did not normalize. Dead-letter rows and data-quality reports store
 * these strings, so a code is never renamed or reused; add a new one instead.
 */
public final class InvalidReason {
  /** Null, or nothing left after trimming whitespace. */
  public static final String EMPTY = "empty";

  /** Not a syntactically valid e-mail address (one '@', local part, dotted domain, lengths). */
  public static final String EMAIL_SYNTAX = "email_syntax";

  /** No phone number could be read at all (no digits, letters, an unknown country code). */
  public static final String PHONE_UNPARSEABLE = "phone_unparseable";

  /**
   * Read as a phone number, but its length is impossible for its region (too short, too long, or a
   * local-only number without an area code); no E.164 form is produced.
   */
  public static final String PHONE_IMPOSSIBLE = "phone_impossible";

  /**
   * Possible length and shape, so an E.164 form is produced, but not an assignable number in its
   * region (for example {@code 0000000000} in the US).
   */
  public static final String PHONE_INVALID_FOR_REGION = "phone_invalid_for_region";

  /** A country that is neither an ISO 3166 code nor a known country name. */
  public static final String COUNTRY_UNKNOWN = "country_unknown";

  /** A US state that is neither a USPS code nor a state name. */
  public static final String REGION_UNKNOWN = "region_unknown";

  /** A postal code that does not have its country's shape (US ZIP, GB postcode, DE PLZ). */
  public static final String POSTAL_SYNTAX = "postal_syntax";

  /** A timestamp that does not parse in the expected format or names an impossible date or time. */
  public static final String TIMESTAMP_INVALID = "timestamp_invalid";

  /** A date that is in none of the accepted formats. */
  public static final String DATE_SYNTAX = "date_syntax";

  /** A date in an accepted format that does not exist (February 30, month 13). */
  public static final String DATE_IMPOSSIBLE = "date_impossible";

  /** A real date outside the accepted range (a birth date in the future or before 1900). */
  public static final String DATE_OUT_OF_RANGE = "date_out_of_range";

  /** Every code, for reports and documentation. */
  public static final List<String> ALL =
      List.of(
          EMPTY,
          EMAIL_SYNTAX,
          PHONE_UNPARSEABLE,
          PHONE_IMPOSSIBLE,
          PHONE_INVALID_FOR_REGION,
          COUNTRY_UNKNOWN,
          REGION_UNKNOWN,
          POSTAL_SYNTAX,
          TIMESTAMP_INVALID,
          DATE_SYNTAX,
          DATE_IMPOSSIBLE,
          DATE_OUT_OF_RANGE);

  private InvalidReason() {}
}
