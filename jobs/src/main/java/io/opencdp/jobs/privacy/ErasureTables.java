package io.opencdp.jobs.privacy;

import static org.apache.spark.sql.functions.col;

import io.opencdp.ingest.spark.DeadLettersTable;
import io.opencdp.ingest.spark.EventsTable;
import io.opencdp.ingest.spark.IngestLogTable;
import io.opencdp.ingest.spark.SuppressionListTable;
import io.opencdp.jobs.segment.SegmentTables;
import io.opencdp.resolve.spark.ResolveTables;
import io.opencdp.resolve.spark.profile.ProfilesTable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.apache.spark.sql.Column;

/**
 * Every Delta table the platform writes under {@code <work_dir>/delta/<workspace>/}, and for each
 * one either how erasure finds a person's rows in it (docs/data-model.md, "Erasure: finding a
 * person's rows") or that it holds no personal data. A table the eraser does not know ({@link
 * #unknown}) stops every erasure before it deletes anything: a new table must be added here before
 * erasure can vouch for it.
 */
final class ErasureTables {
  /** Tables without personal data (ids of runs, counts, paths, hashes). */
  static final Set<String> WITHOUT_PERSONAL_DATA =
      Set.of(
          IngestLogTable.NAME,
          ResolveTables.RESOLVE_LOG,
          "index_log",
          SegmentTables.REFRESHES,
          SuppressionListTable.NAME,
          ErasureRequestsTable.NAME,
          // who read which profile id, by key id and route template: the accountability record,
          // append-only (docs/privacy.md, "Audit log")
          AuditTable.NAME);

  /**
   * The tables with personal data, in deletion order, each with the predicate of the person's rows
   * given the table's columns.
   */
  static final Map<String, BiFunction<PersonColumns, Set<String>, Column>> PERSONAL = personal();

  private ErasureTables() {}

  private static Map<String, BiFunction<PersonColumns, Set<String>, Column>> personal() {
    Map<String, BiFunction<PersonColumns, Set<String>, Column>> t = new LinkedHashMap<>();
    t.put(EventsTable.NAME, (p, c) -> p.event(col("event_id")));
    t.put(
        DeadLettersTable.NAME,
        (p, c) -> p.anyIdentifier(col("identifiers"), "normalized").or(p.text(col("raw_text"))));
    t.put(
        ResolveTables.IDENTITY_MAP,
        (p, c) ->
            p.identifier(col("identifier_type"), col("identifier_value"))
                .or(p.profile(col("profile_id"))));
    t.put(
        ResolveTables.EVENT_PROFILES,
        (p, c) -> p.profile(col("profile_id")).or(p.event(col("event_id"))));
    t.put(
        ResolveTables.IDENTITY_LINK_AUDIT,
        (p, c) ->
            p.identifier(col("left_type"), col("left_value"))
                .or(p.identifier(col("right_type"), col("right_value")))
                .or(p.event(col("evidence_event_id"))));
    t.put(
        ResolveTables.IDENTITY_OVERRIDES,
        (p, c) ->
            p.identifier(col("left_type"), col("left_value"))
                .or(p.identifier(col("right_type"), col("right_value")))
                .or(p.profile(col("profile_id")))
                .or(p.anyIdentifier(col("moved"), "value"))
                .or(p.anyIdentifier(col("kept"), "value")));
    t.put(
        ResolveTables.RESOLVE_EVENTS,
        (p, c) -> p.event(col("event_id")).or(p.anyIdentifier(col("identifiers"), "value")));
    t.put(ResolveTables.PROFILE_IDS, (p, c) -> p.profile(col("profile_id")));
    t.put(ProfilesTable.NAME, (p, c) -> p.profile(col("profile_id")));
    t.put(
        ResolveTables.PROFILE_MERGES,
        (p, c) ->
            p.profile(col("alias_profile_id"))
                .or(p.profile(col("surviving_profile_id")))
                .or(p.identifier(col("evidence_identifier_type"), col("evidence_identifier_value")))
                .or(p.event(col("evidence_event_id"))));
    t.put(SegmentTables.MEMBERSHIP, (p, c) -> p.profile(col("profile_id")));
    t.put(ResolveTables.MATCH_REVIEW, ErasureTables::matchPair);
    t.put(ResolveTables.MATCH_LINKS, ErasureTables::matchPair);
    t.put(
        ResolveTables.STREAM_PROFILE_IDS,
        (p, c) ->
            p.profile(col("profile_id"))
                .or(p.identifier(col("identifier_type"), col("identifier_value"))));
    return t;
  }

  /** {@code match_review} / {@code match_links}: by either record's event or candidate group. */
  private static Column matchPair(PersonColumns p, Set<String> columns) {
    Column found = PersonColumns.none();
    for (String side : List.of("left", "right")) {
      if (columns.contains(side + "_event_id")) {
        found = found.or(p.event(col(side + "_event_id")));
      }
      if (columns.contains(side + "_group")) {
        found = found.or(p.group(col(side + "_group")));
      }
    }
    return found;
  }

  /** The names among {@code tables} that this class does not know. */
  static List<String> unknown(String... tables) {
    return Arrays.stream(tables)
        .filter(name -> !PERSONAL.containsKey(name) && !WITHOUT_PERSONAL_DATA.contains(name))
        .sorted()
        .toList();
  }
}
