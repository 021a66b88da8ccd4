package io.opencdp.ingest.spark;

import static io.opencdp.ingest.spark.EventsTable.field;
import static io.opencdp.ingest.spark.EventsTable.required;
import static io.opencdp.ingest.spark.EventsTable.struct;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import io.opencdp.ingest.connector.ParseResult;
import java.time.Instant;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * The rows the parse step emits: an event, a dead letter or a file summary, tagged by {@code kind},
 * so one pass over the files feeds all three tables.
 */
final class ParsedRows {
  static final String EVENT = "event";
  static final String DEAD_LETTER = "dead_letter";
  static final String SUMMARY = "summary";

  static final StructType FILE_SUMMARY =
      struct(
          required("source", StringType),
          required("uri", StringType),
          required("relative_path", StringType),
          required("size_bytes", LongType),
          required("modified_at_millis", LongType),
          required("checksum_sha256", StringType),
          required("records_read", LongType),
          required("events_parsed", LongType),
          required("dead_lettered", LongType),
          required("blank_lines", LongType),
          required("suppressed", LongType));

  static final StructType SCHEMA =
      struct(
          required("kind", StringType),
          required("source", StringType),
          field("event", EventsTable.SCHEMA),
          field("dead_letter", DeadLettersTable.SCHEMA),
          field("file_summary", FILE_SUMMARY));

  private ParsedRows() {}

  static Row of(
      LandedFile file, ParseResult result, String workspaceId, String runId, Instant ingestedAt) {
    if (result instanceof ParseResult.Parsed parsed) {
      return RowFactory.create(
          EVENT, file.source(), EventRows.toRow(parsed.event(), runId, ingestedAt), null, null);
    }
    ParseResult.Rejected rejected = (ParseResult.Rejected) result;
    return RowFactory.create(
        DEAD_LETTER,
        file.source(),
        null,
        DeadLettersTable.toRow(rejected.deadLetter(), workspaceId, runId, ingestedAt),
        null);
  }

  static Row summary(LandedFile file, Row summary) {
    return RowFactory.create(SUMMARY, file.source(), null, null, summary);
  }
}
