package io.opencdp.ingest.spark;

import static io.opencdp.ingest.spark.EventsTable.required;
import static io.opencdp.ingest.spark.EventsTable.struct;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import org.apache.spark.sql.types.StructType;

/**
 * The Delta {@code ingest_log} table: one row per landing file processed, with its size,
 * modification time and SHA-256, and what became of its records. A file listed here is never read
 * again; one that changed since is an error.
 */
public final class IngestLogTable {
  public static final String NAME = "ingest_log";

  public static final StructType SCHEMA =
      struct(
          required("workspace_id", StringType),
          required("path", StringType),
          required("source", StringType),
          required("channel", StringType),
          required("size_bytes", LongType),
          required("modified_at", TimestampType),
          required("checksum_sha256", StringType),
          required("status", StringType),
          required("records_read", LongType),
          required("events_parsed", LongType),
          required("events_written", LongType),
          required("duplicates", LongType),
          required("dead_lettered", LongType),
          required("blank_lines", LongType),
          required("ingest_run_id", StringType),
          required("started_at", TimestampType),
          required("finished_at", TimestampType));

  private IngestLogTable() {}
}
