package io.opencdp.resolve.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import io.opencdp.ingest.spark.DeltaTables;
import io.opencdp.ingest.spark.TableLocations;
import java.time.Instant;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Writes {@code profile_ids}: every profile id ever given out, with its status ({@code active},
 * {@code merged}, {@code retired}) and when it was first seen, which the id assignment's tie rule
 * reads and which keeps a new id from ever reusing an old one. Ids a run gave out count as used
 * once the run completed (is in {@code resolve_log}): a run interrupted after writing here gives
 * out the same ids again when repeated.
 */
final class ProfileRegistry {
  static final String ACTIVE = "active";
  static final String MERGED = "merged";
  static final String RETIRED = "retired";

  private ProfileRegistry() {}

  static void update(
      SparkSession spark,
      TableLocations tables,
      String workspace,
      ProfileIdAssignment.Result ids,
      Dataset<Row> streamOnly,
      String runId,
      Instant now) {
    DeltaTable table =
        DeltaTables.createIfNotExists(
            spark, tables.table(ResolveTables.PROFILE_IDS), ResolveTables.PROFILE_IDS_SCHEMA);
    // new ids, kept ids the registry does not know (written before it existed), and kept ids the
    // stream gave out
    Dataset<Row> kept = ids.components().join(streamOnly, new String[] {"profile_id"}, "left_semi");
    Dataset<Row> changes =
        ids.components()
            .where(col("created").or(col("id_first_seen").isNull()))
            .unionByName(kept)
            .dropDuplicates("profile_id")
            .select(
                col("profile_id"),
                lit(ACTIVE).as("status"),
                coalesce(col("id_first_seen"), col("component_first_seen")).as("first_seen_at"))
            .unionByName(
                ids.merges()
                    .select(
                        col("alias_profile_id").as("profile_id"),
                        lit(MERGED).as("status"),
                        lit(null).cast("timestamp").as("first_seen_at")))
            .unionByName(
                ids.retired()
                    .select(
                        col("profile_id"),
                        lit(RETIRED).as("status"),
                        lit(null).cast("timestamp").as("first_seen_at")))
            .select(
                lit(workspace).as("workspace_id"),
                col("profile_id"),
                col("status"),
                col("first_seen_at"),
                lit(now).as("created_at"),
                lit(runId).as("created_run_id"),
                lit(now).as("updated_at"),
                lit(runId).as("updated_run_id"))
            .localCheckpoint();
    if (changes.isEmpty()) {
      return;
    }
    table
        .as("t")
        .merge(changes.as("s"), "t.workspace_id = s.workspace_id AND t.profile_id = s.profile_id")
        .whenMatched("t.status <> s.status")
        .updateExpr(
            Map.of(
                "status",
                "s.status",
                "updated_at",
                "s.updated_at",
                "updated_run_id",
                "s.updated_run_id"))
        .whenNotMatched()
        .insertAll()
        .execute();
  }
}
