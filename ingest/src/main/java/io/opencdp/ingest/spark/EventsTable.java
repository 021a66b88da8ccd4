package io.opencdp.ingest.spark;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createDecimalType;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The Delta {@code events} table: one row per canonical touchpoint event, columns named as the
 * event's JSON (docs/data-model.md). Partitioned by event date and channel; the natural key
 * (workspace_id, source_system, source_key) is what the ingest MERGE deduplicates on.
 */
public final class EventsTable {
  public static final String NAME = "events";
  public static final String[] PARTITION_COLUMNS = {"event_date", "channel"};
  public static final String[] KEY_COLUMNS = {"workspace_id", "source_system", "source_key"};

  static final StructType MONEY =
      struct(field("amount", createDecimalType(18, 4)), field("currency", StringType));
  static final StructType IDENTIFIER =
      struct(
          field("type", StringType),
          field("raw", StringType),
          field("normalized", StringType),
          field("valid", BooleanType));
  static final StructType ADDRESS =
      struct(
          field("street", StringType),
          field("city", StringType),
          field("region", StringType),
          field("postal_code", StringType),
          field("country", StringType));
  static final StructType PERSON =
      struct(
          field("first_name", StringType),
          field("last_name", StringType),
          field("full_name", StringType),
          field("email", StringType),
          field("phone", StringType),
          field("address", ADDRESS),
          field("birth_date", DateType));
  static final StructType LINE_ITEM =
      struct(
          field("sku", StringType),
          field("description", StringType),
          field("quantity", IntegerType),
          field("unit_price", MONEY));
  static final StructType ORDER =
      struct(
          field("order_id", StringType),
          field("line_number", IntegerType),
          field("total", MONEY),
          field("items", createArrayType(LINE_ITEM, false)),
          field("store_id", StringType),
          field("is_return", BooleanType));
  static final StructType EMAIL =
      struct(
          field("message_id", StringType),
          field("campaign_id", StringType),
          field("email_id", StringType),
          field("categories", createArrayType(StringType, false)),
          field("url", StringType),
          field("bounce_type", StringType),
          field("reason", StringType));
  static final StructType PAGE =
      struct(
          field("url", StringType),
          field("path", StringType),
          field("title", StringType),
          field("referrer", StringType));
  static final StructType DEVICE =
      struct(
          field("device_id", StringType),
          field("type", StringType),
          field("manufacturer", StringType),
          field("model", StringType),
          field("os", StringType));
  static final StructType CALL =
      struct(
          field("contact_id", StringType),
          field("channel", StringType),
          field("initiation_method", StringType),
          field("queue", StringType),
          field("agent", StringType),
          field("reason", StringType),
          field("duration_seconds", LongType),
          field("disconnect_at", TimestampType));
  static final StructType PROPERTIES =
      struct(
          field("order", ORDER),
          field("email", EMAIL),
          field("page", PAGE),
          field("device", DEVICE),
          field("call", CALL));
  static final StructType CONSENT =
      struct(
          field("purpose", StringType),
          field("channel", StringType),
          field("granted", BooleanType),
          field("source", StringType),
          field("changed_at", TimestampType));

  public static final StructType SCHEMA =
      struct(
          required("workspace_id", StringType),
          required("event_id", StringType),
          required("channel", StringType),
          required("source_system", StringType),
          required("source_key", StringType),
          field("source_version", TimestampType),
          required("event_type", StringType),
          field("event_name", StringType),
          required("occurred_at", TimestampType),
          required("received_at", TimestampType),
          required("event_date", DateType),
          required("identifiers", createArrayType(IDENTIFIER, false)),
          field("person", PERSON),
          field("properties", PROPERTIES),
          required("consent", createArrayType(CONSENT, false)),
          field("custom", StringType),
          required("schema_version", IntegerType),
          field("source_file", StringType),
          field("source_line", LongType),
          field("source_offset", LongType),
          required("ingest_run_id", StringType),
          required("ingested_at", TimestampType));

  private EventsTable() {}

  static StructType struct(StructField... fields) {
    return new StructType(fields);
  }

  static StructField field(String name, DataType type) {
    return new StructField(name, type, true, Metadata.empty());
  }

  static StructField required(String name, DataType type) {
    return new StructField(name, type, false, Metadata.empty());
  }
}
