package io.opencdp.schemas.normalize;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Normalizes a country to its ISO 3166-1 alpha-2 code, upper case. Accepts alpha-2 codes ({@code
 * us}), alpha-3 codes ({@code USA}, {@code DEU}), English names ({@code United States}, {@code
 * Germany}) in any case and with or without diacritics or dots ({@code U.S.A.}), and a small table
 * of common aliases ({@code UK}, {@code England}, {@code Deutschland}, {@code Holland}).
 *
 * <p>Codes and English names come from the JDK's ISO 3166 tables, so the table needs no upkeep.
 */
public final class CountryNormalizer {
  private static final Set<String> ALPHA2 = Set.of(Locale.getISOCountries());
  private static final Map<String, String> BY_KEY = buildTable();

  private CountryNormalizer() {}

  public static Normalized<String> normalize(String raw) {
    String code = toAlpha2(raw);
    if (code != null) {
      return Normalized.valid(raw, code);
    }
    return raw == null || Text.clean(raw).isEmpty()
        ? Normalized.invalid(raw, InvalidReason.EMPTY)
        : Normalized.invalid(raw, InvalidReason.COUNTRY_UNKNOWN);
  }

  /** The alpha-2 code for {@code raw}, or null when it is empty or unknown. */
  static String toAlpha2(String raw) {
    if (raw == null) {
      return null;
    }
    String s = Text.trim(raw);
    if (s.length() == 2 && isAsciiLetter(s.charAt(0)) && isAsciiLetter(s.charAt(1))) {
      String upper = s.toUpperCase(Locale.ROOT);
      if (ALPHA2.contains(upper)) {
        return upper;
      }
    }
    return BY_KEY.get(key(s));
  }

  /** Lowercase, no diacritics, no dots, single spaces: {@code "U.S.A."} and {@code "usa"} meet. */
  static String key(String s) {
    String cleaned = Text.clean(s).toLowerCase(Locale.ROOT);
    String folded = Text.foldDiacritics(cleaned);
    if (folded.indexOf('.') >= 0) {
      folded = Text.collapseWhitespace(folded.replace(".", ""));
    }
    return folded;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static Map<String, String> buildTable() {
    Map<String, String> table = new HashMap<>();
    for (String alpha2 : ALPHA2) {
      Locale locale = new Locale.Builder().setRegion(alpha2).build();
      table.put(alpha2.toLowerCase(Locale.ROOT), alpha2);
      table.put(locale.getISO3Country().toLowerCase(Locale.ROOT), alpha2);
      table.put(key(locale.getDisplayCountry(Locale.ENGLISH)), alpha2);
    }
    String[][] aliases = {
      {"uk", "GB"},
      {"great britain", "GB"},
      {"britain", "GB"},
      {"england", "GB"},
      {"scotland", "GB"},
      {"wales", "GB"},
      {"northern ireland", "GB"},
      {"united states of america", "US"},
      {"the united states", "US"},
      {"deutschland", "DE"},
      {"federal republic of germany", "DE"},
      {"holland", "NL"},
      {"the netherlands", "NL"},
      {"osterreich", "AT"},
      {"schweiz", "CH"},
      {"suisse", "CH"},
      {"espana", "ES"},
      {"italia", "IT"},
      {"south korea", "KR"},
      {"republic of korea", "KR"},
      {"russian federation", "RU"},
      {"czech republic", "CZ"},
      {"turkey", "TR"},
      {"turkiye", "TR"},
      {"ivory coast", "CI"},
      {"viet nam", "VN"},
      {"uae", "AE"},
      {"hong kong", "HK"},
      {"macau", "MO"},
    };
    for (String[] alias : aliases) {
      table.put(alias[0], alias[1]);
    }
    return Map.copyOf(table);
  }
}
