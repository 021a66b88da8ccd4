package io.opencdp.jobs.privacy;

import static java.util.Objects.requireNonNull;

import io.opencdp.api.store.AuditEntry;
import io.opencdp.api.store.EsConnection;
import io.opencdp.api.store.IndexAdmin;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.ingest.spark.DeltaTables;
import io.opencdp.ingest.spark.EventsTable;
import io.opencdp.ingest.spark.TableLocations;
import io.opencdp.resolve.spark.ResolveTables;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.error.CdpException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code cdp privacy retention} (docs/privacy.md, "Retention"): removes the events that occurred
 * before {@code as-of - privacy.retention.events_max_age_days}:
 *
 * <ul>
 *   <li>Delta {@code events} ({@code DELETE}, pruned to the {@code event_date} partitions up to the
 *       cutoff's day) and {@code resolve_events}, resolution's copy of each event's identifiers and
 *       names;
 *   <li>Elasticsearch ({@link IndexAdmin#pruneEventsBefore}, as {@code cdp index} prunes by {@code
 *       index.events_retention_days}): a monthly events index ({@code cdp-<ws>-events-yyyy.MM})
 *       whose whole month lies before the cutoff is deleted; in the month of the cutoff, the older
 *       documents are deleted (searched, then bulk-deleted).
 * </ul>
 *
 * Everything derived from events follows at the next runs, as after any change of {@code events}:
 * {@code cdp resolve} (identity from the remaining events, golden profiles and traits rebuilt) and
 * {@code cdp index}. A dry run counts and changes nothing. A real run appends a {@code
 * retention_run} entry to the audit log. Re-running is harmless: what is gone stays gone.
 */
public final class RetentionJob {
  private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

  /**
   * One place events were (or would be) removed from.
   *
   * @param location {@code delta events}, {@code elasticsearch cdp-ws-events-2023.04}, ...
   * @param rows rows or documents removed (counted, on a dry run)
   * @param how {@code deleted}, {@code index deleted}, {@code deleted by query}
   */
  public record Removal(String location, long rows, String how) {
    @Override
    public String toString() {
      return String.format("%s: %,d %s", location, rows, how);
    }
  }

  /**
   * What a run did.
   *
   * @param cutoff events that occurred before this were removed; null when retention is off
   * @param dryRun whether nothing was changed
   * @param removals one per table and index touched (or that would be)
   */
  public record Report(Instant cutoff, boolean dryRun, List<Removal> removals) {
    public Report {
      removals = List.copyOf(removals);
    }

    public long total() {
      return removals.stream().mapToLong(Removal::rows).sum();
    }
  }

  private final SparkSession spark;
  private final CdpConfig config;
  private final String esUrl;
  private final TableLocations tables;

  public RetentionJob(SparkSession spark, CdpConfig config, String esUrl) {
    this.spark = requireNonNull(spark, "spark is null");
    this.config = requireNonNull(config, "config is null");
    this.esUrl = requireNonNull(esUrl, "esUrl is null");
    this.tables = TableLocations.of(config);
  }

  /** The run as of {@code asOf} (usually now); {@code dryRun} counts without removing. */
  public Report run(Instant asOf, boolean dryRun, String actor) {
    Duration maxAge = config.privacy().eventsMaxAge();
    if (maxAge == null) {
      LOG.info("privacy.retention.events_max_age_days is not set: events are kept");
      return new Report(null, dryRun, List.of());
    }
    Instant cutoff = asOf.minus(maxAge);
    List<Removal> removals = new ArrayList<>();
    delta(EventsTable.NAME, cutoff, true, dryRun).ifPresent(removals::add);
    delta(ResolveTables.RESOLVE_EVENTS, cutoff, false, dryRun).ifPresent(removals::add);
    CdpException failed = null;
    try {
      removals.addAll(elasticsearch(cutoff, dryRun));
    } catch (CdpException e) {
      failed = e;
    }
    Report report = new Report(cutoff, dryRun, removals);
    if (!dryRun) {
      audit(report, actor, failed);
    }
    if (failed != null) {
      throw new CdpException(
          failed.code(),
          "retention removed the Delta rows but not the Elasticsearch documents: "
              + failed.getMessage()
              + "; run it again when Elasticsearch answers",
          failed);
    }
    return report;
  }

  private Optional<Removal> delta(String name, Instant cutoff, boolean partitioned, boolean dry) {
    String location = tables.table(name);
    if (!DeltaTables.exists(spark, location)) {
      return Optional.empty();
    }
    String where =
        "workspace_id = '"
            + config.workspace().replace("'", "''")
            + "' AND occurred_at < timestamp_millis("
            + cutoff.toEpochMilli()
            + ")";
    if (partitioned) {
      // the partition column lets Delta read only the old partitions
      where += " AND event_date <= DATE'" + LocalDate.ofInstant(cutoff, ZoneOffset.UTC) + "'";
    }
    String table = "delta.`" + location + "`";
    long rows =
        dry
            ? spark.sql("SELECT count(*) FROM " + table + " WHERE " + where).first().getLong(0)
            : spark.sql("DELETE FROM " + table + " WHERE " + where).first().getLong(0);
    return Optional.of(new Removal("delta " + name, rows, dry ? "would be deleted" : "deleted"));
  }

  private List<Removal> elasticsearch(Instant cutoff, boolean dry) {
    try (EsConnection connection = EsConnection.open(esUrl, AuditSync.TIMEOUT_MILLIS)) {
      IndexAdmin admin = new IndexAdmin(connection.client(), new StoreIndices(config.workspace()));
      return admin.pruneEventsBefore(cutoff, dry).stream()
          .map(
              p ->
                  new Removal(
                      "elasticsearch " + p.index(),
                      p.documents(),
                      p.wholeIndex()
                          ? (dry ? "in an index that would be deleted" : "in the deleted index")
                          : (dry ? "would be deleted by query" : "deleted by query")))
          .toList();
    }
  }

  private void audit(Report report, String actor, CdpException failed) {
    StringBuilder detail = new StringBuilder("cutoff " + report.cutoff());
    report.removals().forEach(r -> detail.append("; ").append(r));
    if (failed != null) {
      detail.append("; elasticsearch failed: ").append(failed.code());
    }
    AuditEntry entry =
        AuditEntry.create(
            config.workspace(),
            Instant.now(),
            actor,
            "cli",
            AuditEntry.RETENTION_RUN,
            null,
            "cdp privacy retention",
            null,
            null,
            detail.toString());
    AuditTable.appendAndMirror(spark, config, esUrl, List.of(entry));
  }
}
