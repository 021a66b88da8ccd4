package io.opencdp.ingest.generator;

import io.opencdp.schemas.config.NoiseRates;
import java.util.Locale;
import java.util.SplittableRandom;

/** Applies field-level noise at the configured rates and counts what it did into a tally array. */
final class Noise {
  static final String[] JUNK_EMAILS = {
    "test@test.com", "none@none.com", "noemail@noemail.com", "n/a", "unknown"
  };
  static final String[] JUNK_PHONES = {"0000000000", "1234567890", "9999999999", "n/a", "unknown"};

  private final NoiseRates rates;

  Noise(NoiseRates rates) {
    this.rates = rates;
  }

  NoiseRates rates() {
    return rates;
  }

  /** A first name as written: the truth, a nickname, or a typo. */
  String firstName(SplittableRandom r, String truth, byte[] t) {
    if (Names.hasNickname(truth) && Rand.chance(r, rates.nickname())) {
      t[Tally.NICKNAME.ordinal()]++;
      return Rand.pick(r, Names.nicknames(truth));
    }
    return lastName(r, truth, t);
  }

  /** A name as written: the truth or a typo. */
  String lastName(SplittableRandom r, String truth, byte[] t) {
    if (Rand.chance(r, rates.nameTypo())) {
      t[Tally.NAME_TYPO.ordinal()]++;
      return Names.typo(r, truth);
    }
    return truth;
  }

  /** A first name that certainly differs (for a duplicate account): a nickname or a typo. */
  String differentFirstName(SplittableRandom r, String truth, byte[] t) {
    if (Names.hasNickname(truth)) {
      t[Tally.NICKNAME.ordinal()]++;
      return Rand.pick(r, Names.nicknames(truth));
    }
    t[Tally.NAME_TYPO.ordinal()]++;
    return Names.typo(r, truth);
  }

  String email(SplittableRandom r, String truth, byte[] t) {
    if (Rand.chance(r, rates.junkValue())) {
      t[Tally.JUNK_VALUE.ordinal()]++;
      return Rand.pick(r, JUNK_EMAILS);
    }
    if (Rand.chance(r, rates.emailFormat())) {
      t[Tally.EMAIL_FORMAT.ordinal()]++;
      return Emails.variant(r, truth);
    }
    return truth;
  }

  String phone(SplittableRandom r, String e164, byte[] t) {
    if (Rand.chance(r, rates.junkValue())) {
      t[Tally.JUNK_VALUE.ordinal()]++;
      return Rand.pick(r, JUNK_PHONES);
    }
    if (Rand.chance(r, rates.phoneFormat())) {
      t[Tally.PHONE_FORMAT.ordinal()]++;
      return Phones.variant(r, e164);
    }
    return e164;
  }

  /** Whether an optional identifying field is left out (counted when it is). */
  boolean missing(SplittableRandom r, byte[] t) {
    if (Rand.chance(r, rates.missingField())) {
      t[Tally.MISSING_FIELD.ordinal()]++;
      return true;
    }
    return false;
  }

  /**
   * The malformation of a record, or null for a well-formed one; {@code kinds} are the channel's.
   */
  Malformation malformation(SplittableRandom r, Malformation... kinds) {
    if (Rand.chance(r, rates.malformed())) {
      return kinds[r.nextInt(kinds.length)];
    }
    return null;
  }

  static String upper(String s) {
    return s.toUpperCase(Locale.ROOT);
  }

  /** Cuts a JSON line so that it no longer parses (the closing brace is always lost). */
  static String truncate(SplittableRandom r, String line) {
    int min = Math.max(1, line.length() / 3);
    int cut = min + r.nextInt(Math.max(1, line.length() - 1 - min));
    String s = line.substring(0, cut);
    // a cut right after a backslash would leave a dangling escape; keep it simple and drop it
    while (s.endsWith("\\")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  /** Turns {@code yyyy-mm-dd...} into an impossible date: Feb 30 or month 13. */
  static String impossibleDate(SplittableRandom r, String iso) {
    String bad = r.nextBoolean() ? "-02-30" : "-13-" + iso.substring(8, 10);
    return iso.substring(0, 4) + bad + iso.substring(10);
  }
}
