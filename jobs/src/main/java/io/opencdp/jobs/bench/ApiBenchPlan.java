package io.opencdp.jobs.bench;

import java.util.List;

/**
 * How long and at which rates {@code cdp bench api} loads each target, fixed per scale so runs
 * compare. Up to 10k persons it is a short smoke plan; above, the full one.
 *
 * @param fixedRates the rates every target runs at, whatever breaks (req/s)
 * @param ladder the rates tried, lowest first, until p99 breaks {@link #P99_LIMIT_MS}
 * @param warmupSeconds sent but not measured, per run
 * @param durationSeconds measured, per run
 * @param connections connections (= most requests in flight) of every run
 */
record ApiBenchPlan(
    List<Double> fixedRates,
    List<Double> ladder,
    double warmupSeconds,
    double durationSeconds,
    int connections) {
  static final double P99_LIMIT_MS = 5.0;
  private static final List<Double> FIXED = List.of(500.0, 1000.0, 2000.0);

  ApiBenchPlan {
    fixedRates = List.copyOf(fixedRates);
    ladder = List.copyOf(ladder);
  }

  static ApiBenchPlan forScale(long scale) {
    if (scale <= 10_000) {
      return new ApiBenchPlan(FIXED, List.of(4000.0), 0.5, 2, 8);
    }
    return new ApiBenchPlan(
        FIXED, List.of(3000.0, 4000.0, 6000.0, 8000.0, 12000.0, 16000.0, 24000.0), 5, 15, 8);
  }

  boolean smoke() {
    return durationSeconds < 5;
  }
}
