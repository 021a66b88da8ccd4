package io.opencdp.schemas.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.time.ZoneId;

/**
 * Segments ({@code segments}; docs/segments.md).
 *
 * @param timeZone the workspace time zone: where a day starts for dates, {@code days_ago} and event
 *     windows ({@code time_zone})
 */
public record SegmentsConfig(ZoneId timeZone) implements Serializable {
  public SegmentsConfig {
    requireNonNull(timeZone, "segments.time_zone is required");
  }

  /** Binds the {@code segments} section; every message names the full key. */
  @JsonCreator
  static SegmentsConfig fromConfig(@JsonProperty("time_zone") String timeZone) {
    return new SegmentsConfig(ConfigChecks.zone("segments.time_zone", timeZone));
  }
}
