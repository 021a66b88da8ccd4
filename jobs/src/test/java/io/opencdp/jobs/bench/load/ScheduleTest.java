package io.opencdp.jobs.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScheduleTest {
  @Test
  void spacesRequestsEvenlyFromTheStartWhateverHappensToEarlierOnes() {
    Schedule schedule = new Schedule(2000, 1, 2);

    assertThat(schedule.offsetNanos(0)).isZero();
    assertThat(schedule.offsetNanos(1)).isEqualTo(500_000);
    assertThat(schedule.offsetNanos(2000)).isEqualTo(1_000_000_000);
    assertThat(schedule.offsetNanos(5999)).isEqualTo(2_999_500_000L);
  }

  @Test
  void countsWarmupAndMeasuredRequests() {
    Schedule schedule = new Schedule(500, 0.5, 3);

    assertThat(schedule.total()).isEqualTo(1750);
    assertThat(schedule.warmupCount()).isEqualTo(250);
    assertThat(schedule.measured(249)).isFalse();
    assertThat(schedule.measured(250)).isTrue();
  }

  @Test
  void keepsFractionalPeriodsWithoutDrift() {
    Schedule schedule = new Schedule(3000, 0, 10);

    // 1/3000 s is not a whole number of nanoseconds; the error must not add up
    assertThat(schedule.offsetNanos(30_000)).isEqualTo(10_000_000_000L);
    assertThat(schedule.offsetNanos(1)).isEqualTo(333_333);
  }

  @Test
  void refusesANonPositiveRate() {
    assertThatThrownBy(() -> new Schedule(0, 0, 1)).hasMessageContaining("rate");
  }
}
