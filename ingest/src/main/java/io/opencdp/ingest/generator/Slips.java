package io.opencdp.ingest.generator;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Febrl-style corruption of a duplicate record: one to three slips (50%, 35%, 15%), each of a kind
 * drawn by weight: a nickname or typo in the given name, a typo in the family name, street or
 * email, a digit changed or two neighbours swapped in the birth date, day and month swapped, a
 * slipped digit in the phone, postal code or house number, or a field left out.
 */
final class Slips {
  static final int GIVEN = 0;
  static final int FAMILY = 1;
  static final int BIRTH = 2;
  static final int STREET = 3;
  static final int CITY = 4;
  static final int POSTAL = 5;
  static final int REGION = 6;
  static final int PHONE = 7;
  static final int EMAIL = 8;
  static final int COUNTRY = 9;
  static final int FIELDS = 10;

  private enum Kind {
    GIVEN_NAME(3),
    FAMILY_NAME(3),
    DATE_DIGIT(2),
    DATE_SWAP(1),
    DAY_MONTH(1),
    PHONE_DIGIT(2),
    POSTAL_DIGIT(1),
    STREET_TYPO(1),
    HOUSE_NUMBER_DIGIT(1),
    EMAIL_TYPO(1),
    MISSING(3);

    final int weight;

    Kind(int weight) {
      this.weight = weight;
    }
  }

  private static final Kind[] KINDS = Kind.values();
  private static final int TOTAL_WEIGHT;
  private static final int[] MISSABLE = {BIRTH, STREET, CITY, POSTAL, PHONE, EMAIL};

  static {
    int total = 0;
    for (Kind kind : KINDS) {
      total += kind.weight;
    }
    TOTAL_WEIGHT = total;
  }

  private Slips() {}

  /** Applies one to three slips to {@code values} (indexed by the constants above) in place. */
  static void apply(SplittableRandom r, String[] values) {
    int x = r.nextInt(100);
    int slips = x < 50 ? 1 : x < 85 ? 2 : 3;
    for (int s = 0; s < slips; s++) {
      // a slip of an absent field is no slip: draw again
      for (int attempt = 0; attempt < 10 && !slip(r, kind(r), values); attempt++) {}
    }
  }

  private static Kind kind(SplittableRandom r) {
    int x = r.nextInt(TOTAL_WEIGHT);
    for (Kind kind : KINDS) {
      x -= kind.weight;
      if (x < 0) {
        return kind;
      }
    }
    return KINDS[KINDS.length - 1];
  }

  private static boolean slip(SplittableRandom r, Kind kind, String[] v) {
    switch (kind) {
      case GIVEN_NAME -> {
        String given = v[GIVEN];
        v[GIVEN] =
            Names.hasNickname(given) && r.nextBoolean()
                ? Rand.pick(r, Names.nicknames(given))
                : Names.typo(r, given);
        return true;
      }
      case FAMILY_NAME -> {
        v[FAMILY] = Names.typo(r, v[FAMILY]);
        return true;
      }
      case DATE_DIGIT -> {
        return v[BIRTH] != null && set(v, BIRTH, changeDigit(r, v[BIRTH], 2));
      }
      case DATE_SWAP -> {
        return v[BIRTH] != null && set(v, BIRTH, swapDigits(r, v[BIRTH], 2));
      }
      case DAY_MONTH -> {
        String d = v[BIRTH];
        if (d == null || d.length() != 8) {
          return false;
        }
        String month = d.substring(4, 6);
        String day = d.substring(6, 8);
        if (day.equals(month) || Integer.parseInt(day) > 12) {
          return false;
        }
        v[BIRTH] = d.substring(0, 4) + day + month;
        return true;
      }
      case PHONE_DIGIT -> {
        String phone = v[PHONE];
        if (phone == null) {
          return false;
        }
        int from = phone.startsWith("+1") ? 2 : 3;
        return set(
            v, PHONE, r.nextBoolean() ? changeDigit(r, phone, from) : swapDigits(r, phone, from));
      }
      case POSTAL_DIGIT -> {
        return v[POSTAL] != null && set(v, POSTAL, changeDigit(r, v[POSTAL], 0));
      }
      case STREET_TYPO -> {
        String line = v[STREET];
        if (line == null) {
          return false;
        }
        int space = line.indexOf(' ');
        // the street's name, not its leading house number
        v[STREET] =
            Character.isDigit(line.charAt(0)) && space > 0
                ? line.substring(0, space + 1) + Names.typo(r, line.substring(space + 1))
                : Names.typo(r, line);
        return true;
      }
      case HOUSE_NUMBER_DIGIT -> {
        return v[STREET] != null && set(v, STREET, changeDigit(r, v[STREET], 0));
      }
      case EMAIL_TYPO -> {
        String email = v[EMAIL];
        if (email == null) {
          return false;
        }
        int at = email.indexOf('@');
        v[EMAIL] = Names.typo(r, email.substring(0, at)) + email.substring(at);
        return true;
      }
      default -> {
        int field = MISSABLE[r.nextInt(MISSABLE.length)];
        return v[field] != null && set(v, field, null);
      }
    }
  }

  /** Sets the field; false (nothing slipped) when the value is the one it had. */
  private static boolean set(String[] v, int field, String value) {
    if (Objects.equals(v[field], value)) {
      return false;
    }
    v[field] = value;
    return true;
  }

  /** One digit at or after {@code from} replaced by another; the input if it has none. */
  static String changeDigit(SplittableRandom r, String s, int from) {
    int digits = 0;
    for (int i = from; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) {
        digits++;
      }
    }
    if (digits == 0) {
      return s;
    }
    int target = r.nextInt(digits);
    char[] c = s.toCharArray();
    for (int i = from; i < c.length; i++) {
      if (Character.isDigit(c[i]) && target-- == 0) {
        c[i] = (char) ('0' + (c[i] - '0' + 1 + r.nextInt(9)) % 10);
        break;
      }
    }
    return new String(c);
  }

  /** Two neighbouring different digits at or after {@code from} swapped; else one changed. */
  static String swapDigits(SplittableRandom r, String s, int from) {
    char[] c = s.toCharArray();
    for (int attempt = 0; attempt < 8 && c.length - from >= 2; attempt++) {
      int i = from + r.nextInt(c.length - from - 1);
      if (Character.isDigit(c[i]) && Character.isDigit(c[i + 1]) && c[i] != c[i + 1]) {
        char t = c[i];
        c[i] = c[i + 1];
        c[i + 1] = t;
        return new String(c);
      }
    }
    return changeDigit(r, s, from);
  }
}
