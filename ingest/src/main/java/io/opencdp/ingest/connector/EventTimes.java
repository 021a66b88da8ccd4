package io.opencdp.ingest.connector;

import io.opencdp.schemas.config.TimestampFormat;
import io.opencdp.schemas.normalize.BirthDateNormalizer;
import io.opencdp.schemas.normalize.InvalidReason;
import io.opencdp.schemas.normalize.Normalized;
import io.opencdp.schemas.normalize.TimestampNormalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Reads the event times of raw records through {@link TimestampNormalizer} and turns a failure into
 * a dead-letter reason: {@code date_impossible} when the text has a date's shape but the date does
 * not exist (judged by {@link BirthDateNormalizer}, the one place for that rule), {@code
 * timestamp_invalid} otherwise. Also the one future check of every connector.
 */
final class EventTimes {
  private static final BirthDateNormalizer DATES = new BirthDateNormalizer();
  private static final int DATE_LENGTH = 10;

  private EventTimes() {}

  /** An ISO-8601 date-time with an offset. */
  static Instant iso(String field, String raw) {
    return orFail(
        field, TimestampNormalizer.parseInstant(raw), "an ISO-8601 date-time with offset");
  }

  /** An optional ISO-8601 date-time with an offset; null stays null. */
  static Instant optionalIso(String field, String raw) {
    return raw == null ? null : iso(field, raw);
  }

  /** A timestamp written in {@code format}; local times are read in {@code zone}. */
  static Instant read(TimestampFormat format, String field, String raw, ZoneId zone) {
    return switch (format) {
      case ISO_OFFSET -> iso(field, raw);
      case ISO_LOCAL ->
          orFail(
              field,
              TimestampNormalizer.parseLocal(raw, zone),
              "a local date-time yyyy-MM-dd HH:mm:ss");
      case EPOCH_SECONDS ->
          orFail(field, TimestampNormalizer.parseEpochSeconds(raw), "Unix epoch seconds");
      case EPOCH_MILLIS ->
          orFail(field, TimestampNormalizer.parseEpochMillis(raw), "Unix epoch milliseconds");
    };
  }

  /** Unix epoch seconds as a JSON integer. */
  static Instant epochSeconds(String field, long seconds) {
    return orFail(field, TimestampNormalizer.fromEpochSeconds(seconds), "Unix epoch seconds");
  }

  /** Unix epoch seconds as text, e.g. a JSON number with a fraction. */
  static Instant epochSeconds(String field, String raw) {
    return orFail(field, TimestampNormalizer.parseEpochSeconds(raw), "Unix epoch seconds");
  }

  /**
   * Fails with {@code timestamp_in_future} when {@code time} is later than {@code reference} by
   * more than {@code tolerance}.
   */
  static void checkNotInFuture(
      String field, Instant time, String referenceName, Instant reference, Duration tolerance) {
    if (TimestampNormalizer.isInFuture(time, reference, tolerance)) {
      Duration ahead = Duration.between(reference, time);
      throw new RecordException(
          ReasonCodes.TIMESTAMP_IN_FUTURE,
          "field '"
              + field
              + "' ("
              + time
              + ") is "
              + describe(ahead)
              + " after "
              + referenceName
              + " ("
              + reference
              + "); at most "
              + tolerance.toMinutes()
              + " minutes are tolerated");
    }
  }

  private static Instant orFail(String field, Normalized<Instant> result, String expected) {
    if (result.valid()) {
      return result.value();
    }
    if (InvalidReason.EMPTY.equals(result.invalidReason())) {
      throw RecordException.missing(field);
    }
    String raw = result.raw();
    if (hasImpossibleDate(raw)) {
      throw new RecordException(
          ReasonCodes.DATE_IMPOSSIBLE,
          "field '" + field + "' names a date that does not exist: '" + raw + "'");
    }
    throw new RecordException(
        ReasonCodes.TIMESTAMP_INVALID,
        "field '" + field + "' must be " + expected + ", got '" + raw + "'");
  }

  private static boolean hasImpossibleDate(String raw) {
    String s = raw.strip();
    if (s.length() < DATE_LENGTH || s.charAt(4) != '-' || s.charAt(7) != '-') {
      return false; // only an ISO yyyy-MM-dd date part can be judged impossible
    }
    Normalized<?> date = DATES.normalize(s.substring(0, DATE_LENGTH));
    return InvalidReason.DATE_IMPOSSIBLE.equals(date.invalidReason());
  }

  private static String describe(Duration d) {
    long minutes = d.toMinutes();
    if (minutes < 120) {
      return minutes + " minutes";
    }
    long hours = d.toHours();
    return hours < 48 ? hours + " hours" : d.toDays() + " days";
  }
}
