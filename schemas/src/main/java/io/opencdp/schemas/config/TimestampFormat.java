package io.opencdp.schemas.config;

import java.util.Locale;

/**
 * How a CSV source writes its timestamps ({@code ingest.sources.<name>.timestamp_format}); each
 * value names the {@code TimestampNormalizer} reader the connector uses.
 */
public enum TimestampFormat {
  /** ISO-8601 with an offset or Z, e.g. {@code 2026-07-14T13:05:22Z}. */
  ISO_OFFSET,
  /**
   * ISO-8601 local date-time without a zone, e.g. {@code 2026-07-14 09:05:22}, read in the store's
   * zone ({@code store_time_zones}) or else {@code ingest.default_time_zone}.
   */
  ISO_LOCAL,
  /** Unix epoch seconds. */
  EPOCH_SECONDS,
  /** Unix epoch milliseconds. */
  EPOCH_MILLIS;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  /** The config spelling, e.g. {@code iso_local}. */
  public String wireName() {
    return wireName;
  }

  static TimestampFormat parse(String key, String value) {
    return Enums.parse(key, value, values(), TimestampFormat::wireName);
  }
}
