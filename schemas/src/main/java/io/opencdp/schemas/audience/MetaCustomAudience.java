package io.opencdp.schemas.audience;

import io.opencdp.schemas.normalize.Normalized;
import io.opencdp.schemas.normalize.PostalNormalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Meta (Facebook) Custom Audiences customer list, hashed (docs/segments.md, "Formats"). Columns are
 * Meta's customer-list keys ({@code EMAIL PHONE FN LN CT ST ZIP COUNTRY DOBY DOBM DOBD GEN
 * EXTERN_ID}); Meta takes up to three email and three phone columns, so a row has {@link #REPEATED}
 * of each. Every key but {@code EXTERN_ID} is normalized as Meta's "Hashing and normalizing data"
 * rules say (developers.facebook.com/docs/marketing-api/audiences/guides/custom-audiences), then
 * SHA-256 hashed; {@code EXTERN_ID} (the profile's customer id) is sent as is.
 *
 * <p>A member is written when Meta can match them: an email, a phone, or first and last name
 * together with a zip or a full birth date. {@code EXTERN_ID} alone does not count: Meta matches it
 * only against ids uploaded before.
 *
 * <p>The rules are public pure functions returning the normalized plain value (null when nothing is
 * left).
 */
public final class MetaCustomAudience implements AudienceLayout {
  /** How many {@code EMAIL} and how many {@code PHONE} columns a row has (Meta's maximum). */
  public static final int REPEATED = 3;

  private static final List<String> HEADER = columns();

  MetaCustomAudience() {}

  /** {@code EMAIL}: trimmed and lowercased. */
  public static String email(String raw) {
    return AudienceText.trimLower(raw);
  }

  /**
   * {@code PHONE}: digits only, with the country code, no {@code +} and no leading zeros ({@code
   * +16505551212} to {@code 16505551212}). Profiles hold E.164, so the country code is there.
   */
  public static String phone(String e164) {
    String digits = AudienceText.digits(e164);
    if (digits == null) {
      return null;
    }
    int start = 0;
    while (start < digits.length() && digits.charAt(start) == '0') {
      start++;
    }
    return start == digits.length() ? null : digits.substring(start);
  }

  /** {@code FN}: lowercased letters only, accents kept ({@code José} to {@code josé}). */
  public static String firstName(String raw) {
    return AudienceText.lettersOnly(raw);
  }

  /** {@code LN}: lowercased letters only ({@code O'Brien-Smith} to {@code obriensmith}). */
  public static String lastName(String raw) {
    return AudienceText.lettersOnly(raw);
  }

  /**
   * {@code CT}: lowercased, no spaces or punctuation ({@code San Francisco} to {@code
   * sanfrancisco}).
   */
  public static String city(String raw) {
    return AudienceText.lettersAndDigits(raw);
  }

  /**
   * {@code ST}: for the US (or an unknown country) the two-letter USPS code, lowercase, from a code
   * or a state name ({@code California} to {@code ca}); elsewhere lowercased without spaces or
   * punctuation, as Meta asks for states outside the US. A US value that is no state: null.
   */
  public static String state(String raw, String country) {
    String code = country(country);
    if (code == null || "us".equals(code)) {
      Normalized<String> us = PostalNormalizer.region(raw, "US");
      if (us.valid() && us.hasValue()) {
        return us.value().toLowerCase(Locale.ROOT);
      }
      return code == null ? AudienceText.lettersAndDigits(raw) : null;
    }
    return AudienceText.lettersAndDigits(raw);
  }

  /**
   * {@code ZIP}: for the US the first five digits ({@code 94025-1234} to {@code 94025}); elsewhere
   * lowercased without spaces ({@code SW1A 1AA} to {@code sw1a1aa}).
   */
  public static String zip(String postalCode, String country) {
    if ("us".equals(country(country))) {
      return AudienceText.usZip(postalCode);
    }
    return AudienceText.lowerNoSpaces(postalCode);
  }

  /** {@code COUNTRY}: the ISO 3166-1 alpha-2 code, lowercase ({@code US} to {@code us}). */
  public static String country(String raw) {
    String code = AudienceText.countryCode(raw);
    return code == null ? null : code.toLowerCase(Locale.ROOT);
  }

  /** {@code DOBY}: the year, {@code YYYY}. */
  public static String birthYear(LocalDate birthDate) {
    return birthDate == null ? null : String.format(Locale.ROOT, "%04d", birthDate.getYear());
  }

  /** {@code DOBM}: the month, {@code MM} ({@code 01} to {@code 12}). */
  public static String birthMonth(LocalDate birthDate) {
    return birthDate == null ? null : String.format(Locale.ROOT, "%02d", birthDate.getMonthValue());
  }

  /** {@code DOBD}: the day of the month, {@code DD} ({@code 01} to {@code 31}). */
  public static String birthDay(LocalDate birthDate) {
    return birthDate == null ? null : String.format(Locale.ROOT, "%02d", birthDate.getDayOfMonth());
  }

  /** {@code GEN}: {@code f} for female, {@code m} for male; anything else is left out (null). */
  public static String gender(String raw) {
    String g = AudienceText.trimLower(raw);
    if (g == null) {
      return null;
    }
    return switch (g) {
      case "female", "f" -> "f";
      case "male", "m" -> "m";
      default -> null;
    };
  }

  /** {@code EXTERN_ID}: the customer id, trimmed, unhashed. */
  public static String externId(String customerId) {
    return customerId == null || customerId.isBlank() ? null : customerId.strip();
  }

  @Override
  public List<String> header() {
    return HEADER;
  }

  @Override
  public Optional<List<String>> row(AudienceMember member) {
    List<String> emails = AudienceRows.firstDistinct(member.emails(), MetaCustomAudience::email);
    List<String> phones = AudienceRows.firstDistinct(member.phones(), MetaCustomAudience::phone);
    String first = firstName(member.firstName());
    String last = lastName(member.lastName());
    String zip = zip(member.postalCode(), member.country());
    LocalDate dob = member.birthDate();
    boolean name = first != null && last != null && (zip != null || dob != null);
    if (emails.isEmpty() && phones.isEmpty() && !name) {
      return Optional.empty();
    }
    List<String> row = new ArrayList<>(HEADER.size());
    AudienceRows.addHashed(row, emails, REPEATED);
    AudienceRows.addHashed(row, phones, REPEATED);
    row.add(Sha256.hexOrEmpty(first));
    row.add(Sha256.hexOrEmpty(last));
    row.add(Sha256.hexOrEmpty(city(member.city())));
    row.add(Sha256.hexOrEmpty(state(member.region(), member.country())));
    row.add(Sha256.hexOrEmpty(zip));
    row.add(Sha256.hexOrEmpty(country(member.country())));
    row.add(Sha256.hexOrEmpty(birthYear(dob)));
    row.add(Sha256.hexOrEmpty(birthMonth(dob)));
    row.add(Sha256.hexOrEmpty(birthDay(dob)));
    row.add(Sha256.hexOrEmpty(gender(member.gender())));
    String externId =
        member.customerIds().stream()
            .map(MetaCustomAudience::externId)
            .filter(id -> id != null)
            .findFirst()
            .orElse("");
    row.add(externId);
    return Optional.of(List.copyOf(row));
  }

  private static List<String> columns() {
    List<String> header = new ArrayList<>();
    AudienceRows.addRepeated(header, "EMAIL", REPEATED);
    AudienceRows.addRepeated(header, "PHONE", REPEATED);
    header.addAll(
        List.of(
            "FN", "LN", "CT", "ST", "ZIP", "COUNTRY", "DOBY", "DOBM", "DOBD", "GEN", "EXTERN_ID"));
    return List.copyOf(header);
  }
}
