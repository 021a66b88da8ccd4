package io.opencdp.ingest.spark;

import io.delta.tables.DeltaTable;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Creates the platform's Delta tables where they do not exist yet, with their schema and table
 * properties.
 */
public final class DeltaTables {
  private DeltaTables() {}

  /**
   * Opens the table at {@code location}, creating it with {@code schema}, {@code partitionColumns}
   * and the change data feed on when it does not exist.
   */
  public static DeltaTable createIfNotExists(
      SparkSession spark, String location, StructType schema, String... partitionColumns) {
    if (!exists(spark, location)) {
      // SQL rather than DeltaTable.createIfNotExists(): the builder trips over file:/ vs file:///
      // locations
      String partitioning =
          partitionColumns.length == 0
              ? ""
              : " PARTITIONED BY (" + String.join(", ", partitionColumns) + ")";
      spark.sql(
          "CREATE TABLE IF NOT EXISTS delta.`"
              + location
              + "` ("
              + schema.toDDL()
              + ") USING DELTA"
              + partitioning
              + " TBLPROPERTIES ('delta.enableChangeDataFeed' = 'true')");
    }
    return DeltaTable.forPath(spark, location);
  }

  public static boolean exists(SparkSession spark, String location) {
    return DeltaTable.isDeltaTable(spark, location);
  }
}
