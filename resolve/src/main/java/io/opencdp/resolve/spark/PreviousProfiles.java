package io.opencdp.resolve.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;

import io.opencdp.ingest.spark.DeltaTables;
import io.opencdp.ingest.spark.TableLocations;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What the previous run left: which profile each identifier belonged to ({@code identity_map},
 * shared rows left out), when each id was first seen ({@code profile_ids}) and every id ever given
 * out, aliases included. Read before the run writes anything, and materialized, because the run
 * overwrites those tables.
 *
 * @param members type, value, previous_id: the previous profile of each non-shared identifier
 * @param firstSeen previous_id, previous_first_seen
 * @param used profile_id: every id given out by a completed run (active, merged or retired), and
 *     every id of the previous identity_map
 * @param exists whether there was a previous run at all
 * @param streamOnly profile_id: ids the stream gave out that no batch run has registered yet
 *     ({@link StreamProfileIds}); among the previous ids, through the identifiers the stream placed
 *     in them that the identity map does not hold yet
 */
record PreviousProfiles(
    Dataset<Row> members,
    Dataset<Row> firstSeen,
    Dataset<Row> used,
    boolean exists,
    Dataset<Row> streamOnly) {

  private static final StructType PROFILE_ID =
      new StructType().add("profile_id", DataTypes.StringType);

  /**
   * @param streamIds the ids the stream gave out ({@link StreamProfileIds#sync}), or null
   */
  static PreviousProfiles read(
      SparkSession spark, TableLocations tables, String workspace, Dataset<Row> streamIds) {
    String map = tables.table(ResolveTables.IDENTITY_MAP);
    String registry = tables.table(ResolveTables.PROFILE_IDS);
    boolean exists = DeltaTables.exists(spark, map);
    Dataset<Row> members =
        exists
            ? delta(spark, map, workspace)
                .where(col("shared").equalTo(false))
                .select(
                    col("identifier_type").as("type"),
                    col("identifier_value").as("value"),
                    col("profile_id").as("previous_id"))
                .localCheckpoint()
            : empty(
                spark,
                new StructType()
                    .add("type", DataTypes.StringType)
                    .add("value", DataTypes.StringType)
                    .add("previous_id", DataTypes.StringType));
    Dataset<Row> firstSeen =
        DeltaTables.exists(spark, registry)
            ? delta(spark, registry, workspace)
                .select(
                    col("profile_id").as("previous_id"),
                    col("first_seen_at").as("previous_first_seen"))
                .localCheckpoint()
            : empty(
                spark,
                new StructType()
                    .add("previous_id", DataTypes.StringType)
                    .add("previous_first_seen", DataTypes.TimestampType));
    // every id given out by a completed run (an alias or retired id is in the registry too)
    Dataset<Row> used = members.select(col("previous_id").as("profile_id"));
    String log = tables.table(ResolveTables.RESOLVE_LOG);
    if (DeltaTables.exists(spark, registry) && DeltaTables.exists(spark, log)) {
      Dataset<Row> completed =
          delta(spark, log, workspace).select(col("run_id").as("created_run_id"));
      used =
          used.union(
              delta(spark, registry, workspace)
                  .join(completed, new String[] {"created_run_id"}, "left_semi")
                  .select("profile_id"));
    }
    Dataset<Row> streamOnly = empty(spark, PROFILE_ID);
    if (streamIds != null) {
      // an id the registry knows is the batch's now (kept, merged or retired): its stream rows
      // count only through the identity map; an identifier the map holds already has its id
      Dataset<Row> registered =
          DeltaTables.exists(spark, registry)
              ? delta(spark, registry, workspace).select("profile_id")
              : empty(spark, PROFILE_ID);
      Dataset<Row> mapped =
          exists
              ? delta(spark, map, workspace)
                  .select(col("identifier_type").as("type"), col("identifier_value").as("value"))
              : empty(
                  spark,
                  new StructType()
                      .add("type", DataTypes.StringType)
                      .add("value", DataTypes.StringType));
      Dataset<Row> fresh =
          streamIds
              .join(registered, new String[] {"profile_id"}, "left_anti")
              .select(
                  col("identifier_type").as("type"),
                  col("identifier_value").as("value"),
                  col("profile_id").as("previous_id"),
                  col("first_seen_at"))
              .join(mapped, new String[] {"type", "value"}, "left_anti")
              .localCheckpoint();
      members = members.unionByName(fresh.drop("first_seen_at")).distinct();
      firstSeen =
          firstSeen.unionByName(
              fresh.groupBy("previous_id").agg(min("first_seen_at").as("previous_first_seen")));
      streamOnly = fresh.select(col("previous_id").as("profile_id")).distinct();
      used = used.union(streamIds.select("profile_id"));
    }
    return new PreviousProfiles(
        members,
        firstSeen,
        used.distinct().localCheckpoint(),
        exists,
        streamOnly.localCheckpoint());
  }

  static Dataset<Row> delta(SparkSession spark, String location, String workspace) {
    return spark
        .read()
        .format("delta")
        .load(location)
        .where(col("workspace_id").equalTo(workspace));
  }

  private static Dataset<Row> empty(SparkSession spark, StructType schema) {
    return spark.createDataFrame(List.<Row>of(), schema);
  }
}
