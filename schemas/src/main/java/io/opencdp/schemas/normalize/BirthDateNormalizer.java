package io.opencdp.schemas.normalize;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Reads birth dates into a plain {@link LocalDate} (never an instant: a birthday has no time zone).
 *
 * <p>Accepted formats: {@code yyyy-MM-dd}, {@code yyyyMMdd} and the US {@code MM/dd/yyyy} (month
 * and day may have one digit, the year must have four: a two-digit year is not expanded). Anything
 * else is {@code date_syntax}; a date that does not exist ({@code 1990-02-30}, month 13) is {@code
 * date_impossible}; a real date after today or before {@link #EARLIEST} is {@code
 * date_out_of_range}. Thread-safe.
 */
public final class BirthDateNormalizer {
  /** The earliest accepted birth date. */
  public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

  private final Clock clock;

  /** Judges "the future" by today's date in UTC. */
  public BirthDateNormalizer() {
    this(Clock.systemUTC());
  }

  /** Judges "the future" by today's date on {@code clock} (a fixed clock in tests). */
  public BirthDateNormalizer(Clock clock) {
    this.clock = requireNonNull(clock, "clock is null");
  }

  public Normalized<LocalDate> normalize(String raw) {
    if (raw == null) {
      return Normalized.invalid(null, InvalidReason.EMPTY);
    }
    String s = Text.trim(raw);
    if (s.isEmpty()) {
      return Normalized.invalid(raw, InvalidReason.EMPTY);
    }
    int year;
    int month;
    int day;
    int n = s.length();
    int firstSlash = s.indexOf('/');
    if (firstSlash >= 0) {
      int secondSlash = s.indexOf('/', firstSlash + 1);
      int dayDigits = secondSlash - firstSlash - 1;
      if (firstSlash < 1
          || firstSlash > 2
          || dayDigits < 1
          || dayDigits > 2
          || n - secondSlash - 1 != 4) {
        return Normalized.invalid(raw, InvalidReason.DATE_SYNTAX);
      }
      month = DateTimeText.digits(s, 0, firstSlash);
      day = DateTimeText.digits(s, firstSlash + 1, dayDigits);
      year = DateTimeText.digits(s, secondSlash + 1, 4);
    } else if (n == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
      year = DateTimeText.digits(s, 0, 4);
      month = DateTimeText.digits(s, 5, 2);
      day = DateTimeText.digits(s, 8, 2);
    } else if (n == 8) {
      year = DateTimeText.digits(s, 0, 4);
      month = DateTimeText.digits(s, 4, 2);
      day = DateTimeText.digits(s, 6, 2);
    } else {
      return Normalized.invalid(raw, InvalidReason.DATE_SYNTAX);
    }
    if (year < 0 || month < 0 || day < 0) {
      return Normalized.invalid(raw, InvalidReason.DATE_SYNTAX);
    }
    if (!DateTimeText.isValidDate(year, month, day)) {
      return Normalized.invalid(raw, InvalidReason.DATE_IMPOSSIBLE);
    }
    LocalDate date = LocalDate.of(year, month, day);
    if (date.isBefore(EARLIEST) || date.isAfter(LocalDate.now(clock))) {
      return Normalized.invalid(raw, InvalidReason.DATE_OUT_OF_RANGE);
    }
    return Normalized.valid(raw, date);
  }
}
