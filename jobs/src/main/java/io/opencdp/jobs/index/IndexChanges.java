package io.opencdp.jobs.index;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What changed in Delta since the versions the last run indexed, as the documents it touches:
 *
 * <ul>
 *   <li>profiles to rebuild (or delete, when no longer active): every profile in the change data
 *       feed of {@code profiles}, plus every profile whose identity graph changed: rows that differ
 *       between the last indexed version and now of {@code event_profiles}, {@code identity_map},
 *       {@code profile_merges} (both ids), {@code identity_overrides} and {@code
 *       identity_link_audit} (the profiles owning the identifiers they name), and {@code
 *       match_links} (the profiles of the two events of each decision). Those tables have no change
 *       feed; comparing two versions of them is a scan of narrow tables, far cheaper than indexing
 *       everything again.
 *   <li>events to rewrite: every event in the change feed of {@code events} and every event whose
 *       {@code event_profiles} row changed, so events follow their profile through merges and
 *       splits;
 *   <li>events that may have left a stale document: deleted events, updated events (their month,
 *       hence their index, may have changed) and events that lost their profile.
 * </ul>
 */
final class IndexChanges {
  private static final Logger LOG = LoggerFactory.getLogger(IndexChanges.class);

  private final Dataset<Row> profileIds;
  private final Dataset<Row> eventIds;
  private final Dataset<Row> staleEventIds;

  private IndexChanges(Dataset<Row> profileIds, Dataset<Row> eventIds, Dataset<Row> staleEventIds) {
    this.profileIds = profileIds;
    this.eventIds = eventIds;
    this.staleEventIds = staleEventIds;
  }

  /** Column {@code profile_id}, distinct, materialized. */
  Dataset<Row> profileIds() {
    return profileIds;
  }

  /** Column {@code event_id}, distinct, materialized. */
  Dataset<Row> eventIds() {
    return eventIds;
  }

  /** Column {@code event_id}, distinct, materialized. */
  Dataset<Row> staleEventIds() {
    return staleEventIds;
  }

  /**
   * The changes after {@code last}; empty when they cannot be read (a table the last run did not
   * record, a version or change feed that is gone): the caller rebuilds in full.
   */
  static Optional<IndexChanges> since(IndexSources src, Map<String, Long> last) {
    for (String table : IndexSources.REQUIRED) {
      if (!last.containsKey(table)) {
        LOG.warn("the last index run recorded no version of {}: a full rebuild", table);
        return Optional.empty();
      }
    }
    for (String table : IndexSources.OPTIONAL) {
      if (last.containsKey(table) && !src.has(table)) {
        LOG.warn("{} was indexed before but is gone: a full rebuild", table);
        return Optional.empty();
      }
    }
    try {
      return Optional.of(read(src, last));
    } catch (Exception e) {
      if (!(e instanceof AnalysisException)) {
        throw e;
      }
      LOG.warn(
          "cannot read the changes since the last index run ({}): a full rebuild",
          e.getMessage().lines().findFirst().orElse(""));
      return Optional.empty();
    }
  }

  private static IndexChanges read(IndexSources src, Map<String, Long> last) {
    List<Dataset<Row>> profiles = new ArrayList<>();
    List<Dataset<Row>> events = new ArrayList<>();
    List<Dataset<Row>> stale = new ArrayList<>();

    if (changed(src, last, IndexSources.PROFILES)) {
      Dataset<Row> feed = src.changesSince(IndexSources.PROFILES, last.get(IndexSources.PROFILES));
      feed.schema();
      profiles.add(feed.select("profile_id"));
    }
    if (changed(src, last, IndexSources.EVENTS)) {
      Dataset<Row> feed = src.changesSince(IndexSources.EVENTS, last.get(IndexSources.EVENTS));
      feed.schema();
      events.add(feed.select("event_id"));
      // their profiles carry them as activity
      profiles.add(
          feed.select("event_id")
              .join(src.read(IndexSources.EVENT_PROFILES), "event_id")
              .select("profile_id"));
      stale.add(
          feed.where(col("_change_type").isin("delete", "update_preimage")).select("event_id"));
    }
    Dataset<Row> identityNow = src.read(IndexSources.IDENTITY_MAP);
    if (changed(src, last, IndexSources.EVENT_PROFILES)) {
      Diff diff = diff(src, last, IndexSources.EVENT_PROFILES);
      for (Dataset<Row> rows : diff.both()) {
        profiles.add(rows.select("profile_id"));
        events.add(rows.select("event_id"));
      }
      stale.add(diff.removed().select("event_id"));
    }
    if (changed(src, last, IndexSources.IDENTITY_MAP)) {
      for (Dataset<Row> rows : diff(src, last, IndexSources.IDENTITY_MAP).both()) {
        profiles.add(rows.select("profile_id"));
      }
    }
    if (changed(src, last, IndexSources.PROFILE_MERGES)) {
      for (Dataset<Row> rows : diff(src, last, IndexSources.PROFILE_MERGES).both()) {
        profiles.add(rows.select(col("surviving_profile_id").as("profile_id")));
        profiles.add(rows.select(col("alias_profile_id").as("profile_id")));
      }
    }
    if (changed(src, last, IndexSources.OVERRIDES)) {
      for (Dataset<Row> rows : diff(src, last, IndexSources.OVERRIDES).both()) {
        profiles.add(rows.select("profile_id"));
        profiles.add(owners(rows, identityNow));
      }
    }
    if (changed(src, last, IndexSources.LINK_AUDIT)) {
      for (Dataset<Row> rows : diff(src, last, IndexSources.LINK_AUDIT).both()) {
        profiles.add(owners(rows, identityNow));
      }
    }
    if (changed(src, last, IndexSources.MATCH_LINKS)) {
      Dataset<Row> eventProfiles = src.read(IndexSources.EVENT_PROFILES);
      for (Dataset<Row> rows : diff(src, last, IndexSources.MATCH_LINKS).both()) {
        profiles.add(eventOwners(rows, eventProfiles));
      }
    }
    return new IndexChanges(
        distinct(src, profiles, "profile_id"),
        distinct(src, events, "event_id"),
        distinct(src, stale, "event_id"));
  }

  private static boolean changed(IndexSources src, Map<String, Long> last, String table) {
    if (!src.has(table)) {
      return false;
    }
    Long before = last.get(table);
    return before == null || before.longValue() != src.versions().get(table).longValue();
  }

  /** Rows only in the last indexed version, rows only in the current one. */
  private record Diff(Dataset<Row> removed, Dataset<Row> added) {
    List<Dataset<Row>> both() {
      return List.of(removed, added);
    }
  }

  private static Diff diff(IndexSources src, Map<String, Long> last, String table) {
    Dataset<Row> now = src.read(table);
    Long before = last.get(table);
    if (before == null) {
      return new Diff(now.limit(0), now);
    }
    Dataset<Row> then = src.readAt(table, before);
    if (!then.schema().equals(now.schema())) {
      // columns changed in between: compare what both have
      List<String> common = new ArrayList<>();
      for (String c : now.columns()) {
        if (List.of(then.columns()).contains(c)) {
          common.add(c);
        }
      }
      String[] cols = common.toArray(String[]::new);
      then = then.selectExpr(cols);
      now = now.selectExpr(cols);
    }
    return new Diff(then.except(now), now.except(then));
  }

  /** The profiles owning an identifier named by the rows' left or right end. */
  private static Dataset<Row> owners(Dataset<Row> rows, Dataset<Row> identityMap) {
    Dataset<Row> ends =
        rows.select(col("left_type").as("t"), col("left_value").as("v"))
            .union(rows.select(col("right_type").as("t"), col("right_value").as("v")))
            .where(col("t").isNotNull());
    return identityMap
        .join(
            ends,
            identityMap
                .col("identifier_type")
                .equalTo(ends.col("t"))
                .and(identityMap.col("identifier_value").equalTo(ends.col("v"))),
            "left_semi")
        .select("profile_id");
  }

  /** The profiles the rows' left or right event belongs to. */
  private static Dataset<Row> eventOwners(Dataset<Row> rows, Dataset<Row> eventProfiles) {
    Dataset<Row> events =
        rows.select(col("left_event_id").as("e")).union(rows.select(col("right_event_id").as("e")));
    return eventProfiles
        .join(events, eventProfiles.col("event_id").equalTo(events.col("e")), "left_semi")
        .select("profile_id");
  }

  private static Dataset<Row> distinct(IndexSources src, List<Dataset<Row>> parts, String column) {
    Dataset<Row> all = src.emptyIds(column);
    for (Dataset<Row> part : parts) {
      Dataset<Row> one = part.select(col(column)).where(col(column).isNotNull());
      all = all.union(one);
    }
    return all.distinct().localCheckpoint();
  }
}
