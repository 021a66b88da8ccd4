package io.opencdp.jobs.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class PercentilesTest {
  @Test
  void readsMillisecondsFromAHistogramOfMicroseconds() {
    Histogram micros = Percentiles.newMicrosHistogram();
    for (int i = 1; i <= 1000; i++) {
      micros.recordValue(i * 10L); // 10 us .. 10 ms
    }
    micros.recordValue(300_000); // one 300 ms stall

    Percentiles p = Percentiles.ofMicros(micros);

    assertThat(p.count()).isEqualTo(1001);
    assertThat(p.p50()).isCloseTo(5.0, within(0.02));
    assertThat(p.p90()).isCloseTo(9.0, within(0.02));
    assertThat(p.p99()).isCloseTo(9.9, within(0.02));
    assertThat(p.p999()).isCloseTo(10.0, within(0.02));
    assertThat(p.max()).isCloseTo(300.0, within(0.5));
    assertThat(p.mean()).isCloseTo(5.30, within(0.01)); // (5,005,000 + 300,000) us / 1001
  }

  @Test
  void anEmptyHistogramReadsAsZeros() {
    assertThat(Percentiles.ofMicros(Percentiles.newMicrosHistogram())).isEqualTo(Percentiles.EMPTY);
  }

  @Test
  void recordsNegativeDurationsAsZero() {
    assertThat(WorkerStats.micros(-5_000)).isZero();
    assertThat(WorkerStats.micros(1_999)).isEqualTo(1);
  }
}
