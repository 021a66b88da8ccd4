package io.opencdp.schemas.normalize;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Reads event timestamps into UTC {@link Instant}s, and the clock checks built on them.
 *
 * <p>Every reader is strict: an impossible date or time (February 30, month 13, hour 24) or a shape
 * other than the documented one is invalid with {@code timestamp_invalid}, never rolled over or
 * guessed; null or blank input is {@code empty}.
 */
public final class TimestampNormalizer {
  private static final long MAX_EPOCH_SECOND = Instant.MAX.getEpochSecond();
  private static final long MIN_EPOCH_SECOND = Instant.MIN.getEpochSecond();
  private static final long NOT_A_NUMBER = Long.MIN_VALUE;

  private TimestampNormalizer() {}

  /**
   * An ISO-8601 date-time with an offset or {@code Z} ({@code 2026-07-14T13:05:22Z}, {@code
   * 2026-07-14T13:05:22.123+02:00}), as Segment and Amazon Connect send them. Seconds and a 1-9
   * digit fraction are optional; the offset may be {@code ±HH:MM}, {@code ±HHMM} or {@code ±HH}. A
   * date-time without an offset is invalid here, since its instant is unknown: read it with {@link
   * #parseLocal} and the zone its source documents.
   */
  public static Normalized<Instant> parseInstant(String raw) {
    String s = trimmed(raw);
    if (s == null) {
      return Normalized.invalid(raw, InvalidReason.EMPTY);
    }
    DateTimeText.DateTime dateTime = DateTimeText.parseIsoDateTime(s);
    if (dateTime == null || dateTime.offset() == null) {
      return Normalized.invalid(raw, InvalidReason.TIMESTAMP_INVALID);
    }
    return Normalized.valid(raw, dateTime.local().toInstant(dateTime.offset()));
  }

  /**
   * A local date-time without a zone, {@code yyyy-MM-dd HH:mm:ss} (a {@code T} separator and a
   * fraction are accepted too), read in {@code zone}: point-of-sale times in the store's zone.
   *
   * <p>Daylight-saving transitions follow {@link ZonedDateTime#of}: a local time in a gap (clocks
   * jump forward, e.g. 02:30 on a US spring-forward night) is shifted forward by the length of the
   * gap (03:30 daylight time); a local time in an overlap (clocks fall back, 01:30 happens twice)
   * takes the earlier offset (the first 01:30, still daylight time). A value with an offset is
   * invalid here; read it with {@link #parseInstant}.
   */
  public static Normalized<Instant> parseLocal(String raw, ZoneId zone) {
    requireNonNull(zone, "zone is null");
    String s = trimmed(raw);
    if (s == null) {
      return Normalized.invalid(raw, InvalidReason.EMPTY);
    }
    DateTimeText.DateTime dateTime = DateTimeText.parseIsoDateTime(s);
    if (dateTime == null || dateTime.offset() != null) {
      return Normalized.invalid(raw, InvalidReason.TIMESTAMP_INVALID);
    }
    return Normalized.valid(raw, ZonedDateTime.of(dateTime.local(), zone).toInstant());
  }

  /**
   * Unix epoch seconds as text ({@code 1784034322}, SendGrid's {@code timestamp}), optionally
   * signed, optionally with a fraction of up to 9 digits ({@code 1784034322.5}).
   */
  public static Normalized<Instant> parseEpochSeconds(String raw) {
    String s = trimmed(raw);
    if (s == null) {
      return Normalized.invalid(raw, InvalidReason.EMPTY);
    }
    int dot = s.indexOf('.');
    String whole = dot < 0 ? s : s.substring(0, dot);
    long seconds = parseLong(whole);
    int nanos = 0;
    if (dot >= 0) {
      String fraction = s.substring(dot + 1);
      int digits = fraction.length();
      nanos = digits >= 1 && digits <= 9 ? DateTimeText.digits(fraction, 0, digits) : -1;
      for (int k = digits; k < 9 && nanos >= 0; k++) {
        nanos *= 10;
      }
    }
    if (seconds == NOT_A_NUMBER
        || nanos < 0
        || seconds > MAX_EPOCH_SECOND
        || seconds < MIN_EPOCH_SECOND) {
      return Normalized.invalid(raw, InvalidReason.TIMESTAMP_INVALID);
    }
    boolean negative = whole.startsWith("-");
    Instant instant =
        negative && nanos > 0
            ? Instant.ofEpochSecond(seconds, -nanos)
            : Instant.ofEpochSecond(seconds, nanos);
    return Normalized.valid(raw, instant);
  }

  /** Unix epoch milliseconds as text ({@code 1784034322123}), optionally signed. */
  public static Normalized<Instant> parseEpochMillis(String raw) {
    String s = trimmed(raw);
    if (s == null) {
      return Normalized.invalid(raw, InvalidReason.EMPTY);
    }
    long millis = parseLong(s);
    return millis == NOT_A_NUMBER
        ? Normalized.invalid(raw, InvalidReason.TIMESTAMP_INVALID)
        : Normalized.valid(raw, Instant.ofEpochMilli(millis));
  }

  /**
   * Unix epoch seconds as a number (a JSON integer); invalid only beyond {@link Instant}'s range.
   */
  public static Normalized<Instant> fromEpochSeconds(long seconds) {
    String raw = Long.toString(seconds);
    return seconds > MAX_EPOCH_SECOND || seconds < MIN_EPOCH_SECOND
        ? Normalized.invalid(raw, InvalidReason.TIMESTAMP_INVALID)
        : Normalized.valid(raw, Instant.ofEpochSecond(seconds));
  }

  /** Unix epoch milliseconds as a number (a JSON integer); always valid. */
  public static Normalized<Instant> fromEpochMillis(long millis) {
    return Normalized.valid(Long.toString(millis), Instant.ofEpochMilli(millis));
  }

  /**
   * Segment's clock-skew correction: when the device clock is wrong, {@code timestamp} and {@code
   * sentAt} (both device clock) are off by the same amount, so {@code receivedAt - (sentAt -
   * timestamp)} places the event on the server clock. Returns {@code timestamp} unchanged (possibly
   * null) when any of the three is missing.
   *
   * <p>Example: the device clock is 2 hours behind; it records the event at 10:00:00 and sends it
   * at 10:00:05; the server receives it at 12:00:06. The corrected time is 12:00:06 - 5 s =
   * 12:00:01.
   */
  public static Instant correctedTimestamp(Instant timestamp, Instant sentAt, Instant receivedAt) {
    if (timestamp == null || sentAt == null || receivedAt == null) {
      return timestamp;
    }
    return receivedAt.minus(Duration.between(timestamp, sentAt));
  }

  /**
   * Whether {@code t} is later than {@code now} by more than {@code tolerance}; a timestamp exactly
   * at the tolerance is not in the future.
   *
   * @throws IllegalArgumentException naming the value when {@code tolerance} is negative
   */
  public static boolean isInFuture(Instant t, Instant now, Duration tolerance) {
    requireNonNull(t, "t is null");
    requireNonNull(now, "now is null");
    requireNonNull(tolerance, "tolerance is null");
    if (tolerance.isNegative()) {
      throw new IllegalArgumentException("tolerance must not be negative, got " + tolerance);
    }
    return t.isAfter(now.plus(tolerance));
  }

  private static String trimmed(String raw) {
    if (raw == null) {
      return null;
    }
    String s = Text.trim(raw);
    return s.isEmpty() ? null : s;
  }

  /**
   * An optionally signed decimal of 1-18 digits, else {@link #NOT_A_NUMBER}; 18 digits always fit
   * in a long and never reach {@link Long#MIN_VALUE}.
   */
  private static long parseLong(String s) {
    int start = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
    int digits = s.length() - start;
    if (digits < 1 || digits > 18) {
      return NOT_A_NUMBER;
    }
    long value = 0;
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!DateTimeText.isDigit(c)) {
        return NOT_A_NUMBER;
      }
      value = value * 10 + (c - '0');
    }
    return s.charAt(0) == '-' ? -value : value;
  }
}
