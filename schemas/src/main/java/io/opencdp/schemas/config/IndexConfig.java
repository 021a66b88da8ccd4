package io.opencdp.schemas.config;

import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;

/**
 * The Elasticsearch indexer ({@code cdp index}): how it sends bulk requests and how much event
 * history it keeps (docs/profile-store.md).
 *
 * @param bulkActions documents per bulk request
 * @param bulkMaxMb the largest bulk request body in MiB; a request is sent when either limit is hit
 * @param concurrentRequests bulk requests in flight per writer (one writer per Spark partition); a
 *     writer with this many requests outstanding blocks until one completes (backpressure)
 * @param maxRetries how often a document or request rejected with 429 or a 5xx is sent again
 * @param retryBackoffMillis the first wait before a retry; doubled on each further retry
 * @param requestTimeoutSeconds how long one call to Elasticsearch may take
 * @param replicas replicas of the profiles and identity indices once loaded (0 while loading; 0 on
 *     the single local node, which cannot place a replica)
 * @param eventsRetentionDays events older than this many days are not indexed and monthly event
 *     indices entirely older are deleted; null keeps the full history
 */
public record IndexConfig(
    int bulkActions,
    int bulkMaxMb,
    int concurrentRequests,
    int maxRetries,
    int retryBackoffMillis,
    int requestTimeoutSeconds,
    int replicas,
    Integer eventsRetentionDays)
    implements Serializable {

  public IndexConfig {
    ConfigChecks.range("index.bulk_actions", bulkActions, 1, 100_000);
    ConfigChecks.range("index.bulk_max_mb", bulkMaxMb, 1, 100);
    ConfigChecks.range("index.concurrent_requests", concurrentRequests, 1, 64);
    ConfigChecks.range("index.max_retries", maxRetries, 0, 100);
    ConfigChecks.range("index.retry_backoff_millis", retryBackoffMillis, 1, 600_000);
    ConfigChecks.range("index.request_timeout_seconds", requestTimeoutSeconds, 1, 3600);
    ConfigChecks.range("index.replicas", replicas, 0, 10);
    if (eventsRetentionDays != null) {
      ConfigChecks.range("index.events_retention_days", eventsRetentionDays, 1, 36_500);
    }
  }

  /** The events retention, or empty for the full history. */
  public Optional<Duration> eventsRetention() {
    return Optional.ofNullable(eventsRetentionDays).map(Duration::ofDays);
  }

  public IndexConfig withEventsRetentionDays(Integer days) {
    return new IndexConfig(
        bulkActions,
        bulkMaxMb,
        concurrentRequests,
        maxRetries,
        retryBackoffMillis,
        requestTimeoutSeconds,
        replicas,
        days);
  }

  public IndexConfig withBulkActions(int actions) {
    return new IndexConfig(
        actions,
        bulkMaxMb,
        concurrentRequests,
        maxRetries,
        retryBackoffMillis,
        requestTimeoutSeconds,
        replicas,
        eventsRetentionDays);
  }
}
