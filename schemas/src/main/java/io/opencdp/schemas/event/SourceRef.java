package io.opencdp.schemas.event;

/**
 * Where the raw record of an event is, so any row can be traced back to what the source sent.
 *
 * @param file the landed file's path, relative to the landing directory
 * @param line the 1-based line of the record in that file (CSV and JSON-lines files)
 * @param offset the 0-based byte offset of the record's first byte in that file
 */
public record SourceRef(String file, Long line, Long offset) {

  public SourceRef {
    Checks.nonBlank(file, "file");
    if (line != null && line < 1) {
      throw new IllegalArgumentException("line must be 1 or more, got " + line);
    }
    Checks.optionalNotNegative(offset, "offset");
  }
}
