package io.opencdp.jobs.segment;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import io.delta.tables.DeltaTable;
import io.opencdp.ingest.spark.DeltaTables;
import io.opencdp.ingest.spark.TableLocations;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The Delta tables of {@code cdp segments refresh} (docs/segments.md, "Materialization"): {@code
 * segment_membership}, one row per membership spell, and {@code segment_refreshes}, one row per
 * segment per run. Both are created on the first run that writes.
 */
public final class SegmentTables {
  public static final String MEMBERSHIP = "segment_membership";
  public static final String REFRESHES = "segment_refreshes";

  /** One row per spell: open while {@code exited_at} is null. */
  public static final StructType MEMBERSHIP_SCHEMA =
      new StructType()
          .add("workspace_id", StringType, false)
          .add("segment_id", StringType, false)
          .add("profile_id", StringType, false)
          .add("entered_at", TimestampType, false)
          .add("exited_at", TimestampType, true)
          .add("entered_run_id", StringType, false)
          .add("exited_run_id", StringType, true)
          .add("segment_version", LongType, false);

  /** One row per segment per run; {@code segment_version} null for a deleted segment. */
  public static final StructType REFRESHES_SCHEMA =
      new StructType()
          .add("workspace_id", StringType, false)
          .add("run_id", StringType, false)
          .add("segment_id", StringType, false)
          .add("segment_version", LongType, true)
          .add("evaluated_at", TimestampType, false)
          .add("members", LongType, false)
          .add("entered", LongType, false)
          .add("exited", LongType, false)
          .add("finished_at", TimestampType, false);

  private SegmentTables() {}

  /** The membership table, created when missing. */
  static DeltaTable membership(SparkSession spark, TableLocations tables) {
    return DeltaTables.createIfNotExists(spark, tables.table(MEMBERSHIP), MEMBERSHIP_SCHEMA);
  }

  /** The open rows ({@code exited_at} null) of the workspace; none when the table is absent. */
  static Dataset<Row> openRows(SparkSession spark, TableLocations tables, String workspace) {
    String location = tables.table(MEMBERSHIP);
    if (!DeltaTables.exists(spark, location)) {
      return spark.createDataFrame(List.of(), MEMBERSHIP_SCHEMA);
    }
    return spark
        .read()
        .format("delta")
        .load(location)
        .where(col("workspace_id").equalTo(workspace).and(col("exited_at").isNull()));
  }

  /**
   * Per profile ({@code segments_pid}) the sorted ids of the segments it is an open member of
   * ({@code open_segments}); profiles of no segment have no row. What the profile documents' {@code
   * segments} field holds.
   */
  public static Dataset<Row> openSegmentsPerProfile(
      SparkSession spark, TableLocations tables, String workspace) {
    return openRows(spark, tables, workspace)
        .groupBy(col("profile_id").as("segments_pid"))
        .agg(array_sort(collect_set(col("segment_id"))).as("open_segments"));
  }

  /** Appends {@code rows} (of {@link #REFRESHES_SCHEMA}) to {@code segment_refreshes}. */
  static void appendRefreshes(SparkSession spark, TableLocations tables, List<Row> rows) {
    String location = tables.table(REFRESHES);
    DeltaTables.createIfNotExists(spark, location, REFRESHES_SCHEMA);
    spark
        .createDataFrame(rows, REFRESHES_SCHEMA)
        .write()
        .format("delta")
        .mode("append")
        .save(location);
  }
}
