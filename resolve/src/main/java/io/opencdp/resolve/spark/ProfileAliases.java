package io.opencdp.resolve.spark;

import static org.apache.spark.sql.functions.col;

import io.opencdp.ingest.spark.DeltaTables;
import io.opencdp.ingest.spark.TableLocations;
import io.opencdp.resolve.ids.AliasChains;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Lookups by a profile id that may have been merged away: an alias in {@code profile_merges}
 * resolves to the profile that survived it (the end of its chain, though the job keeps chains
 * collapsed).
 */
public final class ProfileAliases {
  private ProfileAliases() {}

  /** Every alias of the workspace with its surviving profile id. */
  public static Map<String, String> read(
      SparkSession spark, TableLocations tables, String workspace) {
    Map<String, String> aliases = new HashMap<>();
    String location = tables.table(ResolveTables.PROFILE_MERGES);
    if (!DeltaTables.exists(spark, location)) {
      return aliases;
    }
    for (Row r :
        spark
            .read()
            .format("delta")
            .load(location)
            .where(col("workspace_id").equalTo(workspace))
            .select("alias_profile_id", "surviving_profile_id")
            .collectAsList()) {
      aliases.put(r.getString(0), r.getString(1));
    }
    return aliases;
  }

  /** The profile {@code profileId} resolves to: itself unless it was merged into another. */
  public static String resolve(
      SparkSession spark, TableLocations tables, String workspace, String profileId) {
    return AliasChains.resolve(read(spark, tables, workspace), profileId);
  }
}
