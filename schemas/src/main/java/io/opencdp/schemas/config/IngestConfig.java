package io.opencdp.schemas.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Ingest: where raw files land, the limits every connector applies, and the sources.
 *
 * @param landingRoot the landing directory: a local path (relative to the working directory) or a
 *     Hadoop URI such as {@code s3a://bucket/landing}
 * @param maxLineBytes the longest record, in bytes; a longer line is a {@code line_too_long} dead
 *     letter
 * @param futureToleranceMinutes an event time later than its received-at by more than this is a
 *     {@code timestamp_in_future} dead letter
 * @param defaultTimeZone the zone of local times whose source names none (POS stores not listed)
 * @param sources the sources by name
 */
public record IngestConfig(
    String landingRoot,
    int maxLineBytes,
    int futureToleranceMinutes,
    ZoneId defaultTimeZone,
    Map<String, SourceConfig> sources)
    implements Serializable {
  /** The smallest accepted {@code max_line_bytes}. */
  public static final int MIN_LINE_BYTES = 1024;

  /** The largest accepted {@code max_line_bytes}: one line is held in memory. */
  public static final int MAX_LINE_BYTES = 256 * 1024 * 1024;

  private static final Pattern URI_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:/.*");

  public IngestConfig {
    ConfigChecks.notBlank("ingest.landing_root", landingRoot);
    ConfigChecks.range("ingest.max_line_bytes", maxLineBytes, MIN_LINE_BYTES, MAX_LINE_BYTES);
    ConfigChecks.range("ingest.future_tolerance_minutes", futureToleranceMinutes, 0, 7 * 24 * 60);
    requireNonNull(defaultTimeZone, "ingest.default_time_zone is required");
    requireNonNull(sources, "ingest.sources is required");
    sources.forEach(
        (name, source) -> {
          requireNonNull(source, "ingest.sources." + name + " is null");
          if (!name.equals(source.name())) {
            throw new IllegalArgumentException(
                "ingest.sources." + name + " holds the source named '" + source.name() + "'");
          }
        });
    sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
  }

  /** Binds the {@code ingest} section; every message names the full key. */
  @JsonCreator
  static IngestConfig fromConfig(
      @JsonProperty("landing_root") String landingRoot,
      @JsonProperty("max_line_bytes") int maxLineBytes,
      @JsonProperty("future_tolerance_minutes") int futureToleranceMinutes,
      @JsonProperty("default_time_zone") String defaultTimeZone,
      @JsonProperty("sources") Map<String, SourceYaml> sources) {
    Map<String, SourceConfig> checked = new LinkedHashMap<>();
    if (sources != null) {
      sources.forEach(
          (name, yaml) -> {
            if (yaml == null) {
              throw new IllegalArgumentException("ingest.sources." + name + " is empty");
            }
            checked.put(name, yaml.toConfig(name));
          });
    }
    return new IngestConfig(
        landingRoot,
        maxLineBytes,
        futureToleranceMinutes,
        ConfigChecks.zone("ingest.default_time_zone", defaultTimeZone),
        checked);
  }

  /** The future tolerance as a duration. */
  public Duration futureTolerance() {
    return Duration.ofMinutes(futureToleranceMinutes);
  }

  public IngestConfig withLandingRoot(String newLandingRoot) {
    return new IngestConfig(
        newLandingRoot, maxLineBytes, futureToleranceMinutes, defaultTimeZone, sources);
  }

  /** The source named {@code name}; the message lists the configured names. */
  public SourceConfig source(String name) {
    SourceConfig source = sources.get(name);
    if (source == null) {
      throw new IllegalArgumentException(
          "no ingest source '" + name + "'; configured: " + String.join(", ", sources.keySet()));
    }
    return source;
  }

  /**
   * Where the source's files land: its path when absolute or a URI, else the path under {@code
   * landing_root}.
   */
  public String location(SourceConfig source) {
    String path = source.path().strip();
    if (path.startsWith("/") || URI_SCHEME.matcher(path).matches()) {
      return path;
    }
    String root = landingRoot.strip();
    return root.endsWith("/") ? root + path : root + "/" + path;
  }
}
