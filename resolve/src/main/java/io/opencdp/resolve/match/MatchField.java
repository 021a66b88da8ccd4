package io.opencdp.resolve.match;

import java.util.Locale;

/**
 * The person attributes probabilistic matching compares. A fixed set, so a model file and a
 * comparison vector mean the same thing everywhere; a data set that lacks a field leaves it empty,
 * and an empty field neither helps nor hurts a pair.
 */
public enum MatchField {
  GIVEN_NAME,
  FAMILY_NAME,
  BIRTH_DATE,
  HOUSE_NUMBER,
  STREET,
  LOCALITY,
  CITY,
  POSTAL_CODE,
  REGION,
  PHONE,
  EMAIL,
  /** The last four digits of a payment card (a store's receipt keeps them); never an identifier. */
  CARD_LAST4;

  private static final MatchField[] ALL = values();

  /** The name used in config and model files, e.g. {@code given_name}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The field with this config name; fails naming the value and the accepted ones. */
  public static MatchField fromWireName(String name) {
    for (MatchField field : ALL) {
      if (field.wireName().equals(name)) {
        return field;
      }
    }
    throw new IllegalArgumentException(
        "unknown match field '"
            + name
            + "'; expected one of "
            + java.util.Arrays.toString(wireNames()));
  }

  static String[] wireNames() {
    String[] names = new String[ALL.length];
    for (int i = 0; i < ALL.length; i++) {
      names[i] = ALL[i].wireName();
    }
    return names;
  }

  static int count() {
    return ALL.length;
  }

  static MatchField at(int ordinal) {
    return ALL[ordinal];
  }
}
