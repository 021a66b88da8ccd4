package io.opencdp.jobs.bench;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/** What a benchmark run writes to its results file: what ran, where, and every figure. */
public record BenchReport(
    String benchmark,
    String scale,
    long seed,
    String command,
    Instant startedAt,
    MachineInfo machine,
    List<Figure> figures,
    List<String> notes) {

  public BenchReport {
    requireNonNull(benchmark, "benchmark is null");
    requireNonNull(scale, "scale is null");
    requireNonNull(command, "command is null");
    requireNonNull(startedAt, "started_at is null");
    requireNonNull(machine, "machine is null");
    figures = List.copyOf(figures);
    notes = List.copyOf(notes);
  }
}
