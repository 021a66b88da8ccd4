package io.opencdp.schemas.config;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a custom computed trait does with the values of its property over the matching events. */
public enum TraitAggregation {
  /** Matching events (no property needed; with a property, events where it is present). */
  COUNT,
  /** Sum of a numeric property; money is converted to the reporting currency first. */
  SUM,
  /** Smallest value: numbers by value, times by time, text by text. */
  MIN,
  /** Largest value, as {@link #MIN}. */
  MAX,
  /** The value of the earliest matching event. */
  FIRST,
  /** The value of the latest matching event. */
  LAST,
  /** The value most matching events carry; ties go to the value seen last. */
  MOST_FREQUENT,
  /** How many different values the matching events carry. */
  DISTINCT_COUNT;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  /** The config spelling, e.g. {@code distinct_count}. */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  static TraitAggregation parse(String key, String value) {
    return Enums.parse(key, value, values(), TraitAggregation::wireName);
  }
}
