package io.opencdp.ingest.generator;

/**
 * Allocation-free formatting of epoch milliseconds as ISO-8601 UTC and as month keys; the civil
 * date comes from Howard Hinnant's days-to-civil algorithm.
 */
final class Times {
  static final long SECOND = 1000L;
  static final long MINUTE = 60 * SECOND;
  static final long HOUR = 60 * MINUTE;
  static final long DAY = 24 * HOUR;

  private Times() {}

  /** {@code yyyy * 100 + mm} of the UTC date of the instant (or of a local epoch value). */
  static int month(long epochMs) {
    long days = Math.floorDiv(epochMs, DAY);
    long civil = civil(days);
    return (int) (civil / 100);
  }

  /** {@code yyyymmdd} of an epoch day. */
  static long civil(long epochDay) {
    long z = epochDay + 719468;
    long era = Math.floorDiv(z, 146097);
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2) {
      y++;
    }
    return y * 10000 + m * 100 + d;
  }

  static String monthName(int month) {
    return (month / 100) + "-" + two(month % 100);
  }

  /** {@code 2026-07-14T13:05:22.123Z} */
  static void isoMillis(StringBuilder sb, long epochMs) {
    date(sb, epochMs);
    sb.append('T');
    time(sb, epochMs);
    sb.append('.');
    int ms = (int) Math.floorMod(epochMs, SECOND);
    if (ms < 100) {
      sb.append('0');
    }
    if (ms < 10) {
      sb.append('0');
    }
    sb.append(ms).append('Z');
  }

  /** {@code 2026-07-14T13:05:22Z} */
  static void isoSeconds(StringBuilder sb, long epochMs) {
    date(sb, epochMs);
    sb.append('T');
    time(sb, epochMs);
    sb.append('Z');
  }

  /** {@code 2026-07-14 13:05:22} of a local epoch value (epoch ms shifted by the zone offset). */
  static void localDateTime(StringBuilder sb, long localEpochMs) {
    date(sb, localEpochMs);
    sb.append(' ');
    time(sb, localEpochMs);
  }

  /** {@code 1985-03-02} of an epoch day. */
  static void isoDate(StringBuilder sb, long epochDay) {
    long c = civil(epochDay);
    sb.append(c / 10000).append('-');
    pad2(sb, (int) (c / 100 % 100));
    sb.append('-');
    pad2(sb, (int) (c % 100));
  }

  static String isoDate(long epochDay) {
    StringBuilder sb = new StringBuilder(10);
    isoDate(sb, epochDay);
    return sb.toString();
  }

  private static void date(StringBuilder sb, long epochMs) {
    isoDate(sb, Math.floorDiv(epochMs, DAY));
  }

  private static void time(StringBuilder sb, long epochMs) {
    int secOfDay = (int) (Math.floorMod(epochMs, DAY) / SECOND);
    pad2(sb, secOfDay / 3600);
    sb.append(':');
    pad2(sb, secOfDay / 60 % 60);
    sb.append(':');
    pad2(sb, secOfDay % 60);
  }

  private static void pad2(StringBuilder sb, int v) {
    if (v < 10) {
      sb.append('0');
    }
    sb.append(v);
  }

  private static String two(int v) {
    return v < 10 ? "0" + v : Integer.toString(v);
  }
}
