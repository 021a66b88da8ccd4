package io.opencdp.jobs.bench.load;

import io.opencdp.jobs.bench.Figure;
import java.util.ArrayList;
import java.util.List;

/**
 * Load results as report figures, named {@code <label>.<figure>@<rate>}, e.g. {@code
 * api.id.p99_ms@2000}; ratios as {@code ratio.<what>.<figure>@<rate>} (API over Elasticsearch).
 */
public final class LoadFigures {
  private LoadFigures() {}

  /** The figures of one fixed-rate run. */
  public static List<Figure> fixedRate(LoadResult r) {
    String at = "@" + rate(r.targetRate());
    String l = r.label() + ".";
    List<Figure> figures = new ArrayList<>();
    figures.add(new Figure(l + "p50_ms" + at, r.latency().p50(), "ms"));
    figures.add(new Figure(l + "p90_ms" + at, r.latency().p90(), "ms"));
    figures.add(new Figure(l + "p99_ms" + at, r.latency().p99(), "ms"));
    figures.add(new Figure(l + "p999_ms" + at, r.latency().p999(), "ms"));
    figures.add(new Figure(l + "max_ms" + at, r.latency().max(), "ms"));
    figures.add(new Figure(l + "service_p50_ms" + at, r.service().p50(), "ms"));
    figures.add(new Figure(l + "service_p99_ms" + at, r.service().p99(), "ms"));
    figures.add(new Figure(l + "send_delay_p99_ms" + at, r.sendDelay().p99(), "ms"));
    figures.add(new Figure(l + "achieved_rps" + at, r.achievedRate(), "req/s"));
    figures.add(new Figure(l + "requests" + at, r.requests(), "requests"));
    figures.add(new Figure(l + "errors" + at, r.errorCount(), "requests"));
    figures.add(new Figure(l + "backlogged" + at, r.backlogged(), "requests"));
    return figures;
  }

  /** The figures of a saturating run: the throughput ceiling on its connections. */
  public static List<Figure> saturated(LoadResult r) {
    String l = r.label() + ".";
    return List.of(
        new Figure(l + "max_rps", r.achievedRate(), "req/s"),
        new Figure(l + "max_rps_connections", r.maxInFlight(), "connections"),
        new Figure(l + "max_rps_errors", r.errorCount(), "requests"),
        new Figure(l + "max_rps_service_p50_ms", r.service().p50(), "ms"));
  }

  /**
   * Where p99 broke {@code limitMs}: {@code <label>.p99_le_<limit>ms_last_rps} (the last rate that
   * kept up) and {@code ..._first_breach_rps}; each only when the sweep found it.
   */
  public static List<Figure> breakingPoint(String label, RateSweep.Sweep sweep, double limitMs) {
    String name = label + ".p99_le_" + rate(limitMs) + "ms_";
    List<Figure> figures = new ArrayList<>();
    sweep.lastKeptUp().ifPresent(r -> figures.add(new Figure(name + "last_rps", r, "req/s")));
    sweep
        .firstBreach()
        .ifPresent(r -> figures.add(new Figure(name + "first_breach_rps", r, "req/s")));
    return figures;
  }

  /** {@code ratio.<what>.p50|p99|p999@rate}: the API's latency over Elasticsearch's. */
  public static List<Figure> latencyRatios(String what, LoadResult api, LoadResult es) {
    String at = "@" + rate(api.targetRate());
    String r = "ratio." + what + ".";
    return List.of(
        new Figure(r + "p50" + at, ratio(api.latency().p50(), es.latency().p50()), "x"),
        new Figure(r + "p99" + at, ratio(api.latency().p99(), es.latency().p99()), "x"),
        new Figure(r + "p999" + at, ratio(api.latency().p999(), es.latency().p999()), "x"));
  }

  /** {@code ratio.<what>.throughput}: the API's saturated rate over Elasticsearch's. */
  public static Figure throughputRatio(String what, LoadResult api, LoadResult es) {
    return new Figure(
        "ratio." + what + ".throughput", ratio(api.achievedRate(), es.achievedRate()), "x");
  }

  static double ratio(double a, double b) {
    return b == 0 ? 0 : a / b;
  }

  static String rate(double rate) {
    return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
  }
}
