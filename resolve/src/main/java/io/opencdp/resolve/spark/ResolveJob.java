package io.opencdp.resolve.spark;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

import io.opencdp.ingest.spark.DeltaTables;
import io.opencdp.ingest.spark.TableLocations;
import io.opencdp.resolve.guardrail.IdentifierKey;
import io.opencdp.resolve.guardrail.IdentifierUsage;
import io.opencdp.resolve.guardrail.LinkGuardrails;
import io.opencdp.resolve.spark.graph.ConnectedComponents;
import io.opencdp.resolve.spark.graph.ConnectedComponentsOptions;
import io.opencdp.resolve.spark.graph.ConnectedComponentsResult;
import io.opencdp.resolve.spark.graph.SurrogateKeys;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.event.IdentifierType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deterministic identity resolution over the whole {@code events} table ({@code cdp resolve
 * --full}): identifiers that share an event are linked; blocked values and shared identifiers never
 * link; the connected components of the remaining links are the candidate persons, and the per-type
 * limits split a component the way the stream would, by the plain-Java {@link LinkGuardrails}.
 * Writes {@code identity_map}, {@code identity_link_audit} and {@code event_profiles}. A profile id
 * is derived from its cluster key (the highest-priority identifier), so it stays the same across
 * runs while that identifier stays in the profile.
 */
public final class ResolveJob {
  private static final Logger LOG = LoggerFactory.getLogger(ResolveJob.class);

  /** Limits whose dropped links reveal an identifier used by two customers. */
  private static final Object[] BRIDGE_RULES = {"limit:customer_id", "limit:loyalty_id"};

  private final SparkSession spark;
  private final CdpConfig config;
  private final TableLocations tables;

  public ResolveJob(SparkSession spark, CdpConfig config) {
    this.spark = spark;
    this.config = config;
    this.tables = TableLocations.of(config);
  }

  public TableLocations tables() {
    return tables;
  }

  public ResolveReport run() {
    Instant started = Instant.now();
    if (!DeltaTables.exists(spark, tables.events())) {
      throw new CdpException(
          ErrorCode.INPUT_NOT_FOUND,
          "no events table at " + tables.events() + "; run `cdp ingest` first");
    }
    LinkGuardrails guardrails = LinkGuardrails.from(config.resolve().guardrails());
    String workspace = config.workspace();
    Column rank = priorityRank(guardrails);

    Dataset<Row> raw =
        spark
            .read()
            .format("delta")
            .load(tables.events())
            .where(col("workspace_id").equalTo(workspace))
            .select(
                col("event_id"),
                col("occurred_at"),
                col("person.first_name").as("first_name"),
                col("person.last_name").as("last_name"),
                explode(col("identifiers")).as("id"))
            .where(col("id.valid").and(col("id.normalized").isNotNull()))
            .select(
                col("event_id"),
                col("occurred_at"),
                col("first_name"),
                col("last_name"),
                col("id.type").as("type"),
                col("id.normalized").as("value"))
            .dropDuplicates("event_id", "type", "value");
    Dataset<Row> marked =
        raw.mapPartitions(new IdentifierMarks(guardrails), Encoders.row(IdentifierMarks.SCHEMA))
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> ids = marked.where(col("blocked").equalTo(false));
      Dataset<Row> shared =
          sharedIdentifiers(ids, guardrails).persist(StorageLevel.MEMORY_AND_DISK());
      Clustering clustering = cluster(ids, shared, guardrails, rank);
      // an identifier the per-type limit had to cut from a second customer (a family email, a
      // shared device) is
      // shared in fact: a second pass keeps it out of linking, so its events are not credited to
      // one member
      Dataset<Row> bridges =
          clustering
              .resolved()
              .where(
                  col("kind")
                      .equalTo(ComponentResolver.DROPPED)
                      .and(col("rule").isin(BRIDGE_RULES)))
              .select(col("bridge_type").as("s_type"), col("bridge_value").as("s_value"))
              .distinct();
      Dataset<Row> limitDrops =
          clustering.resolved().where(col("kind").equalTo(ComponentResolver.DROPPED));
      int rounds = clustering.rounds();
      if (!bridges.isEmpty()) {
        LOG.info(
            "second pass: {} identifier(s) joined two customers and are treated as shared",
            bridges.count());
        shared = shared.unionByName(bridges).distinct().localCheckpoint();
        clustering = cluster(ids, shared, guardrails, rank);
        rounds += clustering.rounds();
      }
      Dataset<Row> usable = clustering.usable();
      Dataset<Row> anchors = clustering.anchors();
      Dataset<Row> resolved = clustering.resolved().unionByName(limitDrops).distinct();
      {
        // identifier -> cluster key; identifiers that never linked are their own cluster
        Dataset<Row> clusterOf =
            resolved
                .where(col("kind").equalTo(ComponentResolver.IDENTIFIER))
                .select(
                    col("left_type").as("type"),
                    col("left_value").as("value"),
                    concat_ws(":", col("right_type"), col("right_value")).as("cluster_key"));
        Dataset<Row> profileOf =
            usable
                .select("type", "value", "vertex")
                .distinct()
                .join(clusterOf, new String[] {"type", "value"}, "left")
                .withColumn("cluster_key", coalesce(col("cluster_key"), col("vertex")))
                .withColumn("profile_id", profileId(col("cluster_key")))
                .select("type", "value", "profile_id");

        Dataset<Row> eventProfiles =
            anchors
                .join(
                    profileOf,
                    anchors
                        .col("a_type")
                        .equalTo(profileOf.col("type"))
                        .and(anchors.col("a_value").equalTo(profileOf.col("value"))))
                .select(lit(workspace).as("workspace_id"), col("event_id"), col("profile_id"))
                .persist(StorageLevel.MEMORY_AND_DISK());
        overwrite(eventProfiles, ResolveTables.EVENT_PROFILES);

        Dataset<Row> ownMap =
            identifierStats(usable.join(profileOf, new String[] {"type", "value"}), false);
        Dataset<Row> sharedMap =
            identifierStats(
                ids.join(
                        shared,
                        ids.col("type")
                            .equalTo(shared.col("s_type"))
                            .and(ids.col("value").equalTo(shared.col("s_value"))))
                    .join(eventProfiles.select("event_id", "profile_id"), "event_id"),
                true);
        Dataset<Row> identityMap =
            ownMap
                .unionByName(sharedMap)
                .select(
                    lit(workspace).as("workspace_id"),
                    col("type").as("identifier_type"),
                    col("value").as("identifier_value"),
                    col("profile_id"),
                    col("shared"),
                    col("event_count"),
                    col("first_seen_at"),
                    col("last_seen_at"));
        overwrite(identityMap, ResolveTables.IDENTITY_MAP);

        Dataset<Row> audit =
            resolved
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
                    col("seen_at"))
                .unionByName(blockedAndSharedAudit(marked, shared, workspace), true);
        overwrite(audit, ResolveTables.IDENTITY_LINK_AUDIT);

        long profiles = eventProfiles.select("profile_id").distinct().count();
        long events = eventProfiles.count();
        LOG.info(
            "resolved {} event(s) into {} profile(s) in {} connected-components round(s)",
            events,
            profiles,
            rounds);
        return new ResolveReport(
            profiles, events, rounds, Duration.between(started, Instant.now()));
      }
    } finally {
      marked.unpersist();
    }
  }

  /**
   * One clustering pass: links, connected components, then the guardrail limits inside each
   * component.
   */
  private Clustering cluster(
      Dataset<Row> ids, Dataset<Row> shared, LinkGuardrails guardrails, Column rank) {
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

    // candidate persons: connected components over long ids
    Dataset<Row> vertices = usable.select(col("vertex").as("key")).distinct();
    SurrogateKeys keys = SurrogateKeys.assign(vertices, "key");
    Dataset<Row> edges =
        keys.withId(keys.withId(links, "a_vertex", "src"), "vertex", "dst")
            .select("src", "dst")
            .localCheckpoint();
    String checkpoints = config.workDir().toAbsolutePath().resolve("checkpoints").toString();
    try (ConnectedComponentsResult cc =
        ConnectedComponents.run(edges, ConnectedComponentsOptions.defaults(checkpoints))) {
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
                  new ComponentResolver(guardrails), Encoders.row(ResolveTables.COMPONENT_OUTPUT))
              // materialized before the components' checkpoint files are deleted
              .localCheckpoint();
      return new Clustering(usable, anchors, resolved, cc.rounds());
    }
  }

  private record Clustering(
      Dataset<Row> usable, Dataset<Row> anchors, Dataset<Row> resolved, int rounds) {}

  /**
   * Emails and phones seen with more persons than a household, devices used by several customers.
   */
  private Dataset<Row> sharedIdentifiers(Dataset<Row> ids, LinkGuardrails guardrails) {
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
                    guardrails
                        .sharedDetector()
                        .isShared(
                            IdentifierUsage.of(
                                new IdentifierKey(
                                    IdentifierType.fromWireName(r.getString(0)), r.getString(1)),
                                r.getList(2),
                                r.getLong(3))))
        .select(col("type").as("s_type"), col("value").as("s_value"));
  }

  private static Dataset<Row> blockedAndSharedAudit(
      Dataset<Row> marked, Dataset<Row> shared, String workspace) {
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
    return blocked
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
  }

  /** Per (identifier, profile): how many events carried it and when it was first and last seen. */
  private static Dataset<Row> identifierStats(Dataset<Row> rows, boolean shared) {
    return rows.groupBy("type", "value", "profile_id")
        .agg(
            count(lit(1)).as("event_count"),
            min("occurred_at").as("first_seen_at"),
            max("occurred_at").as("last_seen_at"))
        .withColumn("shared", lit(shared));
  }

  private void overwrite(Dataset<Row> rows, String table) {
    rows.write()
        .format("delta")
        .mode("overwrite")
        .option("overwriteSchema", "true")
        .save(tables.table(table));
  }

  /** Stable, opaque profile id: {@code p_} + 16 hex digits of SHA-256 of the cluster key. */
  static Column profileId(Column clusterKey) {
    return functionsConcat(lit("p_"), substring(sha2(clusterKey, 256), 1, 16));
  }

  private static Column functionsConcat(Column a, Column b) {
    return org.apache.spark.sql.functions.concat(a, b);
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
