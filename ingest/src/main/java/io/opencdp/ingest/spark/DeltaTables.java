package io.opencdp.ingest.spark;

import io.delta.tables.DeltaTable;
import io.delta.tables.DeltaTableBuilder;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
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
    DeltaTableBuilder builder =
        DeltaTable.createIfNotExists(spark)
            .location(location)
            .property("delta.enableChangeDataFeed", "true")
            .property("delta.appendOnly", "false");
    for (StructField field : schema.fields()) {
      builder = builder.addColumn(field);
    }
    if (partitionColumns.length > 0) {
      builder = builder.partitionedBy(partitionColumns);
    }
    return builder.execute();
  }

  public static boolean exists(SparkSession spark, String location) {
    return DeltaTable.isDeltaTable(spark, location);
  }
}
