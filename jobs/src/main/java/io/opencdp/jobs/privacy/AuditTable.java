package io.opencdp.jobs.privacy;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import io.opencdp.api.AuditIndex;
import io.opencdp.api.store.AuditEntry;
import io.opencdp.api.store.EsConnection;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.ingest.spark.DeltaTables;
import io.opencdp.ingest.spark.TableLocations;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.error.CdpException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Delta table {@code audit_log} (docs/data-model.md): every audit entry once, keyed by {@code
 * audit_id}. Append-only: created with {@code delta.appendOnly = true}, so Delta itself refuses a
 * DELETE or UPDATE; rows are only ever added, by a MERGE that inserts the entries it does not hold
 * yet (re-running a copy never duplicates).
 */
public final class AuditTable {
  private static final Logger LOG = LoggerFactory.getLogger(AuditTable.class);
  public static final String NAME = "audit_log";

  public static final StructType SCHEMA =
      new StructType()
          .add("workspace_id", DataTypes.StringType, false)
          .add("audit_id", DataTypes.StringType, false)
          .add("at", DataTypes.TimestampType, false)
          .add("actor", DataTypes.StringType, false)
          .add("role", DataTypes.StringType, false)
          .add("action", DataTypes.StringType, false)
          .add("profile_id", DataTypes.StringType)
          .add("route", DataTypes.StringType)
          .add("status", DataTypes.IntegerType)
          .add("request_id", DataTypes.StringType)
          .add("detail", DataTypes.StringType)
          .add("logged_at", DataTypes.TimestampType, false);

  private AuditTable() {}

  /** Where the table of {@code config}'s workspace lives. */
  public static String location(CdpConfig config) {
    return TableLocations.of(config).table(NAME);
  }

  /**
   * Appends the entries the table does not hold yet (by {@code audit_id}), creating it when needed;
   * the jobs' own privacy operations (a retention run, an erasure) call this directly. Each entry
   * must belong to {@code config}'s workspace.
   *
   * @return how many were new
   */
  public static long append(SparkSession spark, CdpConfig config, List<AuditEntry> entries) {
    if (entries.isEmpty()) {
      return 0;
    }
    for (AuditEntry entry : entries) {
      if (!entry.workspaceId().equals(config.workspace())) {
        throw new IllegalArgumentException(
            "audit entry "
                + entry.auditId()
                + " belongs to workspace '"
                + entry.workspaceId()
                + "', not '"
                + config.workspace()
                + "'");
      }
    }
    String location = location(config);
    if (!DeltaTables.exists(spark, location)) {
      DeltaTables.createIfNotExists(spark, location, SCHEMA);
      spark.sql(
          "ALTER TABLE delta.`" + location + "` SET TBLPROPERTIES ('delta.appendOnly' = 'true')");
    }
    Instant now = Instant.now();
    Dataset<Row> rows =
        spark.createDataFrame(entries.stream().map(e -> row(e, now)).toList(), SCHEMA);
    Instant oldest = entries.stream().map(AuditEntry::at).min(Comparator.naturalOrder()).get();
    // the range on `at` lets Delta skip the files of older entries (their statistics)
    Row metrics =
        DeltaTable.forPath(spark, location)
            .as("t")
            .merge(
                rows.as("s"),
                col("t.at")
                    .geq(lit(oldest))
                    .and(col("t.workspace_id").equalTo(col("s.workspace_id")))
                    .and(col("t.audit_id").equalTo(col("s.audit_id"))))
            .whenNotMatched()
            .insertAll()
            .execute()
            .first();
    return metrics.getAs("num_inserted_rows");
  }

  /**
   * {@link #append}, then the same entries into the Elasticsearch audit index at {@code esUrl},
   * marked synced, so that {@code GET /v1/audit} shows a job's operations too. Elasticsearch not
   * answering is a warning: the entries are in Delta, the table of record.
   */
  public static long appendAndMirror(
      SparkSession spark, CdpConfig config, String esUrl, List<AuditEntry> entries) {
    long appended = append(spark, config, entries);
    try (EsConnection es = EsConnection.open(esUrl, AuditSync.TIMEOUT_MILLIS)) {
      new AuditIndex(es.client(), new StoreIndices(config.workspace()))
          .append(entries, Instant.now());
    } catch (CdpException e) {
      LOG.warn(
          "{} audit entr(ies) are in {} but not in Elasticsearch ({}): GET /v1/audit does not show"
              + " them",
          entries.size(),
          NAME,
          e.getMessage());
    }
    return appended;
  }

  private static Row row(AuditEntry e, Instant loggedAt) {
    return RowFactory.create(
        e.workspaceId(),
        e.auditId(),
        e.at(),
        e.actor(),
        e.role(),
        e.action(),
        e.profileId(),
        e.route(),
        e.status(),
        e.requestId(),
        e.detail(),
        loggedAt);
  }
}
