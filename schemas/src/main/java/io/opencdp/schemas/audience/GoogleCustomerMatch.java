package io.opencdp.schemas.audience;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Google Ads Customer Match customer list, hashed (docs/segments.md, "Formats"). Columns as
 * Google's customer-list template names them ({@code Email}, {@code Phone}, {@code First Name},
 * {@code Last Name}, {@code Country}, {@code Zip}); a customer with several emails or phones gets
 * several {@code Email} / {@code Phone} columns, which Google's "Format your customer data file"
 * allows (support.google.com/google-ads/answer/7659867), at most {@link #REPEATED} of each. Email,
 * phone and names are normalized, then SHA-256 hashed; country and zip are sent unhashed. Name and
 * address count only together: first name, last name, country and zip are written only when all
 * four are known, as Google matches on the four together.
 *
 * <p>The rules are public pure functions, each returning the normalized plain value (null when
 * nothing is left), so the unit tests pin them one by one.
 */
public final class GoogleCustomerMatch implements AudienceLayout {
  /** How many {@code Email} and how many {@code Phone} columns a row has. */
  public static final int REPEATED = 3;

  private static final List<String> HEADER = columns();

  GoogleCustomerMatch() {}

  /** Trimmed and lowercased. */
  public static String email(String raw) {
    return AudienceText.trimLower(raw);
  }

  /**
   * E.164 with the {@code +}: {@code +} and the digits of {@code e164} (a profile holds phones in
   * E.164 already; punctuation and spaces are dropped).
   */
  public static String phone(String e164) {
    String digits = AudienceText.digits(e164);
    return digits == null ? null : "+" + digits;
  }

  /** Lowercased, every space removed ({@code Mary Ann} to {@code maryann}); accents kept. */
  public static String firstName(String raw) {
    return AudienceText.lowerNoSpaces(raw);
  }

  /**
   * Lowercased, spaces and punctuation removed ({@code O'Brien-Smith} to {@code obriensmith});
   * letters of any script and their accents kept.
   */
  public static String lastName(String raw) {
    return AudienceText.lettersOnly(raw);
  }

  /** The ISO 3166-1 alpha-2 code, upper case, unhashed; null when unknown. */
  public static String country(String raw) {
    return AudienceText.countryCode(raw);
  }

  /**
   * The postal code, unhashed: for the US the five-digit ZIP ({@code 94025-1234} to {@code 94025}),
   * elsewhere the code trimmed, as the profile holds it ({@code SW1A 1AA}).
   */
  public static String zip(String postalCode, String country) {
    if (postalCode == null || postalCode.isBlank()) {
      return null;
    }
    String zip = postalCode.strip();
    if ("US".equals(country(country))) {
      return AudienceText.usZip(zip);
    }
    return zip;
  }

  @Override
  public List<String> header() {
    return HEADER;
  }

  @Override
  public Optional<List<String>> row(AudienceMember member) {
    List<String> emails = AudienceRows.firstDistinct(member.emails(), GoogleCustomerMatch::email);
    List<String> phones = AudienceRows.firstDistinct(member.phones(), GoogleCustomerMatch::phone);
    String first = firstName(member.firstName());
    String last = lastName(member.lastName());
    String country = country(member.country());
    String zip = zip(member.postalCode(), member.country());
    boolean address = first != null && last != null && country != null && zip != null;
    if (emails.isEmpty() && phones.isEmpty() && !address) {
      return Optional.empty();
    }
    List<String> row = new ArrayList<>(HEADER.size());
    AudienceRows.addHashed(row, emails, REPEATED);
    AudienceRows.addHashed(row, phones, REPEATED);
    row.add(address ? Sha256.hex(first) : "");
    row.add(address ? Sha256.hex(last) : "");
    row.add(address ? country : "");
    row.add(address ? zip : "");
    return Optional.of(List.copyOf(row));
  }

  private static List<String> columns() {
    List<String> header = new ArrayList<>();
    AudienceRows.addRepeated(header, "Email", REPEATED);
    AudienceRows.addRepeated(header, "Phone", REPEATED);
    header.addAll(List.of("First Name", "Last Name", "Country", "Zip"));
    return List.copyOf(header);
  }
}
