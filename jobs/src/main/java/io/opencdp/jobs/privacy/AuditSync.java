package io.opencdp.jobs.privacy;

import static java.util.Objects.requireNonNull;

import io.opencdp.api.AuditIndex;
import io.opencdp.api.store.AuditEntry;
import io.opencdp.api.store.EsConnection;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code cdp privacy audit-sync}: copies the audit entries the API wrote to Elasticsearch ({@code
 * cdp-<ws>-audit}) into the Delta table {@code audit_log}, in batches of {@link #BATCH}: the
 * entries without {@code synced_at}, oldest first, appended unless there already ({@link
 * AuditTable#append}), then marked {@code synced_at}. A run stopped between the two leaves them
 * unmarked; the next one finds them in Delta and only marks them, so the table never holds an entry
 * twice.
 */
public final class AuditSync {
  private static final Logger LOG = LoggerFactory.getLogger(AuditSync.class);
  static final int BATCH = 5_000;

  /** How long one call to Elasticsearch may take. */
  static final int TIMEOUT_MILLIS = 30_000;

  /**
   * What a sync did.
   *
   * @param index the Elasticsearch index read
   * @param copied entries read and marked synced
   * @param appended of those, the ones new to {@code audit_log}
   */
  public record Result(String index, long copied, long appended) {}

  private final CdpConfig config;
  private final String esUrl;

  public AuditSync(CdpConfig config, String esUrl) {
    this.config = requireNonNull(config, "config is null");
    this.esUrl = requireNonNull(esUrl, "esUrl is null");
  }

  /**
   * {@link #run}, or empty with a warning when Elasticsearch does not answer (the entries wait
   * there; the next sync copies them): for jobs that sync on the side, such as {@code cdp resolve}.
   */
  public Optional<Result> runIfReachable(SparkSession spark) {
    try {
      return Optional.of(run(spark));
    } catch (CdpException e) {
      if (e.code() != ErrorCode.ELASTICSEARCH_UNAVAILABLE) {
        throw e;
      }
      LOG.warn(
          "Elasticsearch at {} does not answer ({}): the audit entries of the API wait there until"
              + " the next `cdp privacy audit-sync` or `cdp resolve`",
          esUrl,
          e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Copies every unsynced entry; Elasticsearch not answering is a {@code CdpException} {@code
   * ELASTICSEARCH_UNAVAILABLE} (what was copied before stays copied).
   */
  public Result run(SparkSession spark) {
    try (EsConnection es = EsConnection.open(esUrl, TIMEOUT_MILLIS)) {
      AuditIndex index = new AuditIndex(es.client(), new StoreIndices(config.workspace()));
      long copied = 0;
      long appended = 0;
      while (true) {
        List<AuditEntry> batch = index.unsynced(BATCH);
        if (batch.isEmpty()) {
          break;
        }
        appended += AuditTable.append(spark, config, batch);
        index.markSynced(batch.stream().map(AuditEntry::auditId).toList(), Instant.now());
        copied += batch.size();
        if (batch.size() < BATCH) {
          break;
        }
      }
      LOG.info(
          "audit log: copied {} entr(ies) from {} to {} ({} new)",
          copied,
          index.name(),
          AuditTable.NAME,
          appended);
      return new Result(index.name(), copied, appended);
    }
  }
}
