package io.opencdp.ingest.generator;

import java.util.SplittableRandom;

/** Seed derivation and small random helpers; every draw comes from a seeded SplittableRandom. */
final class Rand {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final char[] ALNUM =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private static final char[] BASE64URL =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();

  static final long PERSON = 0x5045_5253_4f4eL;
  static final long HOUSEHOLD = 0x484f_5553_4548L;
  static final long STORE = 0x5354_4f52_4500L;
  static final long GLOBAL = 0x474c_4f42_414cL;
  static final long CONSENT = 0x434f_4e53_4e54L;

  private Rand() {}

  /** The splitmix64 finalizer: a good 64-bit mix. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** An independent stream for one entity (a person, household, store) of one generation. */
  static SplittableRandom stream(long seed, long salt, long index) {
    return new SplittableRandom(mix(mix(seed ^ salt) + index * 0x9E3779B97F4A7C15L));
  }

  static boolean chance(SplittableRandom r, double p) {
    return p > 0 && r.nextDouble() < p;
  }

  static int between(SplittableRandom r, int lo, int hiInclusive) {
    return lo + r.nextInt(hiInclusive - lo + 1);
  }

  static long between(SplittableRandom r, long lo, long hiInclusive) {
    return lo + r.nextLong(hiInclusive - lo + 1);
  }

  static <T> T pick(SplittableRandom r, T[] values) {
    return values[r.nextInt(values.length)];
  }

  static String pick(SplittableRandom r, String[] values) {
    return values[r.nextInt(values.length)];
  }

  /** Poisson draw; Knuth's method for small means, a rounded normal approximation above 30. */
  static int poisson(SplittableRandom r, double mean) {
    if (mean <= 0) {
      return 0;
    }
    if (mean > 30) {
      double g = gaussian(r);
      return (int) Math.max(0, Math.round(mean + g * Math.sqrt(mean)));
    }
    double limit = Math.exp(-mean);
    double p = 1.0;
    int k = 0;
    do {
      k++;
      p *= r.nextDouble();
    } while (p > limit);
    return k - 1;
  }

  static double gaussian(SplittableRandom r) {
    double u1 = 1.0 - r.nextDouble();
    double u2 = r.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** A version-4 UUID made from the seeded stream (never UUID.randomUUID). */
  static String uuid(SplittableRandom r) {
    long hi = (r.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
    long lo = (r.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
    char[] out = new char[36];
    int p = 0;
    for (int i = 15; i >= 0; i--) {
      out[p++] = HEX[(int) (hi >>> (i * 4)) & 0xf];
      if (p == 8 || p == 13) {
        out[p++] = '-';
      }
    }
    out[p++] = '-';
    for (int i = 15; i >= 0; i--) {
      out[p++] = HEX[(int) (lo >>> (i * 4)) & 0xf];
      if (p == 23) {
        out[p++] = '-';
      }
    }
    return new String(out);
  }

  static String hex(SplittableRandom r, int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = HEX[r.nextInt(16)];
    }
    return new String(out);
  }

  static String alnum(SplittableRandom r, int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = ALNUM[r.nextInt(ALNUM.length)];
    }
    return new String(out);
  }

  static String base64url(SplittableRandom r, int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = BASE64URL[r.nextInt(64)];
    }
    return new String(out);
  }

  static String digits(SplittableRandom r, int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = (char) ('0' + r.nextInt(10));
    }
    return new String(out);
  }

  /**
   * A bijection of [0, modulus) used to turn a person index into a unique but unordered number
   * (customer id, phone line): {@code (index * multiplier + offset) mod modulus}; the multiplier
   * must be coprime to the modulus.
   */
  static long permute(long index, long multiplier, long offset, long modulus) {
    return Math.floorMod(Math.floorMod(index, modulus) * multiplier + offset, modulus);
  }
}
