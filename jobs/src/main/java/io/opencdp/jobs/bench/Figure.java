package io.opencdp.jobs.bench;

import static java.util.Objects.requireNonNull;

/** One measured figure of a benchmark run, e.g. {@code records_per_s = 412000 records/s}. */
public record Figure(String name, double value, String unit) {
  public Figure {
    requireNonNull(name, "name is null");
    requireNonNull(unit, "unit is null");
  }
}
