package io.opencdp.resolve.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;

import io.delta.tables.DeltaTable;
import io.opencdp.ingest.spark.DeltaTables;
import io.opencdp.ingest.spark.TableLocations;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code resolve_events}, what resolution reads of each event (times, name, valid
 * identifiers), in step with {@code events}: a full run rewrites it from a snapshot of the events
 * table; an incremental run applies only the changes since the version the last run processed (the
 * events table's change data feed: inserts, newer versions of a record, deletions), so both leave
 * the same rows for the same events version. Resolution then runs on this narrow table, never again
 * on the wide events.
 */
final class ResolveState {
  private static final Logger LOG = LoggerFactory.getLogger(ResolveState.class);
  private static final String DELETE = "_delete";
  private static final String KNOWN = "_known";

  private final SparkSession spark;
  private final TableLocations tables;
  private final String workspace;

  ResolveState(SparkSession spark, TableLocations tables, String workspace) {
    this.spark = spark;
    this.tables = tables;
    this.workspace = workspace;
  }

  /**
   * The state after a refresh.
   *
   * @param events the {@code resolve_events} rows of the workspace
   * @param mode how it was refreshed
   * @param changedEvents events read: changed ones (incremental) or all (full)
   * @param eventsVersion the events table version it reflects
   */
  record Refreshed(Dataset<Row> events, ResolveMode mode, long changedEvents, long eventsVersion) {}

  Refreshed refresh(ResolveMode requested) {
    long version = DeltaTable.forPath(spark, tables.events()).history(1).head().getAs("version");
    if (requested == ResolveMode.INCREMENTAL) {
      Optional<Long> last = lastVersion();
      if (last.isEmpty()) {
        LOG.info("no previous resolve state: a full run");
      } else if (last.get() > version) {
        LOG.warn(
            "the last resolve run processed events version {} but the table is at {} (recreated?):"
                + " a full run",
            last.get(),
            version);
      } else {
        Optional<Long> changed = applyChanges(last.get(), version);
        if (changed.isPresent()) {
          return new Refreshed(read(), ResolveMode.INCREMENTAL, changed.get(), version);
        }
      }
    }
    Dataset<Row> snapshot =
        spark
            .read()
            .format("delta")
            .option("versionAsOf", version)
            .load(tables.events())
            .where(col("workspace_id").equalTo(workspace));
    Dataset<Row> rows = ResolveInput.compact(snapshot).where(size(col("identifiers")).gt(0));
    rows.write()
        .format("delta")
        .mode("overwrite")
        .option("overwriteSchema", "true")
        .save(location());
    Dataset<Row> state = read();
    long count = state.count();
    LOG.info("rebuilt resolve_events from events version {}: {} event(s)", version, count);
    return new Refreshed(state, ResolveMode.FULL, count, version);
  }

  /** The events version the last run processed; empty when there is no usable state. */
  Optional<Long> lastVersion() {
    String log = tables.table(ResolveTables.RESOLVE_LOG);
    if (!DeltaTables.exists(spark, log)
        || !DeltaTables.exists(spark, location())
        || !DeltaTables.exists(spark, tables.table(ResolveTables.IDENTITY_MAP))) {
      return Optional.empty();
    }
    List<Row> last =
        spark
            .read()
            .format("delta")
            .load(log)
            .where(col("workspace_id").equalTo(workspace))
            .orderBy(col("finished_at").desc())
            .select("events_version")
            .limit(1)
            .collectAsList();
    return last.isEmpty() ? Optional.empty() : Optional.of(last.get(0).getLong(0));
  }

  /**
   * Applies the events' changes after {@code last} up to {@code version} to the state; empty when
   * the change feed of that range cannot be read (the caller rebuilds instead).
   */
  private Optional<Long> applyChanges(long last, long version) {
    if (last == version) {
      LOG.info("no new events since version {}", version);
      return Optional.of(0L);
    }
    Dataset<Row> changes;
    try {
      changes =
          spark
              .read()
              .format("delta")
              .option("readChangeFeed", "true")
              .option("startingVersion", last + 1)
              .option("endingVersion", version)
              .load(tables.events());
      changes.schema();
    } catch (Exception e) {
      if (!(e instanceof AnalysisException)) {
        throw e;
      }
      LOG.warn(
          "cannot read the events change feed from version {} ({}): a full run",
          last + 1,
          e.getMessage().lines().findFirst().orElse(""));
      return Optional.empty();
    }
    // the latest change of each event in the range decides: its new version, or its deletion
    Dataset<Row> latest =
        changes
            .where(
                col("workspace_id")
                    .equalTo(workspace)
                    .and(col("_change_type").notEqual("update_preimage")))
            .withColumn(
                "_n",
                row_number()
                    .over(
                        Window.partitionBy("event_id")
                            .orderBy(
                                col("_commit_version").desc(),
                                col("_change_type").equalTo("delete").asc())))
            .where(col("_n").equalTo(1));
    Dataset<Row> upserts =
        ResolveInput.compact(latest)
            .join(latest.select(col("event_id"), col("_change_type")), "event_id")
            .withColumn(
                DELETE,
                col("_change_type").equalTo("delete").or(size(col("identifiers")).equalTo(0)))
            .drop("_change_type")
            .localCheckpoint();
    DeltaTable state = DeltaTable.forPath(spark, location());
    Dataset<Row> known =
        state.toDF().select(col("workspace_id"), col("event_id"), lit(true).as(KNOWN));
    // one action: the count, and whether any change touches an event the state already holds
    Row counts =
        upserts
            .join(known, new String[] {"workspace_id", "event_id"}, "left")
            .agg(count(lit(1)), count(col(KNOWN)))
            .first();
    long changed = counts.getLong(0);
    if (counts.getLong(1) == 0) {
      // only events the state has never seen: appending them is what the MERGE would do
      upserts
          .where(not(col(DELETE)))
          .select(
              Arrays.stream(ResolveTables.RESOLVE_EVENTS_SCHEMA.fieldNames())
                  .map(c -> col(c))
                  .toArray(Column[]::new))
          .write()
          .format("delta")
          .mode("append")
          .save(location());
    } else {
      Map<String, String> values = new LinkedHashMap<>();
      for (String c : ResolveTables.RESOLVE_EVENTS_SCHEMA.fieldNames()) {
        values.put(c, "s." + c);
      }
      state
          .as("t")
          .merge(upserts.as("s"), "t.workspace_id = s.workspace_id AND t.event_id = s.event_id")
          .whenMatched("s." + DELETE)
          .delete()
          .whenMatched()
          .updateExpr(values)
          .whenNotMatched("NOT s." + DELETE)
          .insertExpr(values)
          .execute();
    }
    LOG.info(
        "applied {} changed event(s) of events versions {}..{} to resolve_events",
        changed,
        last + 1,
        version);
    return Optional.of(changed);
  }

  /** Records the run, so that the next incremental run starts after {@code version}. */
  void log(ResolveReport report, long version, Instant started) {
    String log = tables.table(ResolveTables.RESOLVE_LOG);
    DeltaTables.createIfNotExists(spark, log, ResolveTables.RESOLVE_LOG_SCHEMA);
    spark
        .createDataFrame(
            List.of(
                RowFactory.create(
                    workspace,
                    report.runId(),
                    report.mode().name().toLowerCase(Locale.ROOT),
                    version,
                    report.changedEvents(),
                    report.profiles(),
                    report.events(),
                    report.created(),
                    report.merged(),
                    report.retired(),
                    started,
                    started.plus(report.elapsed()))),
            ResolveTables.RESOLVE_LOG_SCHEMA)
        .write()
        .format("delta")
        .mode("append")
        .save(log);
  }

  private Dataset<Row> read() {
    return spark
        .read()
        .format("delta")
        .load(location())
        .where(col("workspace_id").equalTo(workspace));
  }

  private String location() {
    return tables.table(ResolveTables.RESOLVE_EVENTS);
  }
}
