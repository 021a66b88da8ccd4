package io.opencdp.jobs.cli;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.api.store.EsConnection;
import io.opencdp.api.store.PendingOverrides;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.resolve.overrides.OverrideRow;
import io.opencdp.resolve.spark.IdentityOverrides;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first step of every {@code cdp resolve} run (docs/profile-store.md, "Pending identity
 * overrides"): the identity overrides recorded through the API wait in the Elasticsearch queue
 * {@code cdp-<ws>-overrides}; this copies the pending ones into Delta {@code identity_overrides}
 * (only those not there yet) and marks them {@code applied} by the run, so that the run honours
 * them.
 *
 * <p>Elasticsearch not answering is a warning and the run goes on without them (the queue is
 * durable; the next run applies them), unless {@code resolve.require_override_queue} is true. A
 * queue document that is not a valid override stays pending, with a warning naming it.
 */
final class OverrideQueueSync {
  private static final Logger LOG = LoggerFactory.getLogger(OverrideQueueSync.class);

  /** How long one call to Elasticsearch may take; the queue is small. */
  static final int TIMEOUT_MILLIS = 30_000;

  /**
   * What a sync did.
   *
   * @param reachable whether Elasticsearch answered (false: pending overrides, if any, wait)
   * @param applied documents marked applied by this run (now in identity_overrides)
   * @param appended of those, rows this run appended to identity_overrides (the others were there
   *     already: a run that stopped before marking them)
   * @param invalid documents left pending because they are not valid overrides
   */
  record Result(boolean reachable, int applied, int appended, int invalid) {
    static final Result UNREACHABLE = new Result(false, 0, 0, 0);
  }

  private final CdpConfig config;
  private final String esUrl;

  OverrideQueueSync(CdpConfig config, String esUrl) {
    this.config = requireNonNull(config, "config is null");
    this.esUrl = requireNonNull(esUrl, "esUrl is null");
  }

  /** The sync against the cluster of {@code elasticsearch.url}, or the local node. */
  static OverrideQueueSync of(CdpConfig config) {
    return new OverrideQueueSync(config, ServeCommand.esUrl(config));
  }

  /** Applies the pending overrides for resolve run {@code runId}. */
  Result run(SparkSession spark, String runId) {
    StoreIndices indices = new StoreIndices(config.workspace());
    try (EsConnection es = EsConnection.open(esUrl, TIMEOUT_MILLIS)) {
      PendingOverrides queue = new PendingOverrides(es.client(), indices);
      List<ObjectNode> documents;
      try {
        documents = queue.read();
      } catch (CdpException e) {
        rethrowUnlessTolerated(e);
        LOG.warn(
            "Elasticsearch at {} does not answer ({}): identity overrides recorded through the API"
                + " wait in {} (how many is unknown while it is down) and this run resolves"
                + " without them; the queue is durable and the next run applies them"
                + " (resolve.require_override_queue: true fails the run instead)",
            esUrl,
            e.getMessage(),
            queue.index());
        return Result.UNREACHABLE;
      }
      if (documents.isEmpty()) {
        LOG.info("no pending identity overrides in {}", queue.index());
        return new Result(true, 0, 0, 0);
      }
      List<OverrideRow> rows = new ArrayList<>();
      int invalid = 0;
      for (ObjectNode document : documents) {
        try {
          rows.add(OverrideRow.fromDocument(document));
        } catch (IllegalArgumentException e) {
          invalid++;
          LOG.warn(
              "queue document in {} is not a valid identity override, left pending: {}",
              queue.index(),
              e.getMessage());
        }
      }
      List<String> appended = new IdentityOverrides(spark, config).appendAbsent(rows);
      List<String> ids = rows.stream().map(OverrideRow::overrideId).toList();
      try {
        queue.markApplied(ids, runId, Instant.now());
      } catch (CdpException e) {
        rethrowUnlessTolerated(e);
        // they are in Delta and this run honours them; the next run finds them there and marks them
        LOG.warn(
            "{} identity override(s) are in identity_overrides but could not be marked applied in"
                + " {} ({}); the next run marks them",
            ids.size(),
            queue.index(),
            e.getMessage());
      }
      LOG.info(
          "identity overrides from {}: {} applied ({} appended to identity_overrides), {} invalid",
          queue.index(),
          ids.size(),
          appended.size(),
          invalid);
      return new Result(true, ids.size(), appended.size(), invalid);
    }
  }

  /** Elasticsearch being unavailable is tolerated unless the config requires the queue. */
  private void rethrowUnlessTolerated(CdpException e) {
    if (e.code() != ErrorCode.ELASTICSEARCH_UNAVAILABLE) {
      throw e;
    }
    if (config.resolve().requireOverrideQueue()) {
      throw new CdpException(
          ErrorCode.ELASTICSEARCH_UNAVAILABLE,
          e.getMessage()
              + "; resolve.require_override_queue is true, so cdp resolve does not run without the"
              + " identity overrides recorded through the API (set it to false to resolve anyway)",
          e);
    }
  }
}
