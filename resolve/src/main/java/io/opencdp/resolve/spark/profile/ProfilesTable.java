package io.opencdp.resolve.spark.profile;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createDecimalType;
import static org.apache.spark.sql.types.DataTypes.createMapType;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;

/**
 * The Delta {@code profiles} table: one row per golden profile (docs/profiles.md). Attributes are
 * structs of the value and its provenance; contact points arrays of structs; computed traits one
 * struct; custom traits a map of text values. Fields inside arrays and maps are nullable: Delta
 * enforces no NOT NULL there.
 */
public final class ProfilesTable {
  public static final String NAME = "profiles";

  static final StructType MONEY =
      new StructType().add("amount", createDecimalType(18, 4)).add("currency", StringType);

  static final StructType ADDRESS =
      new StructType()
          .add("street", StringType)
          .add("city", StringType)
          .add("region", StringType)
          .add("postal_code", StringType)
          .add("country", StringType);

  static final StructType CONTACT_POINT =
      new StructType()
          .add("value", StringType)
          .add("is_primary", BooleanType)
          .add("shared", BooleanType)
          .add("event_count", LongType)
          .add("first_seen_at", TimestampType)
          .add("last_seen_at", TimestampType)
          .add("sources", createArrayType(StringType))
          .add("suppressed_reason", StringType)
          .add("suppressed_at", TimestampType);

  /**
   * Fields nullable: Delta's MERGE checks NOT NULL fields of a null struct (rfm is null without
   * orders).
   */
  static final StructType RFM =
      new StructType()
          .add("recency_days", LongType)
          .add("recency", IntegerType)
          .add("frequency", IntegerType)
          .add("monetary", IntegerType);

  static final StructType TRAITS =
      new StructType()
          .add("first_seen_at", TimestampType, false)
          .add("last_seen_at", TimestampType, false)
          .add("event_count", LongType, false)
          .add("channels", createArrayType(StringType, false), false)
          .add("events_per_channel", createMapType(StringType, LongType, true), false)
          .add("order_count", LongType, false)
          .add("total_spend", MONEY, false)
          .add("average_order_value", MONEY)
          .add("last_order_at", TimestampType)
          .add("return_count", LongType, false)
          .add("returned_amount", MONEY, false)
          .add("unconverted_orders", LongType, false)
          .add("email_delivered_30d", LongType, false)
          .add("email_opened_30d", LongType, false)
          .add("email_clicked_30d", LongType, false)
          .add("email_suppressed", BooleanType, false)
          .add("email_suppression_reason", StringType)
          .add("email_suppressed_at", TimestampType)
          .add("call_contacts", LongType, false)
          .add("last_call_at", TimestampType)
          .add("last_call_reason", StringType)
          .add("rfm", RFM);

  static final StructType CONSENT =
      new StructType()
          .add("purpose", StringType)
          .add("channel", StringType)
          .add("granted", BooleanType)
          .add("source", StringType)
          .add("event_id", StringType)
          .add("changed_at", TimestampType);

  public static final StructType SCHEMA =
      new StructType()
          .add("workspace_id", StringType, false)
          .add("profile_id", StringType, false)
          .add("first_name", attribute(StringType))
          .add("last_name", attribute(StringType))
          .add("birth_date", attribute(DateType))
          .add("gender", attribute(StringType))
          .add("address", attribute(ADDRESS))
          .add("email", attribute(StringType))
          .add("phone", attribute(StringType))
          .add("emails", contactPoints(), false)
          .add("phones", contactPoints(), false)
          .add("customer_ids", contactPoints(), false)
          .add("loyalty_ids", contactPoints(), false)
          .add("device_ids", contactPoints(), false)
          .add("anonymous_ids", contactPoints(), false)
          .add("traits", TRAITS, false)
          .add("consent", createArrayType(CONSENT, false), false)
          .add("custom_traits", createMapType(StringType, StringType, true), false)
          .add("as_of", TimestampType, false)
          .add("updated_at", TimestampType, false);

  private ProfilesTable() {}

  /**
   * A surviving value with its provenance and the rule that chose it. Its fields are always set,
   * but declared nullable: the struct is null when no event carried a value, and Delta's MERGE
   * checks NOT NULL fields even inside a null struct.
   */
  static StructType attribute(DataType value) {
    return new StructType()
        .add("value", value)
        .add("channel", StringType)
        .add("source_system", StringType)
        .add("event_id", StringType)
        .add("observed_at", TimestampType)
        .add("rule", StringType)
        .add("support", LongType);
  }

  private static DataType contactPoints() {
    return createArrayType(CONTACT_POINT, false);
  }
}
