package io.opencdp.jobs.index;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createMapType;

import io.opencdp.ingest.spark.DeltaTables;
import io.opencdp.ingest.spark.TableLocations;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The {@code index_log} table: one row per successful {@code cdp index} run with the Delta version
 * of every table it indexed; the next incremental run reads only what changed after them. Appended
 * last, after the counts matched, so an interrupted or failed run is simply repeated.
 */
final class IndexLog {
  static final String NAME = "index_log";

  static final StructType SCHEMA =
      new StructType()
          .add("workspace_id", StringType, false)
          .add("run_id", StringType, false)
          .add("mode", StringType, false)
          .add("versions", createMapType(StringType, LongType, false), false)
          .add("profiles_index", StringType, false)
          .add("identity_index", StringType, false)
          .add("profiles", LongType, false)
          .add("events", LongType, false)
          .add("profiles_written", LongType, false)
          .add("events_written", LongType, false)
          .add("deleted", LongType, false)
          .add("started_at", TimestampType, false)
          .add("finished_at", TimestampType, false);

  /** What the last run indexed. */
  record LastRun(String runId, Map<String, Long> versions, String profilesIndex) {}

  private final SparkSession spark;
  private final String location;
  private final String workspace;

  IndexLog(SparkSession spark, TableLocations tables, String workspace) {
    this.spark = spark;
    this.location = tables.table(NAME);
    this.workspace = workspace;
  }

  Optional<LastRun> last() {
    if (!DeltaTables.exists(spark, location)) {
      return Optional.empty();
    }
    List<Row> rows =
        spark
            .read()
            .format("delta")
            .load(location)
            .where(col("workspace_id").equalTo(workspace))
            .orderBy(col("finished_at").desc())
            .limit(1)
            .collectAsList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Row r = rows.get(0);
    return Optional.of(
        new LastRun(
            r.getAs("run_id"), r.getJavaMap(r.fieldIndex("versions")), r.getAs("profiles_index")));
  }

  void append(String runId, IndexReport report, Map<String, Long> versions, Instant started) {
    DeltaTables.createIfNotExists(spark, location, SCHEMA);
    Row row =
        RowFactory.create(
            workspace,
            runId,
            report.mode().name().toLowerCase(java.util.Locale.ROOT),
            CollectionConverters.asScala(versions),
            report.profilesIndex(),
            report.identityIndex(),
            report.deltaProfiles(),
            report.deltaEvents(),
            report.profilesWritten(),
            report.eventsWritten(),
            report.deleted(),
            started,
            Instant.now());
    spark
        .createDataFrame(List.of(row), SCHEMA)
        .write()
        .format("delta")
        .mode("append")
        .save(location);
  }
}
