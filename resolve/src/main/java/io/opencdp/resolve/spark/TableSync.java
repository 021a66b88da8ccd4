package io.opencdp.resolve.spark;

import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import io.opencdp.ingest.spark.DeltaTables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a derived table hold exactly the rows a run computed while rewriting only what changed: one
 * MERGE that inserts the new rows and deletes the rows that are gone, matching on every column
 * (null-safe) but the optional {@code updated_at}, which new rows get and unchanged rows keep. A
 * table that does not exist yet, or whose columns differ (written by an older version), is
 * overwritten.
 */
final class TableSync {
  private static final Logger LOG = LoggerFactory.getLogger(TableSync.class);

  private TableSync() {}

  /**
   * @param rows the table's new content, without {@code updatedAtColumn}; no duplicate rows
   * @param updatedAtColumn the column stamped with {@code now} on inserted rows; null for none
   */
  static void sync(
      SparkSession spark, String location, Dataset<Row> rows, String updatedAtColumn, Instant now) {
    List<String> compared = List.of(rows.columns());
    Dataset<Row> stamped =
        updatedAtColumn == null ? rows : rows.withColumn(updatedAtColumn, lit(now));
    if (!DeltaTables.exists(spark, location)
        || !sameColumns(DeltaTable.forPath(spark, location).toDF().schema(), stamped.schema())) {
      LOG.info("writing {} in full", location);
      stamped
          .write()
          .format("delta")
          .mode("overwrite")
          .option("overwriteSchema", "true")
          .save(location);
      return;
    }
    List<String> conditions = new ArrayList<>();
    for (String c : compared) {
      conditions.add("t.`" + c + "` <=> s.`" + c + "`");
    }
    DeltaTable.forPath(spark, location)
        .as("t")
        .merge(stamped.as("s"), String.join(" AND ", conditions))
        .whenNotMatched()
        .insertAll()
        .whenNotMatchedBySource()
        .delete()
        .execute();
    LOG.info("synced {}: changed rows replaced, unchanged rows kept", location);
  }

  private static boolean sameColumns(StructType a, StructType b) {
    if (a.fields().length != b.fields().length) {
      return false;
    }
    for (int i = 0; i < a.fields().length; i++) {
      StructField x = a.fields()[i];
      StructField y = b.fields()[i];
      if (!x.name().equals(y.name())
          || !x.dataType().catalogString().equals(y.dataType().catalogString())) {
        return false;
      }
    }
    return true;
  }
}
