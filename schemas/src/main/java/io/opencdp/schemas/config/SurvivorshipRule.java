package io.opencdp.schemas.config;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How a golden profile picks one value of an attribute from the values its events carry ({@code
 * profiles.survivorship.<attribute>.rule}). Every rule breaks its ties the same documented way:
 * later event time, then higher source priority, then the smaller event id.
 */
public enum SurvivorshipRule {
  /** The value of the latest event (by {@code occurred_at}). */
  MOST_RECENT,
  /** The value carried by the most events; ties go to the value seen most recently. */
  MOST_FREQUENT,
  /** The value from the most trusted source (the attribute's {@code sources}, in order). */
  SOURCE_PRIORITY,
  /** The value of the earliest event: the first thing the person told us. */
  FIRST_SEEN;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  /** The config spelling, e.g. {@code most_recent}. */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  static SurvivorshipRule parse(String key, String value) {
    return Enums.parse(key, value, values(), SurvivorshipRule::wireName);
  }
}
