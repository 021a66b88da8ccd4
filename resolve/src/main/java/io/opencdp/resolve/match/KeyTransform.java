package io.opencdp.resolve.match;

import java.util.Locale;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.codec.language.Soundex;

/**
 * How a field's value becomes part of a blocking key. Phonetic codes put "catherine" and "kathryn"
 * in one block; prefixes and suffixes survive a typo at the other end.
 */
public enum KeyTransform {
  /** The value itself. */
  VALUE,
  /** Double Metaphone primary code of the letters. */
  METAPHONE,
  /** American Soundex code of the letters. */
  SOUNDEX,
  /** The first character. */
  INITIAL,
  /** The first three characters. */
  FIRST_3,
  /** The last four characters (house numbers, the day and month of a date). */
  LAST_4,
  /** The last seven characters (a phone number without its area code). */
  LAST_7,
  /** The first four characters (the year of a {@code yyyyMMdd} date). */
  FIRST_4;

  private static final DoubleMetaphone DOUBLE_METAPHONE = new DoubleMetaphone();
  private static final Soundex SOUNDEX_CODER = Soundex.US_ENGLISH;

  /** The key part, or null when the value cannot give one (then the record is not in the block). */
  String apply(String value) {
    if (value == null) {
      return null;
    }
    String key =
        switch (this) {
          case VALUE -> value;
          case METAPHONE -> DOUBLE_METAPHONE.doubleMetaphone(letters(value));
          case SOUNDEX -> soundex(letters(value));
          case INITIAL -> value.substring(0, 1);
          case FIRST_3 -> value.length() >= 3 ? value.substring(0, 3) : null;
          case FIRST_4 -> value.length() >= 4 ? value.substring(0, 4) : null;
          case LAST_4 -> value.length() >= 4 ? value.substring(value.length() - 4) : null;
          case LAST_7 -> value.length() >= 7 ? value.substring(value.length() - 7) : null;
        };
    return key == null || key.isEmpty() ? null : key;
  }

  private static String soundex(String letters) {
    try {
      return SOUNDEX_CODER.soundex(letters);
    } catch (IllegalArgumentException e) {
      return null; // a character Soundex cannot map: no phonetic block for this value
    }
  }

  private static String letters(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The name used in config files. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The transform with this config name; fails naming the value. */
  public static KeyTransform fromWireName(String name) {
    for (KeyTransform t : values()) {
      if (t.wireName().equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown blocking transform '"
            + name
            + "'; expected one of value, metaphone, soundex, initial, first_3, first_4, last_4,"
            + " last_7");
  }
}
