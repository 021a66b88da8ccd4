package io.opencdp.resolve.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The match records of a resolve run and the events behind them, one place for {@code cdp resolve}
 * and {@code cdp match}: each event that carries a name is grouped by the profile candidate
 * deterministic stitching put it in ({@link MatchInput}).
 */
final class MatchRecords {
  private MatchRecords() {}

  /**
   * id, group, values, event_id: the records of the events in the candidates {@code members} form.
   *
   * @param events the events table's rows of the workspace
   * @param clusters the run's clusters (each event's anchor identifier)
   * @param members type, value, cluster_key: the candidates, as probabilistic linking found them
   */
  static Dataset<Row> of(
      Dataset<Row> events, IdentityClustering.Clusters clusters, Dataset<Row> members) {
    Dataset<Row> anchors = clusters.anchors();
    Dataset<Row> eventGroups =
        anchors
            .join(
                members,
                anchors
                    .col("a_type")
                    .equalTo(members.col("type"))
                    .and(anchors.col("a_value").equalTo(members.col("value"))))
            .select(col("event_id"), col("cluster_key"));
    // a named event no identifier placed is a group of its own: it may join a candidate
    eventGroups =
        eventGroups.unionByName(
            events
                .select("event_id")
                .join(eventGroups, new String[] {"event_id"}, "left_anti")
                .select(
                    col("event_id"),
                    concat(lit(ProbabilisticLinking.UNPLACED_PREFIX), col("event_id"))
                        .as("cluster_key")));
    return MatchInput.records(MatchInput.eventValues(events), eventGroups);
  }

  /**
   * Scored pairs ({@code SparkMatcher#score}) with {@code left_event_id} and {@code
   * right_event_id}: the first event of each record.
   *
   * @param records {@link #of}
   */
  static Dataset<Row> withEventIds(Dataset<Row> scored, Dataset<Row> records) {
    Dataset<Row> left = records.select(col("id").as("l_id"), col("event_id").as("left_event_id"));
    Dataset<Row> right = records.select(col("id").as("r_id"), col("event_id").as("right_event_id"));
    return scored
        .join(left, scored.col("left_id").equalTo(left.col("l_id")))
        .join(right, scored.col("right_id").equalTo(right.col("r_id")))
        .drop("l_id", "r_id");
  }
}
