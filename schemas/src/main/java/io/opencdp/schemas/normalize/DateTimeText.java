package io.opencdp.schemas.normalize;

import java.time.LocalDateTime;
import java.time.Year;
import java.time.ZoneOffset;

/**
 * Strict hand-written readers for the date and date-time shapes the normalizers accept. They never
 * resolve leniently (February 30 and month 13 are rejected, not rolled over) and signal failure by
 * returning null, so invalid input costs no exception.
 */
final class DateTimeText {
  /** The parts of an ISO-8601 date-time; {@code offset} is null when the text has none. */
  record DateTime(LocalDateTime local, ZoneOffset offset) {}

  private static final int MAX_OFFSET_SECONDS = 18 * 3600;

  private DateTimeText() {}

  /**
   * Reads {@code yyyy-MM-dd'T'HH:mm[:ss[.fraction]][offset]}, where the separator may also be a
   * space or a lowercase {@code t}, the fraction has 1-9 digits after a dot or comma, and the
   * offset is {@code Z}, {@code ±HH:MM}, {@code ±HHMM} or {@code ±HH}. Returns null when {@code s}
   * is not in that shape or names an impossible date or time.
   */
  static DateTime parseIsoDateTime(String s) {
    int n = s.length();
    if (n < 16 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(13) != ':') {
      return null;
    }
    char separator = s.charAt(10);
    if (separator != 'T' && separator != 't' && separator != ' ') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    if (year < 0 || !isValidDate(year, month, day) || hour < 0 || hour > 23) {
      return null;
    }
    if (minute < 0 || minute > 59) {
      return null;
    }
    int second = 0;
    int nano = 0;
    int i = 16;
    if (i < n && s.charAt(i) == ':') {
      second = digits(s, i + 1, 2);
      if (second < 0 || second > 59) {
        return null;
      }
      i += 3;
      if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
        int start = ++i;
        while (i < n && isDigit(s.charAt(i)) && i - start < 9) {
          nano = nano * 10 + (s.charAt(i) - '0');
          i++;
        }
        int fractionDigits = i - start;
        if (fractionDigits == 0 || (i < n && isDigit(s.charAt(i)))) {
          return null;
        }
        for (int k = fractionDigits; k < 9; k++) {
          nano *= 10;
        }
      }
    }
    LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nano);
    if (i == n) {
      return new DateTime(local, null);
    }
    ZoneOffset offset = parseOffset(s, i);
    return offset == null ? null : new DateTime(local, offset);
  }

  private static ZoneOffset parseOffset(String s, int i) {
    int n = s.length();
    char sign = s.charAt(i);
    if ((sign == 'Z' || sign == 'z') && i + 1 == n) {
      return ZoneOffset.UTC;
    }
    if (sign != '+' && sign != '-') {
      return null;
    }
    int rest = n - i - 1;
    int hours = digits(s, i + 1, 2);
    int minutes;
    if (rest == 2) {
      minutes = 0;
    } else if (rest == 4) {
      minutes = digits(s, i + 3, 2);
    } else if (rest == 5 && s.charAt(i + 3) == ':') {
      minutes = digits(s, i + 4, 2);
    } else {
      return null;
    }
    if (hours < 0 || minutes < 0 || minutes > 59) {
      return null;
    }
    int total = hours * 3600 + minutes * 60;
    if (total > MAX_OFFSET_SECONDS) {
      return null;
    }
    return ZoneOffset.ofTotalSeconds(sign == '-' ? -total : total);
  }

  /**
   * The value of {@code count} ASCII digits at {@code from}, or -1 if any is missing or not one.
   */
  static int digits(String s, int from, int count) {
    if (from < 0 || from + count > s.length()) {
      return -1;
    }
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Whether the proleptic ISO date exists; month and day may be -1 (not digits). */
  static boolean isValidDate(int year, int month, int day) {
    if (month < 1 || month > 12 || day < 1) {
      return false;
    }
    return day <= lengthOfMonth(year, month);
  }

  private static int lengthOfMonth(int year, int month) {
    return switch (month) {
      case 2 -> Year.isLeap(year) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }
}
