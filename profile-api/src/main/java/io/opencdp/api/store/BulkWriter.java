package io.opencdp.api.store;

import static java.util.Objects.requireNonNull;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import co.elastic.clients.util.BinaryData;
import io.opencdp.schemas.config.IndexConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes documents through the client's {@link BulkIngester}: requests of {@code bulk_actions}
 * documents or {@code bulk_max_mb}, at most {@code concurrent_requests} in flight ({@link #index}
 * blocks while that many are outstanding: backpressure). A document or request rejected with 429 or
 * a 5xx, or left without an answer, is sent again after a doubling backoff, up to {@code
 * max_retries} times; any other rejection (a 400 mapping error) is permanent: the next call and
 * {@link #close} throw a {@link BulkWriteException} naming the document and the reason. Deleting a
 * document that is not there is not an error, nor is updating one (it is counted as missing). Not
 * thread-safe for writers: one per task.
 */
public final class BulkWriter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BulkWriter.class);
  private static final String JSON = "application/json";
  private static final int MAX_KEPT_FAILURES = 100;

  /** A document Elasticsearch refused for good. */
  public record Failure(String index, String id, int status, String reason) {}

  /**
   * What a writer did: documents indexed (or updated), deleted, items sent again, and partial
   * updates skipped because their document (or index) was missing.
   */
  public record Result(long indexed, long deleted, long retried, long missing) {}

  /** One queued operation and how often it was sent. */
  private record Op(BulkOperation operation, String index, String id, int attempt) {
    Op next() {
      return new Op(operation, index, id, attempt + 1);
    }
  }

  private final IndexConfig config;
  private final BulkIngester<Op> ingester;
  private final ScheduledExecutorService retries;
  private final AtomicLong outstanding = new AtomicLong();
  private final AtomicLong indexed = new AtomicLong();
  private final AtomicLong deleted = new AtomicLong();
  private final AtomicLong retried = new AtomicLong();
  private final AtomicLong missing = new AtomicLong();
  private final AtomicInteger failureCount = new AtomicInteger();
  private final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
  private boolean closed;

  public BulkWriter(ElasticsearchClient client, IndexConfig config) {
    this.config = requireNonNull(config, "config is null");
    this.retries =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "bulk-retry");
              t.setDaemon(true);
              return t;
            });
    this.ingester =
        BulkIngester.of(
            b ->
                b.client(requireNonNull(client, "client is null"))
                    .maxOperations(config.bulkActions())
                    .maxSize(config.bulkMaxMb() * 1024L * 1024L)
                    .maxConcurrentRequests(config.concurrentRequests())
                    .listener(new Listener()));
  }

  /** Indexes (creates or replaces) the document {@code id} with the JSON {@code source}. */
  public void index(String index, String id, byte[] source) {
    BinaryData document = BinaryData.of(source, JSON);
    add(
        new Op(
            BulkOperation.of(o -> o.index(i -> i.index(index).id(id).document(document))),
            index,
            id,
            0));
  }

  /**
   * Partially updates the document {@code id}: the top-level fields of {@code fields} replace the
   * document's. A document that is not there is skipped and counted as {@link Result#missing}.
   */
  public void update(String index, String id, Map<String, Object> fields) {
    Map<String, Object> doc = Map.copyOf(fields);
    add(
        new Op(
            BulkOperation.of(
                o ->
                    o.update(
                        u -> u.index(index).id(id).<Map<String, Object>>action(a -> a.doc(doc)))),
            index,
            id,
            0));
  }

  /** Deletes the document {@code id}; one that is not there counts as deleted. */
  public void delete(String index, String id) {
    add(new Op(BulkOperation.of(o -> o.delete(d -> d.index(index).id(id))), index, id, 0));
  }

  private void add(Op op) {
    if (closed) {
      throw new IllegalStateException("the bulk writer is closed");
    }
    throwIfFailed();
    outstanding.incrementAndGet();
    ingester.add(op.operation(), op);
  }

  /**
   * Sends what is buffered, waits until every document is written or has failed for good, and
   * stops.
   *
   * @throws BulkWriteException when a document was rejected for good
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      while (outstanding.get() > 0) {
        ingester.flush();
        Thread.sleep(10);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      ingester.close();
      retries.shutdownNow();
    }
    throwIfFailed();
  }

  /** Counts so far; complete after {@link #close}. */
  public Result result() {
    return new Result(indexed.get(), deleted.get(), retried.get(), missing.get());
  }

  private void throwIfFailed() {
    if (!failures.isEmpty()) {
      throw new BulkWriteException(new ArrayList<>(failures));
    }
  }

  private void succeeded(Op op) {
    (op.operation().isDelete() ? deleted : indexed).incrementAndGet();
    outstanding.decrementAndGet();
  }

  private void failed(Op op, int status, String reason) {
    if (failureCount.incrementAndGet() <= MAX_KEPT_FAILURES) {
      failures.add(new Failure(op.index(), op.id(), status, reason));
    }
    LOG.warn("document {} in {} rejected: {} (status {})", op.id(), op.index(), reason, status);
    outstanding.decrementAndGet();
  }

  private void retryOrFail(Op op, boolean retryable, int status, String reason) {
    if (retryable && op.attempt() < config.maxRetries() && !retries.isShutdown()) {
      retried.incrementAndGet();
      Op again = op.next();
      long wait = BulkRetry.backoffMillis(config.retryBackoffMillis(), again.attempt());
      LOG.debug("retrying document {} in {} ms: {}", op.id(), wait, reason);
      // re-added from the retry thread: the listener runs on the client's I/O threads, which
      // must never block on the ingester's backpressure
      retries.schedule(() -> ingester.add(again.operation(), again), wait, TimeUnit.MILLISECONDS);
    } else {
      failed(op, status, reason);
    }
  }

  private final class Listener implements BulkListener<Op> {
    @Override
    public void beforeBulk(long executionId, BulkRequest request, List<Op> contexts) {}

    @Override
    public void afterBulk(
        long executionId, BulkRequest request, List<Op> contexts, BulkResponse response) {
      List<BulkResponseItem> items = response.items();
      for (int i = 0; i < contexts.size(); i++) {
        Op op = contexts.get(i);
        BulkResponseItem item = items.get(i);
        int status = item.status();
        if (item.error() == null && status < 300) {
          succeeded(op);
        } else if (item.operationType() == OperationType.Delete && status == 404) {
          succeeded(op); // already gone (or its index is)
        } else if (item.operationType() == OperationType.Update && status == 404) {
          missing.incrementAndGet(); // no such document (or index): nothing to update
          outstanding.decrementAndGet();
        } else {
          String reason =
              item.error() == null
                  ? "status " + status
                  : item.error().type() + ": " + item.error().reason();
          retryOrFail(op, BulkRetry.retryable(status), status, reason);
        }
      }
    }

    @Override
    public void afterBulk(
        long executionId, BulkRequest request, List<Op> contexts, Throwable failure) {
      boolean retryable = BulkRetry.retryable(failure);
      LOG.warn(
          "bulk request of {} operation(s) failed{}: {}",
          contexts.size(),
          retryable ? " (will retry)" : "",
          failure.toString());
      for (Op op : contexts) {
        retryOrFail(op, retryable, 0, "request failed: " + failure);
      }
    }
  }
}
