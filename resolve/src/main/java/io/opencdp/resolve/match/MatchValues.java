package io.opencdp.resolve.match;

import io.opencdp.schemas.normalize.NameNormalizer;
import io.opencdp.schemas.normalize.Normalized;
import io.opencdp.schemas.normalize.PersonName;
import io.opencdp.schemas.normalize.PostalNormalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where what a record says about a person becomes the values matching compares: names
 * lowercased with diacritics folded, the house number split from the street line, street type
 * abbreviations spelled out, postal codes by their country's rules (a US ZIP+4 compares on its five
 * digits), birth dates as {@code yyyyMMdd}, a card's last four digits as four digits. Phones and
 * emails arrive normalized (the event's identifiers). Every reader of match records (the Spark job,
 * Febrl, the stream) goes through here.
 */
public final class MatchValues {
  private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;
  private static final Pattern HOUSE_NUMBER = Pattern.compile("^(\\d+[a-z]?)(?:[\\s,]+)(.*)$");
  private static final Pattern FOUR_DIGITS = Pattern.compile("\\d{4}");
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Map<String, String> STREET_TYPES =
      Map.ofEntries(
          Map.entry("st", "street"),
          Map.entry("str", "street"),
          Map.entry("ave", "avenue"),
          Map.entry("av", "avenue"),
          Map.entry("rd", "road"),
          Map.entry("dr", "drive"),
          Map.entry("ln", "lane"),
          Map.entry("blvd", "boulevard"),
          Map.entry("ct", "court"),
          Map.entry("pl", "place"),
          Map.entry("cres", "crescent"),
          Map.entry("cir", "circuit"),
          Map.entry("hwy", "highway"),
          Map.entry("pkwy", "parkway"),
          Map.entry("sq", "square"),
          Map.entry("ter", "terrace"),
          Map.entry("apt", "apartment"));

  private MatchValues() {}

  /** A given or family name: lowercase, diacritics folded, whitespace collapsed; null if blank. */
  public static String name(String raw) {
    Normalized<PersonName> name = NameNormalizer.normalize(raw);
    return name.valid() ? name.value().asciiFolded() : null;
  }

  /**
   * Given and family name from a full name when the source sent only that: the first word and the
   * last word.
   *
   * @return {given, family}, either may be null
   */
  public static String[] splitFullName(String fullName) {
    String folded = name(fullName);
    if (folded == null) {
      return new String[] {null, null};
    }
    String[] words = folded.split(" ");
    return words.length == 1
        ? new String[] {words[0], null}
        : new String[] {words[0], words[words.length - 1]};
  }

  /**
   * Given and family name of a record: its first and last name, or when it has neither, the split
   * of its full name ({@link #splitFullName}).
   *
   * @return {given, family}, either may be null
   */
  public static String[] givenAndFamily(String firstName, String lastName, String fullName) {
    String given = name(firstName);
    String family = name(lastName);
    return given == null && family == null ? splitFullName(fullName) : new String[] {given, family};
  }

  /** {@code yyyyMMdd}, or null. */
  public static String birthDate(LocalDate date) {
    return date == null ? null : date.format(BASIC_DATE);
  }

  /**
   * Free text (city, locality, region): lowercase, folded, punctuation to spaces; null if blank.
   */
  public static String text(String raw) {
    String folded = name(raw);
    if (folded == null) {
      return null;
    }
    String words = NOT_WORD.matcher(folded).replaceAll(" ").trim();
    return words.isEmpty() ? null : words;
  }

  /**
   * A street line split into house number and street: {@code "12 Main St."} is {@code 12} and
   * {@code main street}.
   *
   * @return {houseNumber, street}, either may be null
   */
  public static String[] street(String line) {
    String text = text(line);
    if (text == null) {
      return new String[] {null, null};
    }
    String number = null;
    Matcher m = HOUSE_NUMBER.matcher(text);
    if (m.matches()) {
      number = m.group(1);
      text = m.group(2);
    }
    StringBuilder street = new StringBuilder();
    for (String word : text.split(" ")) {
      if (!word.isEmpty()) {
        street
            .append(street.length() == 0 ? "" : " ")
            .append(STREET_TYPES.getOrDefault(word, word));
      }
    }
    return new String[] {number, street.length() == 0 ? null : street.toString()};
  }

  /** A postal code by its country's rules; a US ZIP+4 keeps its five digits. */
  public static String postalCode(String raw, String countryCode) {
    Normalized<String> code = PostalNormalizer.postalCode(raw, countryCode);
    if (!code.valid()) {
      return text(raw);
    }
    String value = code.value();
    return "US".equals(countryCode) && value.length() == 10 ? value.substring(0, 5) : value;
  }

  /** A payment card's last four digits: exactly four digits after trimming, else null. */
  public static String cardLast4(String raw) {
    if (raw == null) {
      return null;
    }
    String digits = raw.strip();
    return FOUR_DIGITS.matcher(digits).matches() ? digits : null;
  }

  /** A region: the US state code, else folded text. */
  public static String region(String raw, String countryCode) {
    Normalized<String> region = PostalNormalizer.region(raw, countryCode);
    return region.valid() ? region.value().toLowerCase(Locale.ROOT) : text(raw);
  }
}
