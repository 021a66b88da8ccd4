package io.opencdp.jobs.bench.load;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link LoadSpec} in this JVM: {@code max_in_flight} workers, each owning one keep-alive
 * connection.
 *
 * <p>{@link LoadSpec.Mode#OPEN}: a scheduler thread hands request {@code i} to the workers at its
 * intended time {@code t0 + i/rate}, whether or not earlier requests were answered; a request that
 * finds every connection busy waits in the queue (counted as backlogged) and its latency still runs
 * from its intended time. {@link LoadSpec.Mode#SATURATE}: every worker sends back to back.
 */
final class LoadEngine {
  private static final Logger LOG = LoggerFactory.getLogger(LoadEngine.class);
  private static final long START_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
  private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(10);

  private record Job(long index, long intendedNanos, boolean measured) {}

  private static final Job STOP = new Job(-1, 0, false);

  private final LoadSpec spec;
  private final EncodedRequests requests;
  private final InetSocketAddress address;
  private final AtomicBoolean abandon = new AtomicBoolean();

  LoadEngine(LoadSpec spec, EncodedRequests requests) {
    this.spec = spec;
    this.requests = requests;
    URI base = URI.create(spec.baseUrl());
    this.address = new InetSocketAddress(base.getHost(), base.getPort());
  }

  LoadResult run() throws InterruptedException {
    return spec.mode() == LoadSpec.Mode.OPEN ? runOpen() : runSaturated();
  }

  private LoadResult runOpen() throws InterruptedException {
    Schedule schedule = new Schedule(spec.rate(), spec.warmupSeconds(), spec.durationSeconds());
    LinkedBlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    AtomicInteger idle = new AtomicInteger();
    List<WorkerStats> stats = new ArrayList<>();
    List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < spec.maxInFlight(); w++) {
      WorkerStats s = new WorkerStats();
      stats.add(s);
      Thread t = new Thread(() -> work(queue, idle, s), "load-" + spec.label() + "-" + w);
      t.setDaemon(true);
      workers.add(t);
      t.start();
    }
    long start = System.nanoTime() + START_DELAY_NANOS;
    long backlogged = 0;
    long total = schedule.total();
    for (long i = 0; i < total; i++) {
      long due = start + schedule.offsetNanos(i);
      long now;
      while ((now = System.nanoTime()) < due) {
        LockSupport.parkNanos(due - now);
      }
      boolean measured = schedule.measured(i);
      if (measured && (idle.get() <= 0 || !queue.isEmpty())) {
        backlogged++;
      }
      queue.add(new Job(i, due, measured));
    }
    for (int w = 0; w < workers.size(); w++) {
      queue.add(STOP);
    }
    long drainEnd = System.nanoTime() + DRAIN_NANOS;
    for (Thread t : workers) {
      t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(drainEnd - System.nanoTime())));
    }
    abandon.set(true);
    for (Thread t : workers) {
      t.join(spec.timeoutMillis() + 1000L);
      if (t.isAlive()) {
        LOG.warn(
            "{}: worker {} still busy after the drain; its figures may be short",
            spec.label(),
            t.getName());
      }
    }
    long measuredStart = start + schedule.offsetNanos(schedule.warmupCount());
    return result(stats, backlogged, measuredStart);
  }

  private void work(LinkedBlockingQueue<Job> queue, AtomicInteger idle, WorkerStats stats) {
    try (Connection connection = new Connection(address, spec.timeoutMillis())) {
      while (true) {
        idle.incrementAndGet();
        Job job = queue.take();
        idle.decrementAndGet();
        if (job == STOP) {
          return;
        }
        if (abandon.get()) {
          if (job.measured()) {
            stats.unfinished(job.intendedNanos(), System.nanoTime());
          }
          continue;
        }
        send(connection, job.index(), job.intendedNanos(), job.measured(), stats);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private LoadResult runSaturated() throws InterruptedException {
    long start = System.nanoTime() + START_DELAY_NANOS;
    long measuredStart = start + seconds(spec.warmupSeconds());
    long end = measuredStart + seconds(spec.durationSeconds());
    AtomicLong next = new AtomicLong();
    List<WorkerStats> stats = new ArrayList<>();
    List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < spec.maxInFlight(); w++) {
      WorkerStats s = new WorkerStats();
      stats.add(s);
      Thread t =
          new Thread(
              () -> {
                try (Connection connection = new Connection(address, spec.timeoutMillis())) {
                  long now;
                  while ((now = System.nanoTime()) < start) {
                    LockSupport.parkNanos(start - now);
                  }
                  while ((now = System.nanoTime()) < end) {
                    send(connection, next.getAndIncrement(), now, now >= measuredStart, s);
                  }
                }
              },
              "load-" + spec.label() + "-" + w);
      t.setDaemon(true);
      workers.add(t);
      t.start();
    }
    long drainEnd = end + DRAIN_NANOS;
    for (Thread t : workers) {
      t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(drainEnd - System.nanoTime())));
    }
    return result(stats, 0, measuredStart);
  }

  private void send(
      Connection connection, long index, long intended, boolean measured, WorkerStats stats) {
    byte[] request = requests.get(index);
    long sentAt = System.nanoTime();
    try {
      int status = connection.exchange(request);
      if (measured) {
        stats.answered(intended, sentAt, System.nanoTime(), status, spec.expectedStatuses());
      }
    } catch (java.io.IOException | RuntimeException e) {
      if (measured) {
        stats.failed(intended, sentAt, e);
      }
    }
  }

  private LoadResult result(List<WorkerStats> stats, long backlogged, long measuredStart) {
    WorkerStats total = new WorkerStats();
    for (WorkerStats s : stats) {
      s.addTo(total);
    }
    double seconds =
        total.lastCompletionNanos > measuredStart
            ? (total.lastCompletionNanos - measuredStart) / 1e9
            : spec.durationSeconds();
    return new LoadResult(
        spec.label(),
        spec.mode(),
        spec.mode() == LoadSpec.Mode.OPEN ? spec.rate() : 0,
        spec.maxInFlight(),
        total.requests,
        total.completed,
        total.statuses,
        total.errors,
        backlogged,
        total.completed / seconds,
        seconds,
        Percentiles.ofMicros(total.latency),
        Percentiles.ofMicros(total.service),
        Percentiles.ofMicros(total.sendDelay));
  }

  private static long seconds(double s) {
    return Math.round(s * 1e9);
  }
}
