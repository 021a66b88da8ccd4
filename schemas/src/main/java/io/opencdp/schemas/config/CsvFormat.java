package io.opencdp.schemas.config;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to read a CSV source: what a row is, which column holds each canonical field, the delimiter,
 * the timestamp format and, for POS lines, the time zone of each store.
 *
 * @param kind what one row is
 * @param columns canonical field to header column name; only mapped fields are present
 * @param delimiter the field delimiter, e.g. {@code ,} or a tab
 * @param timestampFormat how the row's timestamps are written
 * @param storeTimeZones store id to zone, for {@link TimestampFormat#ISO_LOCAL} POS times; a store
 *     not listed uses {@code ingest.default_time_zone}
 */
public record CsvFormat(
    CsvKind kind,
    Map<String, String> columns,
    char delimiter,
    TimestampFormat timestampFormat,
    Map<String, ZoneId> storeTimeZones)
    implements Serializable {

  public CsvFormat {
    requireNonNull(kind, "kind is null");
    columns =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(requireNonNull(columns, "columns is null")));
    requireNonNull(timestampFormat, "timestamp_format is null");
    storeTimeZones =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(requireNonNull(storeTimeZones, "store_time_zones is null")));
  }

  /** The column of {@code field}, or null when it is not mapped. */
  public String column(String field) {
    return columns.get(field);
  }

  /**
   * Reads the csv keys of one source; {@code key} is the source's prefix, e.g. {@code
   * ingest.sources.pos}, and every message names the full key.
   */
  static CsvFormat fromConfig(
      String key,
      String kindValue,
      Map<String, String> mapping,
      String delimiterValue,
      String timestampFormatValue,
      Map<String, String> zones) {
    CsvKind kind = CsvKind.parse(key + ".csv_kind", kindValue);
    if (mapping == null) {
      throw new IllegalArgumentException(
          key + ".csv_mapping is required for format csv: map each canonical field to a column");
    }
    Map<String, String> columns = new LinkedHashMap<>();
    mapping.forEach(
        (field, column) -> {
          if (!kind.hasField(field)) {
            throw new IllegalArgumentException(
                key
                    + ".csv_mapping."
                    + field
                    + " is not a field of csv_kind "
                    + kind.wireName()
                    + "; fields: "
                    + String.join(", ", kind.requiredFields())
                    + ", "
                    + String.join(", ", kind.optionalFields()));
          }
          if (column != null && !column.isBlank()) {
            columns.put(field, column.strip());
          }
        });
    for (String field : kind.requiredFields()) {
      if (!columns.containsKey(field)) {
        throw new IllegalArgumentException(
            key + ".csv_mapping." + field + " is required for csv_kind " + kind.wireName());
      }
    }
    char delimiter = delimiter(key + ".delimiter", delimiterValue);
    TimestampFormat format = TimestampFormat.parse(key + ".timestamp_format", timestampFormatValue);
    Map<String, ZoneId> storeZones = new LinkedHashMap<>();
    if (zones != null) {
      if (!zones.isEmpty() && kind != CsvKind.POS_LINE) {
        throw new IllegalArgumentException(
            key + ".store_time_zones applies only to csv_kind pos_line");
      }
      zones.forEach(
          (store, zone) ->
              storeZones.put(store, ConfigChecks.zone(key + ".store_time_zones." + store, zone)));
    }
    return new CsvFormat(kind, columns, delimiter, format, storeZones);
  }

  private static char delimiter(String key, String value) {
    if (value == null || value.length() != 1) {
      throw new IllegalArgumentException(
          key + " must be exactly one character, e.g. ',' or '\\t', got '" + value + "'");
    }
    char c = value.charAt(0);
    if (c == '"' || c == '\n' || c == '\r') {
      throw new IllegalArgumentException(
          key + " must not be a quote or a line break, got '" + value + "'");
    }
    return c;
  }
}
