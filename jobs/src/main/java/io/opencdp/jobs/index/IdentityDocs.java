package io.opencdp.jobs.index;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_from_entries;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import io.opencdp.schemas.event.IdentifierType;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The identity documents of {@code cdp-<ws>-identity} (docs/profile-store.md): per profile, its
 * identifiers, the links its events made, the links the guardrails dropped, its merges, the
 * overrides that name it and the probabilistic links its events took part in. Rows: {@code id},
 * {@code json}.
 */
final class IdentityDocs {
  /** At most this many links per document, earliest first. */
  static final int MAX_LINKS = 1000;

  /** The tables an identity document is built from, as of the run's snapshot. */
  record Inputs(
      Dataset<Row> identityMap,
      Dataset<Row> eventProfiles,
      Dataset<Row> resolveEvents,
      Dataset<Row> audit,
      Dataset<Row> merges,
      Dataset<Row> overrides,
      Dataset<Row> matchLinks) {}

  private IdentityDocs() {}

  /**
   * The documents of the profiles in {@code ids} (column {@code profile_id}).
   *
   * @param priority identifier types, highest priority first: each event links its identifiers to
   *     its highest-priority one, as resolution does
   */
  static Dataset<Row> build(
      Dataset<Row> ids,
      Inputs in,
      List<IdentifierType> priority,
      String workspace,
      Instant indexedAt) {
    Dataset<Row> pids = ids.select(col("profile_id").as("pid")).distinct();
    Dataset<Row> members =
        in.identityMap()
            .join(pids, in.identityMap().col("profile_id").equalTo(col("pid")), "left_semi");

    Dataset<Row> identifiers =
        DocJson.listPer(
            pids,
            "pid",
            members,
            "profile_id",
            col("identifier_type").isNotNull(),
            struct(
                col("identifier_type").as("type"),
                col("identifier_value").as("value"),
                col("shared"),
                col("shared_reason"),
                col("event_count"),
                col("first_seen_at"),
                col("last_seen_at")),
            "identifiers");

    Dataset<Row> linkRows = links(pids, members, in, priority);
    Dataset<Row> links =
        DocJson.listPer(
                pids,
                "pid",
                linkRows,
                "profile_id",
                col("first_seen_at").isNotNull(),
                struct(
                    col("first_seen_at"),
                    col("first_event_id"),
                    col("left_type"),
                    col("left_value"),
                    col("right_type"),
                    col("right_value"),
                    col("event_count")),
                "all_links")
            .select(
                col("pid"),
                slice(array_sort(col("all_links")), 1, MAX_LINKS).as("links"),
                size(col("all_links")).gt(MAX_LINKS).as("links_truncated"));

    Dataset<Row> owned =
        members.select(
            col("profile_id").as("owner"),
            col("identifier_type").as("o_type"),
            col("identifier_value").as("o_value"));
    Dataset<Row> touching =
        touching(in.audit(), owned, "left_type", "left_value")
            .union(touching(in.audit(), owned, "right_type", "right_value"))
            .distinct();
    Dataset<Row> dropped =
        DocJson.listPer(
                pids,
                "pid",
                touching,
                "owner",
                col("rule").isNotNull(),
                struct(
                    col("left_type"),
                    col("left_value"),
                    col("right_type"),
                    col("right_value"),
                    col("rule"),
                    col("detail"),
                    col("evidence_event_id"),
                    col("seen_at")),
                "dropped_links")
            .select(col("pid"), array_sort(col("dropped_links")).as("dropped_links"));

    Dataset<Row> merges =
        DocJson.listPer(
                pids,
                "pid",
                in.merges(),
                "surviving_profile_id",
                col("alias_profile_id").isNotNull(),
                struct(
                    col("alias_profile_id"),
                    col("evidence_identifier_type"),
                    col("evidence_identifier_value"),
                    col("evidence_event_id"),
                    col("rule"),
                    col("score"),
                    col("run_id"),
                    col("merged_at")),
                "merges")
            .select(col("pid"), array_sort(col("merges")).as("merges"));

    Dataset<Row> active = in.overrides().where(col("active"));
    Dataset<Row> namingProfile = active.withColumn("owner", col("profile_id"));
    Dataset<Row> naming =
        namingProfile
            .unionByName(touching(active, owned, "left_type", "left_value"))
            .unionByName(touching(active, owned, "right_type", "right_value"))
            .distinct();
    Dataset<Row> overrides =
        DocJson.listPer(
                pids,
                "pid",
                naming,
                "owner",
                col("override_id").isNotNull(),
                struct(
                    col("override_id"),
                    col("kind"),
                    col("left_type"),
                    col("left_value"),
                    col("right_type"),
                    col("right_value"),
                    col("profile_id"),
                    col("reason"),
                    col("created_by"),
                    col("created_at")),
                "overrides")
            .select(col("pid"), array_sort(col("overrides")).as("overrides"));

    Dataset<Row> probabilistic = probabilisticLinks(pids, in);

    Dataset<Row> mergedFrom =
        merges.select(
            col("pid"),
            transform(col("merges"), m -> m.getField("alias_profile_id")).as("merged_from"));

    Dataset<Row> all =
        identifiers
            .join(links, "pid")
            .join(dropped, "pid")
            .join(merges, "pid")
            .join(overrides, "pid")
            .join(probabilistic, "pid")
            .join(mergedFrom, "pid");
    Column doc =
        struct(
            lit(workspace).as("workspace_id"),
            col("pid").as("profile_id"),
            col("merged_from"),
            array_sort(col("identifiers")).as("identifiers"),
            col("links"),
            col("links_truncated"),
            col("dropped_links"),
            col("merges"),
            col("overrides"),
            col("probabilistic_links"),
            col("probabilistic_links_truncated"),
            lit(indexedAt).as("indexed_at"));
    return all.select(col("pid").as("id"), DocJson.json(doc).as("json"));
  }

  /**
   * Per profile, the {@code match_links} decisions whose left or right event belongs to it,
   * strongest first, at most {@link #MAX_LINKS}: probability, weight, accepted, rule, detail, the
   * two event ids, the other profile when the other event belongs to another one, and the
   * comparison labels as an object (field to level).
   */
  private static Dataset<Row> probabilisticLinks(Dataset<Row> pids, Inputs in) {
    Dataset<Row> left =
        in.eventProfiles().select(col("event_id").as("l_event"), col("profile_id").as("l_profile"));
    Dataset<Row> right =
        in.eventProfiles().select(col("event_id").as("r_event"), col("profile_id").as("r_profile"));
    Dataset<Row> decisions =
        in.matchLinks()
            .join(left, in.matchLinks().col("left_event_id").equalTo(left.col("l_event")), "left")
            .join(
                right, in.matchLinks().col("right_event_id").equalTo(right.col("r_event")), "left");
    Dataset<Row> owned =
        ownedLinks(decisions, "l_profile", "r_profile")
            .union(ownedLinks(decisions, "r_profile", "l_profile"))
            .where(col("owner").isNotNull())
            .distinct();
    return DocJson.listPer(
            pids, "pid", owned, "owner", col("link").isNotNull(), col("link"), "all_links")
        .select(
            col("pid"),
            transform(
                    slice(sort_array(col("all_links"), false), 1, MAX_LINKS),
                    l ->
                        struct(
                            l.getField("probability").as("probability"),
                            l.getField("weight").as("weight"),
                            l.getField("accepted").as("accepted"),
                            l.getField("rule").as("rule"),
                            l.getField("detail").as("detail"),
                            l.getField("left_event_id").as("left_event_id"),
                            l.getField("right_event_id").as("right_event_id"),
                            l.getField("other_profile_id").as("other_profile_id"),
                            map_from_entries(l.getField("comparisons")).as("comparisons")))
                .as("probabilistic_links"),
            size(col("all_links")).gt(MAX_LINKS).as("probabilistic_links_truncated"));
  }

  /** The decisions as seen from the profile in {@code ownerCol}: owner, link. */
  private static Dataset<Row> ownedLinks(Dataset<Row> decisions, String ownerCol, String otherCol) {
    Column other = when(col(otherCol).notEqual(col(ownerCol)), col(otherCol));
    return decisions.select(
        col(ownerCol).as("owner"),
        struct(
                col("probability"),
                col("weight"),
                col("accepted"),
                col("rule"),
                col("detail"),
                col("left_event_id"),
                col("right_event_id"),
                other.as("other_profile_id"),
                col("comparisons"))
            .as("link"));
  }

  /**
   * Rows of {@code rows} whose ({@code typeCol}, {@code valueCol}) is an identifier of a profile,
   * with that profile as {@code owner}.
   */
  private static Dataset<Row> touching(
      Dataset<Row> rows, Dataset<Row> owned, String typeCol, String valueCol) {
    return rows.join(
            owned,
            rows.col(typeCol)
                .equalTo(owned.col("o_type"))
                .and(rows.col(valueCol).equalTo(owned.col("o_value"))))
        .drop("o_type", "o_value");
  }

  /**
   * The links of the profiles' events: each event joins its identifiers that are members of its
   * profile to the highest-priority one among them; per pair the events that carried it, the first
   * (time, event id).
   */
  private static Dataset<Row> links(
      Dataset<Row> pids, Dataset<Row> members, Inputs in, List<IdentifierType> priority) {
    Column rank = lit(priority.size());
    for (int i = priority.size() - 1; i >= 0; i--) {
      rank = when(col("type").equalTo(priority.get(i).wireName()), lit(i)).otherwise(rank);
    }
    Dataset<Row> events =
        in.eventProfiles()
            .join(pids, in.eventProfiles().col("profile_id").equalTo(col("pid")), "left_semi")
            .select(col("event_id"), col("profile_id"))
            .join(in.resolveEvents().select("event_id", "occurred_at", "identifiers"), "event_id")
            .select(
                col("event_id"),
                col("profile_id"),
                col("occurred_at"),
                explode(col("identifiers")).as("id"))
            .select(
                col("event_id"),
                col("profile_id"),
                col("occurred_at"),
                col("id.type").as("type"),
                col("id.value").as("value"));
    Dataset<Row> usable =
        events
            .join(
                members.where(col("shared").equalTo(false)),
                events
                    .col("profile_id")
                    .equalTo(members.col("profile_id"))
                    .and(events.col("type").equalTo(members.col("identifier_type")))
                    .and(events.col("value").equalTo(members.col("identifier_value"))),
                "left_semi")
            .withColumn("rank", rank)
            .withColumn(
                "pos",
                row_number()
                    .over(Window.partitionBy("event_id").orderBy(col("rank"), col("value"))));
    Dataset<Row> anchors =
        usable
            .where(col("pos").equalTo(1))
            .select(col("event_id"), col("type").as("left_type"), col("value").as("left_value"));
    return usable
        .where(col("pos").gt(1))
        .join(anchors, "event_id")
        .groupBy("profile_id", "left_type", "left_value", "type", "value")
        .agg(
            count(lit(1)).as("event_count"),
            min(struct(col("occurred_at"), col("event_id"))).as("first"))
        .select(
            col("profile_id"),
            col("left_type"),
            col("left_value"),
            col("type").as("right_type"),
            col("value").as("right_value"),
            col("event_count"),
            col("first.event_id").as("first_event_id"),
            col("first.occurred_at").as("first_seen_at"));
  }
}
