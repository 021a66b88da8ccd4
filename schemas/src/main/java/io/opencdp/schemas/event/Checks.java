package io.opencdp.schemas.event;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/** Input checks shared by the event records; every message names the field as JSON spells it. */
final class Checks {
  private Checks() {}

  static String nonBlank(String value, String field) {
    requireNonNull(value, field + " is null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " is blank");
    }
    return value;
  }

  static String matches(String value, Pattern pattern, String field) {
    requireNonNull(value, field + " is null");
    if (!pattern.matcher(value).matches()) {
      throw new IllegalArgumentException(
          field + " must match " + pattern.pattern() + ", got '" + value + "'");
    }
    return value;
  }

  static String optionalMatches(String value, Pattern pattern, String field) {
    return value == null ? null : matches(value, pattern, field);
  }

  /**
   * A required instant, cut to microseconds: Delta and Spark keep timestamps to the microsecond, so
   * an event read back from a table equals the event that was written.
   */
  static Instant instant(Instant value, String field) {
    return requireNonNull(value, field + " is null").truncatedTo(ChronoUnit.MICROS);
  }

  static Instant optionalInstant(Instant value) {
    return value == null ? null : value.truncatedTo(ChronoUnit.MICROS);
  }

  static Integer optionalPositive(Integer value, String field) {
    if (value != null && value < 1) {
      throw new IllegalArgumentException(field + " must be 1 or more, got " + value);
    }
    return value;
  }

  static Long optionalNotNegative(Long value, String field) {
    if (value != null && value < 0) {
      throw new IllegalArgumentException(field + " must be 0 or more, got " + value);
    }
    return value;
  }

  /** An unmodifiable copy; {@code null} stands for the empty list, a null element is rejected. */
  static <T> List<T> list(List<T> values, String field) {
    if (values == null) {
      return List.of();
    }
    List<T> copy = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      copy.add(requireNonNull(values.get(i), field + "[" + i + "] is null"));
    }
    return Collections.unmodifiableList(copy);
  }
}
