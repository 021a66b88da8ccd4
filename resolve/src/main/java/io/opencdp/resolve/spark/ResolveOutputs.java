package io.opencdp.resolve.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The rows of the tables a run derives from its clusters and profile ids. */
final class ResolveOutputs {
  private ResolveOutputs() {}

  /**
   * {@code event_profiles}: each event belongs to the profile of its highest-priority usable
   * identifier; an event no identifier placed, to the profile a probabilistic link put it in, or to
   * its walk-in profile.
   *
   * @param placedEvents event_id, cluster_key of the events a link placed, or null
   * @param components cluster_key, profile_id
   * @param walkIns event_id, profile_id of the walk-in profiles' events, or null
   */
  static Dataset<Row> eventProfiles(
      IdentityClustering.Clusters clusters,
      Dataset<Row> profileOf,
      Dataset<Row> placedEvents,
      Dataset<Row> components,
      Dataset<Row> walkIns,
      String workspace) {
    Dataset<Row> anchors = clusters.anchors();
    Dataset<Row> anchored =
        anchors
            .join(
                profileOf,
                anchors
                    .col("a_type")
                    .equalTo(profileOf.col("type"))
                    .and(anchors.col("a_value").equalTo(profileOf.col("value"))))
            .select(col("event_id"), col("profile_id"));
    if (placedEvents != null) {
      anchored =
          anchored.unionByName(
              placedEvents
                  .join(components, "cluster_key")
                  .select(col("event_id"), col("profile_id")));
    }
    if (walkIns != null) {
      anchored = anchored.unionByName(walkIns.select(col("event_id"), col("profile_id")));
    }
    return anchored.select(lit(workspace).as("workspace_id"), col("event_id"), col("profile_id"));
  }

  /**
   * {@code identity_map} without {@code updated_at}: every usable identifier on its profile, and
   * every shared one on each profile whose events carry it, flagged with the reason.
   */
  static Dataset<Row> identityMap(
      IdentityClustering.Clusters clusters,
      Dataset<Row> profileOf,
      Dataset<Row> eventProfiles,
      String workspace) {
    Dataset<Row> own =
        stats(clusters.usable().join(profileOf, new String[] {"type", "value"}))
            .withColumn("shared", lit(false))
            .withColumn("shared_reason", lit(null).cast("string"));
    Dataset<Row> ids = clusters.ids();
    Dataset<Row> shared = clusters.shared();
    Dataset<Row> sharedRows =
        ids.join(
                shared,
                ids.col("type")
                    .equalTo(shared.col("s_type"))
                    .and(ids.col("value").equalTo(shared.col("s_value"))))
            .join(eventProfiles.select("event_id", "profile_id"), "event_id");
    Dataset<Row> onEach =
        sharedRows
            .groupBy("type", "value", "profile_id", "s_reason")
            .agg(
                count(lit(1)).as("event_count"),
                min("occurred_at").as("first_seen_at"),
                max("occurred_at").as("last_seen_at"))
            .withColumn("shared", lit(true))
            .withColumnRenamed("s_reason", "shared_reason");
    return own.unionByName(onEach)
        .select(
            lit(workspace).as("workspace_id"),
            col("type").as("identifier_type"),
            col("value").as("identifier_value"),
            col("profile_id"),
            col("shared"),
            col("shared_reason"),
            col("event_count"),
            col("first_seen_at"),
            col("last_seen_at"));
  }

  /** {@code identity_link_audit}: links the guardrails dropped, blocked values, shared ones. */
  static Dataset<Row> audit(
      IdentityClustering.Clusters clusters, Dataset<Row> marked, String workspace) {
    Dataset<Row> dropped =
        clusters
            .resolved()
            .where(col("kind").equalTo(ComponentResolver.DROPPED))
            .select(
                lit(workspace).as("workspace_id"),
                col("left_type"),
                col("left_value"),
                col("right_type"),
                col("right_value"),
                col("rule"),
                col("detail"),
                col("evidence_event_id"),
                col("seen_at"));
    Dataset<Row> shared = clusters.shared();
    Dataset<Row> blocked =
        marked
            .where(col("blocked"))
            .groupBy("type", "value")
            .agg(min("event_id").as("evidence_event_id"), min("occurred_at").as("seen_at"))
            .withColumn("rule", lit("blocked_value"));
    Dataset<Row> sharedRows =
        marked
            .join(
                shared,
                marked
                    .col("type")
                    .equalTo(shared.col("s_type"))
                    .and(marked.col("value").equalTo(shared.col("s_value"))))
            .groupBy("type", "value")
            .agg(min("event_id").as("evidence_event_id"), min("occurred_at").as("seen_at"))
            .withColumn("rule", lit("shared_identifier"));
    Dataset<Row> values =
        blocked
            .unionByName(sharedRows)
            .select(
                lit(workspace).as("workspace_id"),
                col("type").as("left_type"),
                col("value").as("left_value"),
                lit(null).cast("string").as("right_type"),
                lit(null).cast("string").as("right_value"),
                col("rule"),
                lit(null).cast("string").as("detail"),
                col("evidence_event_id"),
                col("seen_at"));
    return dropped.unionByName(values).distinct();
  }

  private static Dataset<Row> stats(Dataset<Row> rows) {
    return rows.groupBy("type", "value", "profile_id")
        .agg(
            count(lit(1)).as("event_count"),
            min("occurred_at").as("first_seen_at"),
            max("occurred_at").as("last_seen_at"));
  }
}
