package io.opencdp.ingest.spark;

/**
 * What one ingest run did for one source: raw records read, events written (new, or a newer version
 * of one already stored), duplicates (records whose event was already stored or came twice), and
 * dead letters, and records not stored because they carry an erased identifier (suppressed,
 * docs/privacy.md).
 */
public record SourceCounts(
    String source,
    String channel,
    long files,
    long skippedFiles,
    long recordsRead,
    long eventsWritten,
    long duplicates,
    long deadLettered,
    long suppressed) {

  /** Counts without suppressed records. */
  public SourceCounts(
      String source,
      String channel,
      long files,
      long skippedFiles,
      long recordsRead,
      long eventsWritten,
      long duplicates,
      long deadLettered) {
    this(
        source,
        channel,
        files,
        skippedFiles,
        recordsRead,
        eventsWritten,
        duplicates,
        deadLettered,
        0);
  }

  public SourceCounts plus(SourceCounts other) {
    return new SourceCounts(
        source,
        channel,
        files + other.files,
        skippedFiles + other.skippedFiles,
        recordsRead + other.recordsRead,
        eventsWritten + other.eventsWritten,
        duplicates + other.duplicates,
        deadLettered + other.deadLettered,
        suppressed + other.suppressed);
  }
}
