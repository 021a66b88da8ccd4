package io.opencdp.api;

import static java.util.Objects.requireNonNull;

import io.opencdp.api.store.AuditEntry;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes audit entries to Elasticsearch off the request thread: requests {@link #offer} entries to
 * a bounded queue ({@link #CAPACITY}) and return at once; one daemon thread (started on the first
 * entry) writes them in bulk, up to {@link #BATCH} at a time.
 *
 * <p><b>When the queue is full</b> (Elasticsearch down or too slow for longer than the queue
 * lasts), a new entry is dropped, never waited for: a read must not wait for its audit entry. Drops
 * are counted ({@link #dropped}, {@code cdp_api_audit_entries_dropped_total} in {@code /metrics})
 * and logged (the first, then every 1,000th). A batch Elasticsearch cannot take now is retried with
 * a growing pause (up to {@link #MAX_BACKOFF}); a batch it refuses (a bug) is dropped with an error
 * in the log. {@link #close} writes what is queued, waiting at most {@link #CLOSE_WAIT}; what is
 * left then is dropped and logged.
 */
final class AuditBuffer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AuditBuffer.class);
  static final int CAPACITY = 10_000;
  static final int BATCH = 500;
  static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

  private final Consumer<List<AuditEntry>> sink;
  private final BlockingQueue<AuditEntry> queue;
  private final int capacity;
  private final AtomicLong pending = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong written = new AtomicLong();
  private volatile boolean closing;
  private volatile long closeDeadline = Long.MAX_VALUE;
  private Thread writer;

  /**
   * @param sink writes one batch (throws a {@link CdpException} when it cannot)
   */
  AuditBuffer(Consumer<List<AuditEntry>> sink, int capacity) {
    this.sink = requireNonNull(sink, "sink is null");
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.capacity = capacity;
  }

  /** Queues {@code entry}; false (and counted as dropped) when the queue is full or closed. */
  boolean offer(AuditEntry entry) {
    if (closing || !queue.offer(entry)) {
      long n = dropped.incrementAndGet();
      if (n == 1 || n % 1_000 == 0) {
        LOG.warn(
            "audit log queue full or closed ({} entries): dropped {} audit entr(ies) so far;"
                + " is Elasticsearch up?",
            capacity,
            n);
      }
      return false;
    }
    pending.incrementAndGet();
    startWriter();
    return true;
  }

  /** Entries dropped so far. */
  long dropped() {
    return dropped.get();
  }

  /** Entries written so far. */
  long written() {
    return written.get();
  }

  /** Waits until every entry offered so far is written or dropped; false on timeout. */
  boolean flush(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (pending.get() > 0) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  /** Stops taking entries and writes the queued ones, waiting at most {@link #CLOSE_WAIT}. */
  @Override
  public void close() {
    Thread running;
    synchronized (this) {
      closing = true;
      closeDeadline = System.nanoTime() + CLOSE_WAIT.toNanos();
      running = writer;
    }
    if (running == null) {
      return;
    }
    try {
      running.join(CLOSE_WAIT.toMillis() + 1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    running.interrupt();
    List<AuditEntry> left = new ArrayList<>();
    queue.drainTo(left);
    if (!left.isEmpty()) {
      drop(left, "the API stopped before Elasticsearch took them");
    }
  }

  private synchronized void startWriter() {
    if (writer == null && !closing) {
      writer = new Thread(this::run, "cdp-audit-writer");
      writer.setDaemon(true);
      writer.start();
    }
  }

  private void run() {
    List<AuditEntry> batch = new ArrayList<>(BATCH);
    while (!closing || !queue.isEmpty()) {
      try {
        AuditEntry first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
      } catch (InterruptedException e) {
        return;
      }
      queue.drainTo(batch, BATCH - 1);
      if (!write(batch)) {
        return;
      }
      batch.clear();
    }
  }

  /** Writes one batch, retrying while Elasticsearch is unavailable; false when interrupted. */
  private boolean write(List<AuditEntry> batch) {
    long pause = 250;
    while (true) {
      try {
        sink.accept(batch);
        written.addAndGet(batch.size());
        pending.addAndGet(-batch.size());
        return true;
      } catch (CdpException e) {
        if (e.code() != ErrorCode.ELASTICSEARCH_UNAVAILABLE) {
          drop(batch, e.getMessage());
          return true;
        }
        if (closing && System.nanoTime() > closeDeadline) {
          drop(batch, "Elasticsearch is unavailable and the API is stopping");
          return true;
        }
        LOG.warn(
            "cannot write {} audit entr(ies) now, retrying in {} ms: {}",
            batch.size(),
            pause,
            e.getMessage());
        try {
          Thread.sleep(pause);
        } catch (InterruptedException interrupted) {
          drop(batch, "the API stopped before Elasticsearch took them");
          return false;
        }
        pause = Math.min(pause * 2, MAX_BACKOFF.toMillis());
      } catch (RuntimeException e) {
        // Elasticsearch refused the request (a bug): the writer thread must go on for the next
        // entries, so the batch is dropped with the cause in the log
        LOG.error("dropped {} audit entr(ies): Elasticsearch refused them", batch.size(), e);
        dropped.addAndGet(batch.size());
        pending.addAndGet(-batch.size());
        return true;
      }
    }
  }

  private void drop(List<AuditEntry> batch, String why) {
    dropped.addAndGet(batch.size());
    pending.addAndGet(-batch.size());
    LOG.error("dropped {} audit entr(ies): {}", batch.size(), why);
  }
}
