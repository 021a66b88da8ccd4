package io.opencdp.schemas.config;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * Range and shape checks for config values; every message names the key as it is written in
 * cdp.yaml.
 */
public final class ConfigChecks {
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  private ConfigChecks() {}

  public static void identifier(String key, String value) {
    if (value == null || !IDENTIFIER.matcher(value).matches()) {
      throw new IllegalArgumentException(
          key
              + " must be 1-64 lowercase letters, digits, '_' or '-' starting with a letter or digit, got '"
              + value
              + "'");
    }
  }

  public static void range(String key, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          key + " must be between " + min + " and " + max + ", got " + value);
    }
  }

  public static void rate(String key, double value) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException(key + " must be a rate between 0.0 and 1.0, got " + value);
    }
  }

  public static void notBlank(String key, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(key + " must not be empty");
    }
  }

  /** An IANA zone id such as {@code Europe/Berlin} (or {@code UTC}). */
  public static ZoneId zone(String key, String value) {
    notBlank(key, value);
    try {
      return ZoneId.of(value.strip());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          key + " must be an IANA time zone such as America/New_York, got '" + value + "'", e);
    }
  }
}
