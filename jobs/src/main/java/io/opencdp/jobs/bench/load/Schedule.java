package io.opencdp.jobs.bench.load;

/**
 * The intended send times of an open-loop run: request {@code i} is due at {@code start + i/rate},
 * whatever happened to the requests before it. Requests due in the first {@code warmup} are sent
 * but not measured.
 */
record Schedule(double rate, double warmupSeconds, double durationSeconds) {
  Schedule {
    if (!(rate > 0)) {
      throw new IllegalArgumentException("rate must be positive, got " + rate);
    }
  }

  /** How many requests the run sends, warm-up included. */
  long total() {
    return (long) Math.ceil((warmupSeconds + durationSeconds) * rate);
  }

  /** How many requests fall in the warm-up. */
  long warmupCount() {
    return (long) Math.ceil(warmupSeconds * rate);
  }

  /** Nanoseconds from the start at which request {@code i} is due. */
  long offsetNanos(long i) {
    return Math.round(i * 1e9 / rate);
  }

  boolean measured(long i) {
    return i >= warmupCount();
  }
}
