package io.opencdp.jobs.bench.load;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;

/** What one connection's worker measured; merged into the run's result at the end. */
final class WorkerStats {
  final Histogram latency = Percentiles.newMicrosHistogram();
  final Histogram service = Percentiles.newMicrosHistogram();
  final Histogram sendDelay = Percentiles.newMicrosHistogram();
  final Map<String, Long> statuses = new HashMap<>();
  final Map<String, Long> errors = new HashMap<>();
  long requests;
  long completed;
  long lastCompletionNanos;

  /** A measured request that was answered with {@code status}. */
  void answered(long intended, long sentAt, long done, int status, Set<Integer> expectedStatuses) {
    requests++;
    completed++;
    latency.recordValue(micros(done - intended));
    service.recordValue(micros(done - sentAt));
    sendDelay.recordValue(micros(sentAt - intended));
    statuses.merge(Integer.toString(status), 1L, Long::sum);
    if (!expectedStatuses.contains(status)) {
      errors.merge("status_" + status, 1L, Long::sum);
    }
    lastCompletionNanos = Math.max(lastCompletionNanos, done);
  }

  /** A measured request that failed with {@code error} (no answer; no latency recorded). */
  void failed(long intended, long sentAt, Exception error) {
    requests++;
    sendDelay.recordValue(micros(sentAt - intended));
    errors.merge(error.getClass().getSimpleName(), 1L, Long::sum);
  }

  /**
   * A measured request still unanswered (or unsent) when the drain ended: its latency is at least
   * what it had waited, and it is counted as an error.
   */
  void unfinished(long intended, long now) {
    latency.recordValue(micros(now - intended));
    requests++;
    errors.merge("unfinished", 1L, Long::sum);
  }

  void addTo(WorkerStats total) {
    total.latency.add(latency);
    total.service.add(service);
    total.sendDelay.add(sendDelay);
    statuses.forEach((k, v) -> total.statuses.merge(k, v, Long::sum));
    errors.forEach((k, v) -> total.errors.merge(k, v, Long::sum));
    total.requests += requests;
    total.completed += completed;
    total.lastCompletionNanos = Math.max(total.lastCompletionNanos, lastCompletionNanos);
  }

  static long micros(long nanos) {
    return Math.max(0, nanos / 1000);
  }
}
