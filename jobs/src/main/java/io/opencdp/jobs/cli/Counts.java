package io.opencdp.jobs.cli;

import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.util.Locale;

/** Parses counts such as {@code 2000}, {@code 100k} or {@code 1M} as people type them. */
public final class Counts {
  private Counts() {}

  public static long parse(String option, String text) {
    String value = text.strip().toLowerCase(Locale.ROOT).replace("_", "").replace(",", "");
    long multiplier = 1;
    if (value.endsWith("k")) {
      multiplier = 1_000;
      value = value.substring(0, value.length() - 1);
    } else if (value.endsWith("m")) {
      multiplier = 1_000_000;
      value = value.substring(0, value.length() - 1);
    }
    try {
      long count = Math.multiplyExact(Long.parseLong(value), multiplier);
      if (count <= 0) {
        throw new NumberFormatException();
      }
      return count;
    } catch (NumberFormatException | ArithmeticException e) {
      throw new CdpException(
          ErrorCode.BAD_ARGUMENT,
          option + " must be a positive count such as 2000, 100k or 1M, got '" + text + "'");
    }
  }

  /** The short form used in file names and reports: 100000 -> 100k. */
  public static String label(long count) {
    if (count % 1_000_000 == 0) {
      return count / 1_000_000 + "M";
    }
    if (count % 1_000 == 0) {
      return count / 1_000 + "k";
    }
    return Long.toString(count);
  }
}
