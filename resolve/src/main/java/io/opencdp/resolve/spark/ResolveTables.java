package io.opencdp.resolve.spark;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Schemas of what the resolve job writes and of its intermediate per-component output. */
final class ResolveTables {
  static final String IDENTITY_MAP = "identity_map";
  static final String IDENTITY_LINK_AUDIT = "identity_link_audit";
  static final String EVENT_PROFILES = "event_profiles";

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

  static final StructType IDENTITY_MAP_SCHEMA =
      new StructType()
          .add("workspace_id", StringType, false)
          .add("identifier_type", StringType, false)
          .add("identifier_value", StringType, false)
          .add("profile_id", StringType, false)
          .add("shared", BooleanType, false)
          .add("event_count", DataTypes.LongType, false)
          .add("first_seen_at", TimestampType)
          .add("last_seen_at", TimestampType);

  private ResolveTables() {}
}
