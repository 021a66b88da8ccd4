package io.opencdp.ingest.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;

import io.delta.tables.DeltaTable;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Reads and compares the ingest's Delta tables the way the tests need them. */
final class DeltaContent {
  private DeltaContent() {}

  static Dataset<Row> read(SparkSession spark, String location) {
    return spark.read().format("delta").load(location);
  }

  /** The table's latest version, or -1 when there is no table. */
  static long version(SparkSession spark, String location) {
    if (!DeltaTable.isDeltaTable(spark, location)) {
      return -1;
    }
    return DeltaTable.forPath(spark, location).history(1).select("version").head().getLong(0);
  }

  static long count(SparkSession spark, String location) {
    return DeltaTable.isDeltaTable(spark, location) ? read(spark, location).count() : 0;
  }

  /**
   * What a run wrote, without what differs between two runs of the same input: the run id, its time
   * ({@code ingested_at}), and a {@code received_at} that is only the run's time (sources whose
   * records carry no receive time: SendGrid, POS, CRM).
   */
  static Dataset<Row> business(Dataset<Row> table) {
    Dataset<Row> out = table;
    if (Arrays.asList(table.columns()).contains("received_at")) {
      out =
          out.withColumn(
              "received_at",
              when(col("received_at").equalTo(col("ingested_at")), lit(null))
                  .otherwise(col("received_at")));
    }
    return out.drop("ingest_run_id", "ingested_at");
  }

  /**
   * Asserts that {@code actual} and {@code expected} hold the same rows, the same number of times;
   * on a difference shows a few rows of each side, by {@code keyColumns}.
   */
  static void assertSameRows(
      Dataset<Row> actual, Dataset<Row> expected, String what, String... keyColumns) {
    Dataset<Row> a = actual.cache();
    Dataset<Row> e = expected.cache();
    try {
      long actualCount = a.count();
      long expectedCount = e.count();
      List<Row> missing = e.exceptAll(a).limit(5).collectAsList();
      List<Row> extra = a.exceptAll(e).limit(5).collectAsList();
      assertThat(missing.isEmpty() && extra.isEmpty() && actualCount == expectedCount)
          .as(
              "%s: %d rows vs %d expected; missing (first 5): %s; unexpected (first 5): %s",
              what, actualCount, expectedCount, keys(missing, keyColumns), keys(extra, keyColumns))
          .isTrue();
    } finally {
      a.unpersist();
      e.unpersist();
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 600 ? s : s.substring(0, 600) + "...";
  }

  private static String keys(List<Row> rows, String... keyColumns) {
    return rows.stream()
        .map(
            r ->
                Arrays.stream(keyColumns)
                        .map(c -> c + "=" + r.getAs(c))
                        .collect(Collectors.joining(", ", "{", "}"))
                    + " "
                    + abbreviate(r.toString()))
        .collect(Collectors.joining("; ", "[", "]"));
  }
}
