package io.opencdp.ingest.connector;

import static java.util.Objects.requireNonNull;

/**
 * One physical record of a landing file as read from disk: a JSON line, or a CSV row (the header
 * row is given to the connector separately). Line numbers are 1-based; the offset is the byte
 * offset of the line's first byte.
 */
public record RawRecord(String file, long line, long offset, String text) {
  public RawRecord {
    requireNonNull(file, "file is null");
    requireNonNull(text, "text is null");
    if (line < 1) {
      throw new IllegalArgumentException("line must be >= 1, got " + line);
    }
  }
}
