package io.opencdp.jobs.bench.load;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a spec at a ladder of fixed rates, lowest first, and finds where p99 breaks a limit: the
 * last rate that kept up and the first that did not (see {@link LoadResult#keptUp}). The ladder
 * stops at the first breach, but never before every rate in {@code alwaysRun} has run, so the fixed
 * rates a report quotes are measured even when a lower one breaks.
 */
public final class RateSweep {
  /** Runs one spec; {@link LoadRun#run} in the benchmark, a fake in tests. */
  @FunctionalInterface
  public interface Runner {
    LoadResult run(LoadSpec spec) throws Exception;
  }

  /**
   * What a sweep measured.
   *
   * @param results every run, in the order run
   * @param lastKeptUp the highest rate below the first breach that kept up, if any
   * @param firstBreach the lowest rate that did not keep up, if any did not
   */
  public record Sweep(
      List<LoadResult> results, Optional<Double> lastKeptUp, Optional<Double> firstBreach) {
    public Sweep {
      results = List.copyOf(results);
      requireNonNull(lastKeptUp, "last_kept_up is null");
      requireNonNull(firstBreach, "first_breach is null");
    }

    /** The run at {@code rate}, if the sweep ran it. */
    public Optional<LoadResult> at(double rate) {
      return results.stream().filter(r -> r.targetRate() == rate).findFirst();
    }
  }

  private RateSweep() {}

  public static Sweep run(
      LoadSpec spec, List<Double> ladder, List<Double> alwaysRun, double p99LimitMs, Runner runner)
      throws Exception {
    List<Double> rates =
        java.util.stream.Stream.concat(ladder.stream(), alwaysRun.stream())
            .sorted()
            .distinct()
            .toList();
    List<LoadResult> results = new ArrayList<>();
    Double lastKeptUp = null;
    Double firstBreach = null;
    for (double rate : rates) {
      if (firstBreach != null && !alwaysRun.contains(rate)) {
        continue;
      }
      LoadResult result = runner.run(spec.withRate(rate));
      results.add(result);
      if (firstBreach == null) {
        if (result.keptUp(p99LimitMs)) {
          lastKeptUp = rate;
        } else {
          firstBreach = rate;
        }
      }
    }
    return new Sweep(results, Optional.ofNullable(lastKeptUp), Optional.ofNullable(firstBreach));
  }
}
