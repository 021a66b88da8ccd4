package io.opencdp.jobs.index;

import static org.apache.spark.sql.functions.col;

import io.delta.tables.DeltaTable;
import io.opencdp.ingest.spark.DeltaTables;
import io.opencdp.ingest.spark.TableLocations;
import io.opencdp.resolve.spark.ResolveTables;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Delta tables the indexer reads, pinned at the versions they had when the run started, so
 * every document of a run comes from one consistent snapshot and the versions recorded in {@code
 * index_log} are exactly what was indexed.
 */
final class IndexSources {
  private static final Logger LOG = LoggerFactory.getLogger(IndexSources.class);

  static final String PROFILES = "profiles";
  static final String EVENTS = "events";
  static final String EVENT_PROFILES = ResolveTables.EVENT_PROFILES;
  static final String IDENTITY_MAP = ResolveTables.IDENTITY_MAP;
  static final String RESOLVE_EVENTS = ResolveTables.RESOLVE_EVENTS;
  static final String LINK_AUDIT = ResolveTables.IDENTITY_LINK_AUDIT;
  static final String PROFILE_MERGES = ResolveTables.PROFILE_MERGES;
  static final String OVERRIDES = ResolveTables.IDENTITY_OVERRIDES;
  static final String MATCH_LINKS = ResolveTables.MATCH_LINKS;

  /** Tables without which there is nothing to index. */
  static final List<String> REQUIRED =
      List.of(PROFILES, EVENTS, EVENT_PROFILES, IDENTITY_MAP, RESOLVE_EVENTS);

  /**
   * Tables a workspace may not have yet (no merge, no override so far, probabilistic matching off).
   */
  static final List<String> OPTIONAL = List.of(LINK_AUDIT, PROFILE_MERGES, OVERRIDES, MATCH_LINKS);

  private final SparkSession spark;
  private final TableLocations tables;
  private final String workspace;
  private final Map<String, Long> versions;

  private IndexSources(
      SparkSession spark, TableLocations tables, String workspace, Map<String, Long> versions) {
    this.spark = spark;
    this.tables = tables;
    this.workspace = workspace;
    this.versions = versions;
  }

  /** The current version of every table; fails naming the first required table missing. */
  static IndexSources capture(SparkSession spark, TableLocations tables, String workspace) {
    Map<String, Long> versions = new LinkedHashMap<>();
    for (String name : REQUIRED) {
      String location = tables.table(name);
      if (!DeltaTables.exists(spark, location)) {
        throw new CdpException(
            ErrorCode.INPUT_NOT_FOUND,
            "no "
                + name
                + " table at "
                + location
                + "; run `cdp ingest` and `cdp resolve` before `cdp index`");
      }
      versions.put(name, version(spark, location));
    }
    for (String name : OPTIONAL) {
      String location = tables.table(name);
      if (DeltaTables.exists(spark, location) && current(spark, name, location)) {
        versions.put(name, version(spark, location));
      }
    }
    return new IndexSources(spark, tables, workspace, versions);
  }

  /**
   * Whether a table has the columns the documents need: a {@code match_links} written before it
   * kept its evidence is read as absent (the next {@code cdp resolve} rewrites it).
   */
  private static boolean current(SparkSession spark, String name, String location) {
    if (!name.equals(MATCH_LINKS)) {
      return true;
    }
    List<String> columns = List.of(DeltaTable.forPath(spark, location).toDF().columns());
    if (columns.containsAll(ResolveTables.MATCH_LINK_EVIDENCE)) {
      return true;
    }
    LOG.warn(
        "{} was written by an older version without the links' evidence: identity documents get"
            + " no probabilistic_links until `cdp resolve` rewrites it",
        location);
    return false;
  }

  private static long version(SparkSession spark, String location) {
    return DeltaTable.forPath(spark, location).history(1).select("version").head().getLong(0);
  }

  /** Table name to the version this run reads. */
  Map<String, Long> versions() {
    return versions;
  }

  boolean has(String name) {
    return versions.containsKey(name);
  }

  /** The table as of this run's version, this workspace's rows. */
  Dataset<Row> read(String name) {
    return readAt(name, versions.get(name));
  }

  /** The table as of this run's version, or no rows of {@code schema} when it does not exist. */
  Dataset<Row> readOrEmpty(String name, StructType schema) {
    if (!has(name)) {
      return spark.createDataFrame(List.of(), schema);
    }
    return read(name);
  }

  /** No rows of one string column. */
  Dataset<Row> emptyIds(String column) {
    return spark.createDataFrame(
        List.of(), new StructType().add(column, org.apache.spark.sql.types.DataTypes.StringType));
  }

  /** The table as of {@code version}. */
  Dataset<Row> readAt(String name, long version) {
    return spark
        .read()
        .format("delta")
        .option("versionAsOf", version)
        .load(tables.table(name))
        .where(col("workspace_id").equalTo(workspace));
  }

  /** The change data feed of {@code name} after {@code sinceVersion} up to this run's version. */
  Dataset<Row> changesSince(String name, long sinceVersion) {
    return spark
        .read()
        .format("delta")
        .option("readChangeFeed", "true")
        .option("startingVersion", sinceVersion + 1)
        .option("endingVersion", versions.get(name))
        .load(tables.table(name))
        .where(col("workspace_id").equalTo(workspace));
  }
}
