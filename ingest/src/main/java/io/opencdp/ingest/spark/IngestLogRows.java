package io.opencdp.ingest.spark;

import io.opencdp.ingest.connector.Connector;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Builds and MERGEs the ingest_log rows of one run: one per file, keyed by (workspace_id, path).
 */
final class IngestLogRows {
  private IngestLogRows() {}

  static Row row(
      String workspaceId,
      Row summary,
      Connector connector,
      SourceCounts counts,
      String runId,
      Instant started,
      Instant finished) {
    long modifiedMillis = summary.getAs("modified_at_millis");
    return RowFactory.create(
        workspaceId,
        summary.getAs("uri"),
        summary.getAs("source"),
        connector.channel().wireName(),
        summary.getAs("size_bytes"),
        Instant.ofEpochMilli(modifiedMillis),
        summary.getAs("checksum_sha256"),
        "done",
        counts.recordsRead(),
        (long) summary.getAs("events_parsed"),
        counts.eventsWritten(),
        counts.duplicates(),
        counts.deadLettered(),
        (long) summary.getAs("blank_lines"),
        runId,
        started,
        finished);
  }

  static void merge(SparkSession spark, String location, List<Row> rows) {
    DeltaTables.createIfNotExists(spark, location, IngestLogTable.SCHEMA)
        .as("t")
        .merge(
            spark.createDataFrame(rows, IngestLogTable.SCHEMA).as("s"),
            "t.workspace_id = s.workspace_id AND t.path = s.path")
        .whenMatched()
        .updateAll()
        .whenNotMatched()
        .insertAll()
        .execute();
  }
}
