package io.opencdp.ingest.generator;

import java.util.SplittableRandom;

/**
 * Phone numbers: unique per person (a bijection of the person index into the number space, so two
 * persons never share one by chance) in E.164, and the formatting variants people and systems type.
 */
final class Phones {
  /** US exchanges 200-999 without 555, which is kept for stores and the contact center. */
  private static final int EXCHANGES = 799;

  private static final long SPACE = EXCHANGES * 10_000L;
  private static final long MULTIPLIER = 1_000_003L;
  private static final String[] DE_PREFIXES = {"151", "152", "157", "159", "160", "170", "176"};

  private Phones() {}

  /** The person's own phone in E.164, unique for up to ~8 million persons. */
  static String personal(long seed, long index, Places.City city, SplittableRandom r) {
    long v = Rand.permute(index, MULTIPLIER, Math.floorMod(Rand.mix(seed), SPACE), SPACE);
    return switch (city.country()) {
      case "GB" -> "+447" + (400_000_000 + v);
      case "DE" -> "+49" + Rand.pick(r, DE_PREFIXES) + pad(v, 8);
      default -> {
        int exchange = 200 + (int) (v / 10_000);
        if (exchange >= 555) {
          exchange++;
        }
        yield "+1" + Rand.pick(r, city.areaCodes()) + exchange + pad(v % 10_000, 4);
      }
    };
  }

  /** A store's own number: exchange 555, which no person has. */
  static String store(String areaCode, int storeNumber) {
    return "+1" + areaCode + "555" + pad(1000 + storeNumber, 4);
  }

  /** A formatting variant that is not E.164 itself but denotes the same number. */
  static String variant(SplittableRandom r, String e164) {
    if (e164.startsWith("+1")) {
      String a = e164.substring(2, 5);
      String e = e164.substring(5, 8);
      String l = e164.substring(8);
      return switch (r.nextInt(6)) {
        case 0 -> "(" + a + ") " + e + "-" + l;
        case 1 -> a + "." + e + "." + l;
        case 2 -> "+1 " + a + " " + e + " " + l;
        case 3 -> a + e + l;
        case 4 -> a + "-" + e + "-" + l;
        default -> "1-" + a + "-" + e + "-" + l;
      };
    }
    if (e164.startsWith("+44")) {
      String n = e164.substring(3);
      String head = n.substring(0, 4);
      String tail = n.substring(4);
      return switch (r.nextInt(4)) {
        case 0 -> "+44 " + head + " " + tail;
        case 1 -> "0" + head + " " + tail;
        case 2 -> "0" + n;
        default -> "0044 " + head + " " + tail;
      };
    }
    String n = e164.substring(3);
    String head = n.substring(0, 3);
    String tail = n.substring(3);
    return switch (r.nextInt(5)) {
      case 0 -> "+49 " + head + " " + tail;
      case 1 -> "0" + head + " " + tail;
      case 2 -> "0" + head + "/" + tail;
      case 3 -> "+49 (0)" + head + " " + tail;
      default -> "0049 " + head + " " + tail;
    };
  }

  /** How a cashier types a US store number: always the same way for one store. */
  static String typedByCashier(String e164) {
    return "(" + e164.substring(2, 5) + ") " + e164.substring(5, 8) + "-" + e164.substring(8);
  }

  private static String pad(long v, int width) {
    String s = Long.toString(v);
    return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
  }
}
