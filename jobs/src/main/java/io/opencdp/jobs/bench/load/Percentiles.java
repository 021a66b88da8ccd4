package io.opencdp.jobs.bench.load;

import org.HdrHistogram.Histogram;

/**
 * Latency percentiles in milliseconds, read from a histogram recorded in microseconds.
 *
 * @param count values recorded
 */
public record Percentiles(
    long count, double p50, double p90, double p99, double p999, double max, double mean) {

  static final Percentiles EMPTY = new Percentiles(0, 0, 0, 0, 0, 0, 0);

  /** {@code micros} holds values in microseconds; the percentiles are in milliseconds. */
  static Percentiles ofMicros(Histogram micros) {
    if (micros.getTotalCount() == 0) {
      return EMPTY;
    }
    return new Percentiles(
        micros.getTotalCount(),
        ms(micros.getValueAtPercentile(50)),
        ms(micros.getValueAtPercentile(90)),
        ms(micros.getValueAtPercentile(99)),
        ms(micros.getValueAtPercentile(99.9)),
        ms(micros.getMaxValue()),
        micros.getMean() / 1000.0);
  }

  /** A histogram of microseconds that grows as needed, 3 significant digits. */
  static Histogram newMicrosHistogram() {
    return new Histogram(3);
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }
}
