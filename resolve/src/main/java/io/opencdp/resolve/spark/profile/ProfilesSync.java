package io.opencdp.resolve.spark.profile;

import io.delta.tables.DeltaTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the {@code profiles} table hold exactly the profiles of a full build while rewriting only
 * the rows whose content changed: one MERGE on the key that updates a profile when any column but
 * {@code as_of} and {@code updated_at} differs, inserts new profiles and deletes the ones that are
 * gone. An unchanged profile keeps its row (and its {@code updated_at}), so the table's change data
 * feed names only the profiles that really changed, which is what the indexer reads. A table whose
 * columns differ from {@link ProfilesTable#SCHEMA}, or that declares a NOT NULL field inside a
 * nullable struct (an older version did; Delta's MERGE rejects a null struct then), is overwritten.
 */
final class ProfilesSync {
  private static final Logger LOG = LoggerFactory.getLogger(ProfilesSync.class);

  /** Columns a rebuild changes on every run; not content. */
  static final List<String> NOT_CONTENT = List.of("as_of", "updated_at");

  private ProfilesSync() {}

  /** Returns the rows the table holds afterwards. */
  static long sync(SparkSession spark, String location, Dataset<Row> profiles, String workspace) {
    DeltaTable table = DeltaTable.forPath(spark, location);
    StructType current = table.toDF().schema();
    if (!current.catalogString().equals(ProfilesTable.SCHEMA.catalogString())
        || notNullInNullableStruct(current, false)) {
      LOG.info("profiles at {} have other columns or constraints: overwriting", location);
      profiles
          .write()
          .format("delta")
          .mode("overwrite")
          .option("overwriteSchema", "true")
          .save(location);
    } else {
      table
          .as("t")
          .merge(
              profiles.as("s"), "t.workspace_id = s.workspace_id AND t.profile_id = s.profile_id")
          .whenMatched(changed(ProfilesTable.SCHEMA))
          .updateAll()
          .whenNotMatched()
          .insertAll()
          .whenNotMatchedBySource("t.workspace_id = '" + workspace.replace("'", "''") + "'")
          .delete()
          .execute();
      Row last = table.history(1).select("operationMetrics").head();
      Map<String, String> metrics = last.getJavaMap(0);
      LOG.info(
          "profiles merged: {} inserted, {} updated, {} deleted, {} unchanged",
          metrics.getOrDefault("numTargetRowsInserted", "?"),
          metrics.getOrDefault("numTargetRowsUpdated", "?"),
          metrics.getOrDefault("numTargetRowsDeleted", "?"),
          metrics.getOrDefault("numTargetRowsCopied", "?"));
    }
    return spark.read().format("delta").load(location).count();
  }

  /**
   * The MERGE condition "some content column differs". Maps cannot be compared in Spark SQL, so a
   * column holding one compares as JSON (map entries keep the builder's deterministic order).
   */
  static String changed(StructType schema) {
    List<String> differs = new ArrayList<>();
    for (StructField field : schema.fields()) {
      String c = field.name();
      if (c.equals("workspace_id") || c.equals("profile_id") || NOT_CONTENT.contains(c)) {
        continue;
      }
      if (holdsMap(field.dataType())) {
        differs.add("NOT (to_json(t.`" + c + "`) <=> to_json(s.`" + c + "`))");
      } else {
        differs.add("NOT (t.`" + c + "` <=> s.`" + c + "`)");
      }
    }
    return String.join(" OR ", differs);
  }

  /** Whether a NOT NULL field sits inside a struct that may be null. */
  static boolean notNullInNullableStruct(StructType struct, boolean structNullable) {
    for (StructField f : struct.fields()) {
      if (structNullable && !f.nullable()) {
        return true;
      }
      DataType type = f.dataType();
      while (type instanceof ArrayType array) {
        type = array.elementType();
      }
      if (type instanceof StructType nested
          && notNullInNullableStruct(nested, structNullable || f.nullable())) {
        return true;
      }
    }
    return false;
  }

  private static boolean holdsMap(DataType type) {
    if (type instanceof MapType) {
      return true;
    }
    if (type instanceof ArrayType array) {
      return holdsMap(array.elementType());
    }
    if (type instanceof StructType struct) {
      for (StructField f : struct.fields()) {
        if (holdsMap(f.dataType())) {
          return true;
        }
      }
    }
    return false;
  }
}
