package io.opencdp.jobs.privacy;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import io.opencdp.ingest.spark.DeltaTables;
import io.opencdp.ingest.spark.TableLocations;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Delta {@code erasure_requests} (docs/data-model.md): one row per request, upserted at each step.
 * The identifier's value is never written, only its salted hash: the row outlives the erasure.
 * Nested fields are nullable: Delta enforces no NOT NULL inside arrays.
 */
final class ErasureRequestsTable {
  static final String NAME = "erasure_requests";

  static final StructType REMOVED =
      new StructType()
          .add("location", StringType, true)
          .add("rows", LongType, true)
          .add("delta_version", LongType, true)
          .add("at", TimestampType, true);

  static final StructType SCHEMA =
      new StructType()
          .add("workspace_id", StringType, false)
          .add("request_id", StringType, false)
          .add("identifier_type", StringType, true)
          .add("identifier_value", StringType, true)
          .add("identifier_hash", StringType, true)
          .add("profile_ids", DataTypes.createArrayType(StringType, true), false)
          .add("status", StringType, false)
          .add("removed", DataTypes.createArrayType(REMOVED, true), false)
          .add("requested_by", StringType, false)
          .add("requested_at", TimestampType, false)
          .add("logically_deleted_at", TimestampType, true)
          .add("physically_deleted_at", TimestampType, true)
          .add("done_at", TimestampType, true)
          .add("message", StringType, true);

  private final SparkSession spark;
  private final String location;

  ErasureRequestsTable(SparkSession spark, TableLocations tables) {
    this.spark = spark;
    this.location = tables.table(NAME);
  }

  void upsert(ErasureState s) {
    Row row =
        RowFactory.create(
            s.workspaceId(),
            s.requestId(),
            s.identifierType(),
            null,
            s.identifierHash(),
            s.profileIds().toArray(String[]::new),
            s.status(),
            s.removed().stream().map(Removed::toRow).toArray(Row[]::new),
            s.requestedBy(),
            s.requestedAt(),
            s.logicallyDeletedAt(),
            s.physicallyDeletedAt(),
            s.doneAt(),
            s.message());
    DeltaTables.createIfNotExists(spark, location, SCHEMA)
        .as("t")
        .merge(
            spark.createDataFrame(List.of(row), SCHEMA).as("s"),
            "t.workspace_id = s.workspace_id AND t.request_id = s.request_id")
        .whenMatched()
        .updateAll()
        .whenNotMatched()
        .insertAll()
        .execute();
  }

  /** The requests of {@code workspace} in {@code status}, oldest first. */
  List<ErasureState> withStatus(String workspace, String status) {
    if (!DeltaTables.exists(spark, location)) {
      return List.of();
    }
    return spark
        .read()
        .format("delta")
        .load(location)
        .where(col("workspace_id").equalTo(workspace).and(col("status").equalTo(status)))
        .orderBy("requested_at", "request_id")
        .collectAsList()
        .stream()
        .map(ErasureRequestsTable::state)
        .toList();
  }

  /** One request, or null. */
  ErasureState get(String workspace, String requestId) {
    if (!DeltaTables.exists(spark, location)) {
      return null;
    }
    List<Row> rows =
        spark
            .read()
            .format("delta")
            .load(location)
            .where(col("workspace_id").equalTo(workspace).and(col("request_id").equalTo(requestId)))
            .collectAsList();
    return rows.isEmpty() ? null : state(rows.get(0));
  }

  private static ErasureState state(Row r) {
    List<Row> removed = r.getList(r.fieldIndex("removed"));
    return new ErasureState(
        r.getAs("workspace_id"),
        r.getAs("request_id"),
        r.getAs("identifier_type"),
        r.getAs("identifier_hash"),
        r.getList(r.fieldIndex("profile_ids")),
        r.getAs("status"),
        removed.stream().map(Removed::fromRow).toList(),
        r.getAs("requested_by"),
        (Instant) r.getAs("requested_at"),
        (Instant) r.getAs("logically_deleted_at"),
        (Instant) r.getAs("physically_deleted_at"),
        (Instant) r.getAs("done_at"),
        r.getAs("message"));
  }
}
