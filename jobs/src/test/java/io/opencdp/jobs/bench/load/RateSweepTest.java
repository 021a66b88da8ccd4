package io.opencdp.jobs.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class RateSweepTest {
  private static final LoadSpec SPEC =
      LoadSpec.open("api.id", "http://127.0.0.1:1", Path.of("r.jsonl"), 1, 0, 1, 8, 42);
  private static final List<Double> LADDER = List.of(500.0, 1000.0, 2000.0, 3000.0, 4000.0);

  @Test
  void stopsAtTheFirstRateWhoseP99BreaksTheLimit() throws Exception {
    List<Double> ran = new ArrayList<>();
    RateSweep.Sweep sweep =
        RateSweep.run(SPEC, LADDER, List.of(), 5.0, fake(ran, rate -> rate < 3000 ? 2.0 : 9.0));

    assertThat(ran).containsExactly(500.0, 1000.0, 2000.0, 3000.0);
    assertThat(sweep.lastKeptUp()).contains(2000.0);
    assertThat(sweep.firstBreach()).contains(3000.0);
    assertThat(sweep.at(2000.0).orElseThrow().latency().p99()).isEqualTo(2.0);
  }

  @Test
  void stillRunsTheRatesTheReportQuotesAfterABreach() throws Exception {
    List<Double> ran = new ArrayList<>();
    RateSweep.Sweep sweep =
        RateSweep.run(
            SPEC,
            List.of(4000.0, 500.0),
            List.of(1000.0, 2000.0),
            5.0,
            fake(ran, rate -> rate < 1000 ? 1.0 : 7.0));

    assertThat(ran).containsExactly(500.0, 1000.0, 2000.0);
    assertThat(sweep.lastKeptUp()).contains(500.0);
    assertThat(sweep.firstBreach()).contains(1000.0);
  }

  @Test
  void reportsNoBreachWhenEveryRateKeepsUp() throws Exception {
    RateSweep.Sweep sweep =
        RateSweep.run(SPEC, LADDER, List.of(), 5.0, fake(new ArrayList<>(), rate -> 1.0));

    assertThat(sweep.lastKeptUp()).contains(4000.0);
    assertThat(sweep.firstBreach()).isEmpty();
  }

  @Test
  void aRunWithErrorsOrShortOfItsRateDoesNotKeepUp() {
    assertThat(result(1000, 1.0, 990, Map.of()).keptUp(5)).isTrue();
    assertThat(result(1000, 1.0, 900, Map.of()).keptUp(5)).isFalse();
    assertThat(result(1000, 1.0, 1000, Map.of("status_500", 1L)).keptUp(5)).isFalse();
    assertThat(result(1000, 5.1, 1000, Map.of()).keptUp(5)).isFalse();
  }

  private static RateSweep.Runner fake(List<Double> ran, DoubleUnaryOperator p99) {
    return spec -> {
      ran.add(spec.rate());
      return result(spec.rate(), p99.applyAsDouble(spec.rate()), spec.rate(), Map.of());
    };
  }

  static LoadResult result(double rate, double p99, double achieved, Map<String, Long> errors) {
    Percentiles latency = new Percentiles(100, p99 / 2, p99 / 1.5, p99, p99 * 2, p99 * 3, p99 / 2);
    return new LoadResult(
        "api.id",
        LoadSpec.Mode.OPEN,
        rate,
        8,
        100,
        100,
        Map.of("200", 100L),
        errors,
        0,
        achieved,
        1.0,
        latency,
        latency,
        Percentiles.EMPTY);
  }
}
