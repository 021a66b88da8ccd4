package io.opencdp.schemas.config;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.event.Channel;
import io.opencdp.schemas.event.EventIds;
import io.opencdp.schemas.event.WorkspaceId;
import io.opencdp.schemas.normalize.PhoneNormalizer;
import java.io.Serializable;

/**
 * One ingest source ({@code ingest.sources.<name>}): where its files land, their format, and what
 * its events are stamped with.
 *
 * @param name the source's name, the key under {@code ingest.sources}
 * @param path the landing directory: relative to {@code ingest.landing_root} unless absolute or a
 *     URI ({@code s3a://bucket/web})
 * @param format the raw format
 * @param channel the channel of its events
 * @param sourceSystem the {@code source_system} of its events, e.g. {@code segment-web}
 * @param defaultPhoneRegion the region a phone number without a country code is read in, unless the
 *     record says its country
 * @param csv how to read its rows; set exactly when {@code format} is {@code csv}
 */
public record SourceConfig(
    String name,
    String path,
    SourceFormat format,
    Channel channel,
    String sourceSystem,
    String defaultPhoneRegion,
    CsvFormat csv)
    implements Serializable {

  public SourceConfig {
    ConfigChecks.identifier("ingest.sources key", name);
    String key = "ingest.sources." + name;
    ConfigChecks.notBlank(key + ".path", path);
    requireNonNull(format, key + ".format is required");
    requireNonNull(channel, key + ".channel is required");
    checkSourceSystem(key + ".source_system", sourceSystem);
    defaultPhoneRegion = phoneRegion(key + ".default_phone_region", defaultPhoneRegion);
    if (format == SourceFormat.CSV && csv == null) {
      throw new IllegalArgumentException(key + ".csv_kind and csv_mapping are required for csv");
    }
    if (format != SourceFormat.CSV && csv != null) {
      throw new IllegalArgumentException(
          key + ": csv_kind, csv_mapping and store_time_zones apply only to format csv");
    }
  }

  private static void checkSourceSystem(String key, String value) {
    ConfigChecks.notBlank(key, value);
    try {
      // the event model owns the rule for a source system name; derive checks it
      EventIds.derive(WorkspaceId.DEFAULT.value(), value, "probe");
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          key
              + " must be 1-64 lowercase letters, digits, '.', '_' or '-' starting with a letter or"
              + " digit, got '"
              + value
              + "'",
          e);
    }
  }

  private static String phoneRegion(String key, String value) {
    ConfigChecks.notBlank(key, value);
    try {
      return new PhoneNormalizer(value).defaultRegion();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
    }
  }
}
