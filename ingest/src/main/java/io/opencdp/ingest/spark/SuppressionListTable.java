package io.opencdp.ingest.spark;

import static io.opencdp.ingest.spark.EventsTable.field;
import static io.opencdp.ingest.spark.EventsTable.required;
import static io.opencdp.ingest.spark.EventsTable.struct;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.privacy.IdentifierHasher;
import io.opencdp.schemas.privacy.SuppressedIdentifiers;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The Delta {@code suppression_list} (docs/data-model.md): identifiers that must not come back,
 * only as {@link IdentifierHasher} hashes. The erasure job appends the {@code erased} rows; ingest
 * drops every record that carries one ({@link SuppressedIdentifiers}).
 */
public final class SuppressionListTable {
  public static final String NAME = "suppression_list";
  public static final String ERASED = "erased";

  public static final StructType SCHEMA =
      struct(
          required("workspace_id", StringType),
          required("identifier_type", StringType),
          required("value_hash", StringType),
          required("reason", StringType),
          required("source", StringType),
          field("event_id", StringType),
          required("created_at", TimestampType));

  private SuppressionListTable() {}

  /**
   * The erased identifiers of the config's workspace: empty (no salt read) when the table does not
   * exist.
   */
  public static SuppressedIdentifiers erased(
      SparkSession spark, TableLocations tables, CdpConfig config) {
    String location = tables.table(NAME);
    if (!DeltaTables.exists(spark, location)) {
      return SuppressedIdentifiers.none();
    }
    List<String> hashes =
        spark
            .read()
            .format("delta")
            .load(location)
            .where(
                col("workspace_id").equalTo(config.workspace()).and(col("reason").equalTo(ERASED)))
            .select("value_hash")
            .distinct()
            .collectAsList()
            .stream()
            .map(r -> r.getString(0))
            .toList();
    if (hashes.isEmpty()) {
      return SuppressedIdentifiers.none();
    }
    return new SuppressedIdentifiers(
        IdentifierHasher.fromFile(config.privacy().saltFileIn(config.workDir())), hashes);
  }

  /** Inserts {@code rows} ({@link #SCHEMA}) whose key is not there yet. */
  public static void insertAbsent(SparkSession spark, TableLocations tables, List<Row> rows) {
    DeltaTables.createIfNotExists(spark, tables.table(NAME), SCHEMA)
        .as("t")
        .merge(
            spark.createDataFrame(rows, SCHEMA).as("s"),
            "t.workspace_id = s.workspace_id AND t.identifier_type = s.identifier_type"
                + " AND t.value_hash = s.value_hash AND t.reason = s.reason")
        .whenNotMatched()
        .insertAll()
        .execute();
  }
}
