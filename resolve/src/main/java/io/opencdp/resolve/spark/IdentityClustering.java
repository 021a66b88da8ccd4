package io.opencdp.resolve.spark;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.when;

import io.opencdp.resolve.guardrail.DropRule;
import io.opencdp.resolve.guardrail.IdentifierKey;
import io.opencdp.resolve.guardrail.IdentifierUsage;
import io.opencdp.resolve.guardrail.LinkGuardrails;
import io.opencdp.resolve.guardrail.NeverLinkRules;
import io.opencdp.resolve.spark.graph.ConnectedComponents;
import io.opencdp.resolve.spark.graph.ConnectedComponentsOptions;
import io.opencdp.resolve.spark.graph.ConnectedComponentsResult;
import io.opencdp.resolve.spark.graph.SurrogateKeys;
import io.opencdp.schemas.event.IdentifierType;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The identity graph of one run: identifiers that share an event are linked (a star from the
 * event's highest-priority identifier); blocked values and shared identifiers never link; the
 * connected components of the remaining links are the candidate persons, and the per-type limits
 * and the operators' overrides split a component the way the stream would, by the plain-Java {@link
 * LinkGuardrails}. An identifier the customer-id or loyalty-id limit had to cut from a second
 * customer is shared in fact, and a second pass keeps it out of linking.
 */
final class IdentityClustering {
  private static final Logger LOG = LoggerFactory.getLogger(IdentityClustering.class);

  /** Limits whose dropped links reveal an identifier used by two customers. */
  private static final Object[] BRIDGE_RULES = {"limit:customer_id", "limit:loyalty_id"};

  /**
   * Graphs up to this many links run their connected-components rounds on the driver (same labels
   * and rounds, no Spark job per round): an incremental run over few changes, a small workspace.
   */
  private static final int DRIVER_EDGE_LIMIT = 50_000;

  private final LinkGuardrails guardrails;
  private final NeverLinkRules neverLink;
  private final String checkpoints;
  private final Column rank;

  IdentityClustering(LinkGuardrails guardrails, NeverLinkRules neverLink, String checkpoints) {
    this.guardrails = guardrails;
    this.neverLink = neverLink;
    this.checkpoints = checkpoints;
    this.rank = priorityRank(guardrails);
  }

  /**
   * The clusters of one run.
   *
   * @param ids usable-or-shared identifier rows (not blocked): event_id, occurred_at, received_at,
   *     type, value, name_key
   * @param usable the rows of identifiers that may link, with their {@code vertex}
   * @param anchors each event's highest-priority usable identifier: event_id, a_type, a_value
   * @param links the star links: a_type, a_value, type, value, seen_at, evidence_event_id
   * @param resolved {@link ComponentResolver}'s output of both passes (cluster keys of the last)
   * @param members every usable identifier with its cluster key: type, value, cluster_key
   * @param shared identifiers that never link: s_type, s_value, s_reason (a {@link DropRule} code)
   * @param rounds connected-components rounds of both passes
   * @param cached what the passes persisted, for {@link #release()}
   */
  record Clusters(
      Dataset<Row> ids,
      Dataset<Row> usable,
      Dataset<Row> anchors,
      Dataset<Row> links,
      Dataset<Row> resolved,
      Dataset<Row> members,
      Dataset<Row> shared,
      int rounds,
      List<Dataset<Row>> cached) {
    Clusters {
      cached = List.copyOf(cached);
    }

    /**
     * Unpersists what the passes cached, once the run no longer reads the clusters. Left cached, a
     * run's datasets would stay registered with the session's cache manager, and every later write
     * to {@code resolve_events} in the same session re-plans each of them (one Delta file-listing
     * job apiece).
     */
    void release() {
      cached.forEach(d -> d.unpersist(false));
    }
  }

  /** Clusters the non-blocked identifier rows {@code ids} (see {@link Clusters#ids}). */
  Clusters cluster(Dataset<Row> ids) {
    List<Dataset<Row>> cached = new ArrayList<>();
    Dataset<Row> shared = sharedIdentifiers(ids).persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(shared);
    Pass first = pass(ids, shared, cached);
    Dataset<Row> limitDrops =
        first.resolved().where(col("kind").equalTo(ComponentResolver.DROPPED));
    Dataset<Row> bridges =
        limitDrops
            .where(col("rule").isin(BRIDGE_RULES))
            .groupBy(col("bridge_type").as("s_type"), col("bridge_value").as("s_value"))
            .agg(min("rule").as("s_reason"));
    Pass last = first;
    int rounds = first.rounds();
    if (!bridges.isEmpty()) {
      LOG.info(
          "second pass: {} identifier(s) joined two customers and are treated as shared",
          bridges.count());
      shared = shared.unionByName(bridges).localCheckpoint();
      last = pass(ids, shared, cached);
      rounds += last.rounds();
    }
    Dataset<Row> resolved = last.resolved().unionByName(limitDrops).distinct();
    Dataset<Row> clusterOf =
        last.resolved()
            .where(col("kind").equalTo(ComponentResolver.IDENTIFIER))
            .select(
                col("left_type").as("type"),
                col("left_value").as("value"),
                concat_ws(":", col("right_type"), col("right_value")).as("cluster_key"));
    // identifiers that never linked are clusters of their own
    Dataset<Row> members =
        last.usable()
            .select("type", "value", "vertex")
            .distinct()
            .join(clusterOf, new String[] {"type", "value"}, "left")
            .select(
                col("type"),
                col("value"),
                coalesce(col("cluster_key"), col("vertex")).as("cluster_key"))
            .localCheckpoint();
    return new Clusters(
        ids,
        last.usable(),
        last.anchors(),
        last.links(),
        resolved,
        members,
        shared,
        rounds,
        cached);
  }

  private record Pass(
      Dataset<Row> usable,
      Dataset<Row> anchors,
      Dataset<Row> links,
      Dataset<Row> resolved,
      int rounds) {}

  /** One pass: links, connected components, then the guardrails inside each component. */
  private Pass pass(Dataset<Row> ids, Dataset<Row> shared, List<Dataset<Row>> cached) {
    Dataset<Row> usable =
        ids.join(
                shared,
                ids.col("type")
                    .equalTo(shared.col("s_type"))
                    .and(ids.col("value").equalTo(shared.col("s_value"))),
                "left_anti")
            .withColumn("rank", rank)
            .withColumn("vertex", concat_ws(":", col("type"), col("value")));

    // each event links its identifiers to its highest-priority one (a star, not a clique)
    Dataset<Row> anchored =
        usable
            .withColumn(
                "anchor_pos",
                row_number()
                    .over(Window.partitionBy("event_id").orderBy(col("rank"), col("value"))))
            .persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(anchored);
    Dataset<Row> anchors =
        anchored
            .where(col("anchor_pos").equalTo(1))
            .select(
                col("event_id"),
                col("type").as("a_type"),
                col("value").as("a_value"),
                col("vertex").as("a_vertex"));
    Dataset<Row> links =
        anchored
            .where(col("anchor_pos").gt(1))
            .join(anchors, "event_id")
            .groupBy("a_type", "a_value", "a_vertex", "type", "value", "vertex")
            .agg(
                min(col("occurred_at")).as("seen_at"), min(col("event_id")).as("evidence_event_id"))
            .persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(links);

    // candidate persons: connected components over long ids
    Dataset<Row> vertices = usable.select(col("vertex").as("key")).distinct();
    SurrogateKeys keys = SurrogateKeys.assign(vertices, "key");
    Dataset<Row> edges =
        keys.withId(keys.withId(links, "a_vertex", "src"), "vertex", "dst")
            .select("src", "dst")
            .localCheckpoint();
    try (ConnectedComponentsResult cc =
        ConnectedComponents.run(
            edges, ConnectedComponentsOptions.defaults(checkpoints), DRIVER_EDGE_LIMIT)) {
      Dataset<Row> component =
          keys.withKey(cc.components(), "id", "vertex").select(col("vertex"), col("component"));
      Dataset<Row> resolved =
          links
              .join(component, links.col("a_vertex").equalTo(component.col("vertex")))
              .select(
                  col("component"),
                  col("a_type"),
                  col("a_value"),
                  col("type"),
                  col("value"),
                  col("evidence_event_id"),
                  col("seen_at"))
              .groupByKey((MapFunction<Row, Long>) r -> r.getLong(0), Encoders.LONG())
              .flatMapGroups(
                  new ComponentResolver(guardrails, neverLink),
                  Encoders.row(ResolveTables.COMPONENT_OUTPUT))
              // materialized before the components' checkpoint files are deleted
              .localCheckpoint();
      return new Pass(usable, anchors, links, resolved, cc.rounds());
    }
  }

  /**
   * Emails and phones seen with more persons than a household, devices used by several customers.
   */
  private Dataset<Row> sharedIdentifiers(Dataset<Row> ids) {
    LinkGuardrails rules = guardrails;
    Dataset<Row> customers =
        ids.where(col("type").equalTo(IdentifierType.CUSTOMER_ID.wireName()))
            .select(col("event_id"), col("value").as("customer"));
    Dataset<Row> usage =
        ids.where(col("type").isin("email", "phone", "device_id", "anonymous_id"))
            .join(customers, new String[] {"event_id"}, "left")
            .groupBy("type", "value")
            .agg(
                slice(array_sort(collect_set(col("name_key"))), 1, 64).as("name_keys"),
                countDistinct(col("customer")).as("customers"));
    return usage
        .filter(
            (FilterFunction<Row>)
                r ->
                    rules
                        .sharedDetector()
                        .isShared(
                            IdentifierUsage.of(
                                new IdentifierKey(
                                    IdentifierType.fromWireName(r.getString(0)), r.getString(1)),
                                r.getList(2),
                                r.getLong(3))))
        .select(
            col("type").as("s_type"),
            col("value").as("s_value"),
            lit(DropRule.SHARED_IDENTIFIER.code()).as("s_reason"));
  }

  private static Column priorityRank(LinkGuardrails guardrails) {
    List<String> order = IdentifierMarks.typesByPriority(guardrails);
    Column rank = lit(order.size());
    for (int i = order.size() - 1; i >= 0; i--) {
      rank = when(col("type").equalTo(order.get(i)), lit(i)).otherwise(rank);
    }
    return rank;
  }
}
