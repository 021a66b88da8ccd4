package io.opencdp.ingest.spark;

import static io.opencdp.ingest.spark.EventsTable.field;
import static io.opencdp.ingest.spark.EventsTable.required;
import static io.opencdp.ingest.spark.EventsTable.struct;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import io.opencdp.ingest.connector.DeadLetter;
import java.time.Instant;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * The Delta {@code dead_letters} table: every raw record that could not become an event, with its
 * place in the file, its raw text and the reason. Keyed by (workspace_id, source_file,
 * source_line), so a re-run adds nothing.
 */
public final class DeadLettersTable {
  public static final String NAME = "dead_letters";
  public static final String[] KEY_COLUMNS = {"workspace_id", "source_file", "source_line"};

  public static final StructType SCHEMA =
      struct(
          required("workspace_id", StringType),
          required("channel", StringType),
          required("source_system", StringType),
          required("source_file", StringType),
          required("source_line", LongType),
          field("source_offset", LongType),
          required("raw_text", StringType),
          required("reason_code", StringType),
          required("message", StringType),
          required("identifiers", createArrayType(EventsTable.IDENTIFIER, false)),
          required("ingest_run_id", StringType),
          required("ingested_at", TimestampType));

  private DeadLettersTable() {}

  static Row toRow(DeadLetter d, String workspaceId, String runId, Instant ingestedAt) {
    return RowFactory.create(
        workspaceId,
        d.channel().wireName(),
        d.sourceSystem(),
        d.file(),
        d.line(),
        d.offset(),
        d.rawText(),
        d.reasonCode(),
        d.message(),
        EventRows.seq(
            d.identifiers().stream()
                .map(
                    i -> RowFactory.create(i.type().wireName(), i.raw(), i.normalized(), i.valid()))
                .toList()),
        runId,
        ingestedAt);
  }
}
