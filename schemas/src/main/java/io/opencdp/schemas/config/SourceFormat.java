package io.opencdp.schemas.config;

import java.util.Locale;

/** The raw format of an ingest source ({@code ingest.sources.<name>.format}). */
public enum SourceFormat {
  /** Segment-spec messages (web, app), one JSON object per line. */
  SEGMENT,
  /** SendGrid Event Webhook events, one JSON object per line. */
  SENDGRID,
  /** Amazon Connect contact records, one JSON object per line. */
  AMAZON_CONNECT,
  /** A CSV export with a header row, mapped to canonical fields by {@code csv_mapping}. */
  CSV;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  /** The config spelling, e.g. {@code amazon_connect}. */
  public String wireName() {
    return wireName;
  }

  /** Reads the config spelling; the message names {@code key} and lists the accepted values. */
  static SourceFormat parse(String key, String value) {
    return Enums.parse(key, value, values(), SourceFormat::wireName);
  }
}
