package io.opencdp.resolve.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.delta.tables.DeltaTable;
import io.opencdp.ingest.spark.DeltaTables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
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
 *
 * <p>Most runs change little, and a Delta MERGE has a high fixed cost (several jobs and a commit
 * even when it changes nothing). So one aggregate over a null-safe full outer join first counts the
 * new and the gone rows: nothing changed leaves the table alone (no commit), only new rows are
 * appended, and only a change that deletes rows takes the MERGE. The rows are the same in all three
 * cases.
 */
final class TableSync {
  private static final Logger LOG = LoggerFactory.getLogger(TableSync.class);
  private static final String IN_TABLE = "__sync_in_table";
  private static final String IN_ROWS = "__sync_in_rows";

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
    String matches = String.join(" AND ", conditions);
    DeltaTable table = DeltaTable.forPath(spark, location);
    Diff diff = diff(table.toDF(), stamped, compared, matches);
    if (diff.inserts() == 0 && diff.deletes() == 0) {
      // no commit at all: a MERGE that changes nothing still costs a Delta transaction
      LOG.info("{} unchanged", location);
      return;
    }
    if (diff.deletes() == 0) {
      // the rows that are new, appended: the same rows as the MERGE below, without its joins
      stamped
          .as("s")
          .join(table.toDF().as("t"), expr(matches), "left_anti")
          .write()
          .format("delta")
          .mode("append")
          .save(location);
      LOG.info("synced {}: {} new row(s) appended", location, diff.inserts());
      return;
    }
    table
        .as("t")
        .merge(stamped.as("s"), matches)
        .whenNotMatched()
        .insertAll()
        .whenNotMatchedBySource()
        .delete()
        .execute();
    LOG.info(
        "synced {}: {} row(s) inserted, {} deleted, unchanged rows kept",
        location,
        diff.inserts(),
        diff.deletes());
  }

  private record Diff(long inserts, long deletes) {}

  /** One action: how many new rows are not in the table, and how many table rows are gone. */
  private static Diff diff(
      Dataset<Row> table, Dataset<Row> stamped, List<String> compared, String matches) {
    Column[] tableColumns = new Column[compared.size() + 1];
    Column[] rowColumns = new Column[compared.size() + 1];
    for (int i = 0; i < compared.size(); i++) {
      tableColumns[i] = col("`" + compared.get(i) + "`");
      rowColumns[i] = col("`" + compared.get(i) + "`");
    }
    tableColumns[compared.size()] = lit(true).as(IN_TABLE);
    rowColumns[compared.size()] = lit(true).as(IN_ROWS);
    Row counts =
        table
            .select(tableColumns)
            .as("t")
            .join(stamped.select(rowColumns).as("s"), expr(matches), "full_outer")
            .agg(
                count(when(col(IN_TABLE).isNull(), 1)).as("inserts"),
                count(when(col(IN_ROWS).isNull(), 1)).as("deletes"))
            .first();
    return new Diff(counts.getLong(0), counts.getLong(1));
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
