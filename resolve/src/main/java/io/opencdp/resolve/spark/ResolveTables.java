package io.opencdp.resolve.spark;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Names and schemas of what the resolve job writes, and of its intermediate rows. The table names
 * and the schemas of tables other jobs read (the indexer) are public.
 */
public final class ResolveTables {
  public static final String IDENTITY_MAP = "identity_map";
  public static final String IDENTITY_LINK_AUDIT = "identity_link_audit";
  public static final String EVENT_PROFILES = "event_profiles";
  public static final String PROFILE_MERGES = "profile_merges";
  public static final String PROFILE_IDS = "profile_ids";
  public static final String IDENTITY_OVERRIDES = "identity_overrides";
  public static final String RESOLVE_EVENTS = "resolve_events";
  public static final String RESOLVE_LOG = "resolve_log";
  public static final String MATCH_LINKS = "match_links";
  public static final String MATCH_REVIEW = "match_review";
  public static final String STREAM_PROFILE_IDS = "stream_profile_ids";

  /** Output of {@link ComponentResolver}: an identifier's cluster key, or a dropped link. */
  static final StructType COMPONENT_OUTPUT =
      new StructType()
          .add("kind", StringType, false)
          .add("left_type", StringType)
          .add("left_value", StringType)
          .add("right_type", StringType)
          .add("right_value", StringType)
          .add("rule", StringType)
          .add("detail", StringType)
          .add("evidence_event_id", StringType)
          .add("seen_at", TimestampType)
          .add("bridge_type", StringType)
          .add("bridge_value", StringType);

  /** A new component's overlap with a previous profile id ({@code io.opencdp.resolve.ids}). */
  static final StructType OVERLAP =
      new StructType()
          .add("component", StringType, false)
          .add("component_first_seen", TimestampType)
          .add("previous_id", StringType, false)
          .add("previous_first_seen", TimestampType)
          .add("shared", LongType, false);

  /** {@code identity_link_audit} as resolution writes it (docs/data-model.md). */
  public static final StructType IDENTITY_LINK_AUDIT_SCHEMA =
      new StructType()
          .add("workspace_id", StringType)
          .add("left_type", StringType)
          .add("left_value", StringType)
          .add("right_type", StringType)
          .add("right_value", StringType)
          .add("rule", StringType)
          .add("detail", StringType)
          .add("evidence_event_id", StringType)
          .add("seen_at", TimestampType);

  public static final StructType PROFILE_MERGES_SCHEMA =
      new StructType()
          .add("workspace_id", StringType, false)
          .add("alias_profile_id", StringType, false)
          .add("surviving_profile_id", StringType, false)
          .add("evidence_identifier_type", StringType)
          .add("evidence_identifier_value", StringType)
          .add("evidence_event_id", StringType)
          .add("rule", StringType, false)
          .add("score", DoubleType)
          .add("run_id", StringType, false)
          .add("merged_at", TimestampType, false);

  /** The ids the stream gave out, per identifier it placed ({@code StreamIdLog}). */
  public static final StructType STREAM_PROFILE_IDS_SCHEMA =
      new StructType()
          .add("workspace_id", StringType, false)
          .add("profile_id", StringType, false)
          .add("identifier_type", StringType, false)
          .add("identifier_value", StringType, false)
          .add("first_seen_at", TimestampType)
          .add("recorded_at", TimestampType, false);

  static final StructType PROFILE_IDS_SCHEMA =
      new StructType()
          .add("workspace_id", StringType, false)
          .add("profile_id", StringType, false)
          .add("status", StringType, false)
          .add("first_seen_at", TimestampType)
          .add("created_at", TimestampType, false)
          .add("created_run_id", StringType, false)
          .add("updated_at", TimestampType, false)
          .add("updated_run_id", StringType, false);

  /** An identifier as overrides store it: type and normalized value. */
  static final StructType IDENTIFIER =
      new StructType().add("type", StringType).add("value", StringType);

  public static final StructType IDENTITY_OVERRIDES_SCHEMA =
      new StructType()
          .add("workspace_id", StringType, false)
          .add("override_id", StringType, false)
          .add("kind", StringType, false)
          .add("left_type", StringType)
          .add("left_value", StringType)
          .add("right_type", StringType)
          .add("right_value", StringType)
          .add("profile_id", StringType)
          .add("moved", DataTypes.createArrayType(IDENTIFIER, false), false)
          .add("kept", DataTypes.createArrayType(IDENTIFIER, false), false)
          .add("reason", StringType)
          .add("created_by", StringType)
          .add("created_at", TimestampType, false)
          .add("active", BooleanType, false);

  /** The state incremental runs keep: per event, what resolution reads of it. */
  static final StructType RESOLVE_EVENTS_SCHEMA =
      new StructType()
          .add("workspace_id", StringType, false)
          .add("event_id", StringType, false)
          .add("occurred_at", TimestampType, false)
          .add("received_at", TimestampType, false)
          .add("first_name", StringType)
          .add("last_name", StringType)
          .add("identifiers", DataTypes.createArrayType(IDENTIFIER, false), false);

  static final StructType RESOLVE_LOG_SCHEMA =
      new StructType()
          .add("workspace_id", StringType, false)
          .add("run_id", StringType, false)
          .add("mode", StringType, false)
          .add("events_version", LongType, false)
          .add("changed_events", LongType, false)
          .add("profiles", LongType, false)
          .add("events", LongType, false)
          .add("created", LongType, false)
          .add("merged", LongType, false)
          .add("retired", LongType, false)
          .add("started_at", TimestampType, false)
          .add("finished_at", TimestampType, false);

  /** A pair's comparison vector as labels: one entry per compared field, in vector order. */
  public static final StructType COMPARISON_LABEL =
      new StructType().add("field", StringType, false).add("level", StringType, false);

  /**
   * {@code match_links}: every decision on a probabilistic link (docs/matching.md), accepted or
   * refused with the rule, and its evidence: the first event of each record, the match weight and
   * the comparison vector as labels ({@code io.opencdp.resolve.match.FieldComparison#label}).
   */
  public static final StructType MATCH_LINKS_SCHEMA =
      new StructType()
          .add("workspace_id", StringType, false)
          .add("left_group", StringType, false)
          .add("right_group", StringType, false)
          .add("left_record", StringType, false)
          .add("right_record", StringType, false)
          .add("left_event_id", StringType, false)
          .add("right_event_id", StringType, false)
          .add("probability", DoubleType, false)
          .add("weight", DoubleType, false)
          .add("accepted", BooleanType, false)
          .add("rule", StringType, true)
          .add("detail", StringType, false)
          .add("comparisons", DataTypes.createArrayType(COMPARISON_LABEL, false), false);

  /** The columns {@code match_links} has had since it carries evidence. */
  public static final List<String> MATCH_LINK_EVIDENCE =
      List.of("left_event_id", "right_event_id", "weight", "comparisons");

  static final StructType IDENTITY_MAP_SCHEMA =
      new StructType()
          .add("workspace_id", StringType, false)
          .add("identifier_type", StringType, false)
          .add("identifier_value", StringType, false)
          .add("profile_id", StringType, false)
          .add("shared", BooleanType, false)
          .add("shared_reason", StringType)
          .add("event_count", LongType, false)
          .add("first_seen_at", TimestampType)
          .add("last_seen_at", TimestampType)
          .add("updated_at", TimestampType, false);

  private ResolveTables() {}
}
