package io.opencdp.schemas.config;

import io.opencdp.schemas.event.Channel;
import java.util.Map;

/** One {@code ingest.sources.<name>} section as written in the file, before it is checked. */
record SourceYaml(
    String path,
    String format,
    String channel,
    String sourceSystem,
    String defaultPhoneRegion,
    String csvKind,
    Map<String, String> csvMapping,
    String delimiter,
    String timestampFormat,
    Map<String, String> storeTimeZones) {

  /** The checked source; every message names the full key. */
  SourceConfig toConfig(String name) {
    ConfigChecks.identifier("ingest.sources key", name);
    String key = "ingest.sources." + name;
    SourceFormat sourceFormat = SourceFormat.parse(key + ".format", format);
    CsvFormat csv = null;
    if (sourceFormat == SourceFormat.CSV) {
      csv =
          CsvFormat.fromConfig(
              key, csvKind, csvMapping, delimiter, timestampFormat, storeTimeZones);
    } else if (csvKind != null
        || csvMapping != null
        || delimiter != null
        || timestampFormat != null
        || hasZones()) {
      throw new IllegalArgumentException(
          key
              + ": csv_kind, csv_mapping, delimiter, timestamp_format and store_time_zones apply"
              + " only to format csv; leave them null for format "
              + sourceFormat.wireName());
    }
    return new SourceConfig(
        name, path, sourceFormat, channel(key + ".channel"), sourceSystem, defaultPhoneRegion, csv);
  }

  private boolean hasZones() {
    return storeTimeZones != null && !storeTimeZones.isEmpty();
  }

  private Channel channel(String key) {
    ConfigChecks.notBlank(key, channel);
    try {
      return Channel.fromWireName(channel.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
    }
  }
}
