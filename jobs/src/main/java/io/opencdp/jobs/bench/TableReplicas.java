package io.opencdp.jobs.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import io.opencdp.ingest.spark.DeltaTables;
import io.opencdp.ingest.spark.TableLocations;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A larger copy of a resolved workspace for {@code cdp bench index} above the largest scale the
 * pipeline runs at: every table {@code cdp index} reads per profile is written {@code factor}
 * times, copy {@code k > 0} with {@code -r<k>} appended to each profile and event id, so the copies
 * are distinct profiles with their own identity graphs. {@code events} is copied once as it is
 * (only copy 0's memberships in {@code event_profiles} match an event), so the events phase writes
 * the base run's events, not {@code factor} times as many; the audit and override tables, which
 * name identifiers rather than profiles, are copied once too. Every copy has the change data feed
 * on, as the pipeline's tables do, so an incremental run can read it.
 */
final class TableReplicas {
  /** Tables with one row (or more) per profile or per event: copied {@code factor} times. */
  static final List<String> REPLICATED =
      List.of("profiles", "identity_map", "event_profiles", "resolve_events", "profile_merges");

  /** Tables copied once, as they are. */
  static final List<String> COPIED = List.of("events", "identity_link_audit", "identity_overrides");

  /** String columns holding a profile or event id: suffixed in copy {@code k > 0}. */
  static final Set<String> ID_COLUMNS =
      Set.of(
          "profile_id",
          "event_id",
          "alias_profile_id",
          "surviving_profile_id",
          "evidence_event_id",
          "first_event_id");

  private TableReplicas() {}

  /**
   * Writes the tables of {@code from} into {@code to}, {@link #REPLICATED} ones {@code factor}×.
   */
  static void write(SparkSession spark, TableLocations from, TableLocations to, int factor) {
    if (factor < 1) {
      throw new IllegalArgumentException("factor must be at least 1, got " + factor);
    }
    for (String table : REPLICATED) {
      if (DeltaTables.exists(spark, from.table(table))) {
        save(spark, replicate(read(spark, from, table), factor), from, to, table);
      }
    }
    for (String table : COPIED) {
      if (DeltaTables.exists(spark, from.table(table))) {
        save(spark, read(spark, from, table), from, to, table);
      }
    }
  }

  /**
   * {@code factor} copies of {@code rows}, the ids of copy {@code k > 0} suffixed {@code -r<k>}.
   */
  static Dataset<Row> replicate(Dataset<Row> rows, int factor) {
    Dataset<Row> all = rows;
    for (int k = 1; k < factor; k++) {
      String suffix = "-r" + k;
      Column[] columns =
          Arrays.stream(rows.columns())
              .map(c -> ID_COLUMNS.contains(c) ? concat(col(c), lit(suffix)).as(c) : col(c))
              .toArray(Column[]::new);
      all = all.unionByName(rows.select(columns));
    }
    return all;
  }

  private static Dataset<Row> read(SparkSession spark, TableLocations tables, String table) {
    return spark.read().format("delta").load(tables.table(table));
  }

  private static void save(
      SparkSession spark, Dataset<Row> rows, TableLocations from, TableLocations to, String table) {
    List<String> partitions =
        DeltaTable.forPath(spark, from.table(table))
            .detail()
            .select("partitionColumns")
            .head()
            .getList(0);
    rows.write()
        .format("delta")
        .mode("overwrite")
        .option("delta.enableChangeDataFeed", "true")
        .partitionBy(partitions.toArray(String[]::new))
        .save(to.table(table));
  }
}
