package io.opencdp.jobs.bench;

import java.util.List;

/**
 * How {@code cdp bench stream} loads the collector: fixed rates (events/s) for a fixed time each,
 * then up a ladder while the stream keeps up.
 *
 * @param fixedRates the rates every run includes, whatever happens (events/s)
 * @param ladder rates tried after them, lowest first, while the stream keeps up
 * @param warmupSeconds sent before the measured part of each rate (no probes)
 * @param durationSeconds the measured part of each rate
 * @param probesPerSecond latency probes sent during the measured part
 * @param connections the load generator's keep-alive connections to the collector
 * @param drainSeconds the longest wait after a rate for its last probes to become visible
 * @param warmupRunSeconds a first, unmeasured run at the first rate (then drained): the JIT of the
 *     stream, collector and API, and the indices the stream creates on its first write
 */
record StreamBenchPlan(
    List<Double> fixedRates,
    List<Double> ladder,
    double warmupSeconds,
    double durationSeconds,
    double probesPerSecond,
    int connections,
    int drainSeconds,
    double warmupRunSeconds) {

  /** A rate keeps up when its probes' median latency grew by at most this over the run. */
  static final double GROWTH_LIMIT_MS = 1000;

  StreamBenchPlan {
    fixedRates = List.copyOf(fixedRates);
    ladder = List.copyOf(ladder);
  }

  /** The plan: 500, 1,000 and 2,000 events/s, 60 s each, then 3,000 and 4,000. */
  static StreamBenchPlan standard() {
    return new StreamBenchPlan(
        List.of(500.0, 1000.0, 2000.0), List.of(3000.0, 4000.0), 5, 60, 4, 32, 240, 30);
  }
}
