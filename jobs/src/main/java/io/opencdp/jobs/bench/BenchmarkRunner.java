package io.opencdp.jobs.bench;

import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** Runs a named benchmark and writes its results file ({@code <results>/<name>-<scale>.json}). */
public final class BenchmarkRunner {
  private static final Map<String, Benchmark> BENCHMARKS = new LinkedHashMap<>();

  static {
    register(new GeneratorBenchmark());
    register(new IngestBenchmark());
    register(new ResolveBenchmark());
    register(new ApiBenchmark());
    register(new IndexBenchmark());
    register(new MatchBenchmark());
    register(new SegmentsBenchmark());
    register(new StreamBenchmark());
  }

  private BenchmarkRunner() {}

  private static void register(Benchmark benchmark) {
    BENCHMARKS.put(benchmark.name(), benchmark);
  }

  public static Iterable<String> names() {
    return BENCHMARKS.keySet();
  }

  /** Runs the benchmark, prints a line per figure and returns the results file. */
  public static Path run(
      CdpConfig config,
      String name,
      long scale,
      String scaleLabel,
      long seed,
      Path resultsDir,
      String command)
      throws Exception {
    Benchmark benchmark = BENCHMARKS.get(name);
    if (benchmark == null) {
      throw new CdpException(
          ErrorCode.BAD_ARGUMENT,
          "unknown benchmark '" + name + "'; known: " + String.join(", ", names()));
    }
    return run(benchmark, config, scale, scaleLabel, seed, resultsDir, command);
  }

  /**
   * Runs {@code benchmark} (e.g. one a test configured), as {@link #run(CdpConfig, String, long,
   * String, long, Path, String)}.
   */
  static Path run(
      Benchmark benchmark,
      CdpConfig config,
      long scale,
      String scaleLabel,
      long seed,
      Path resultsDir,
      String command)
      throws Exception {
    String name = benchmark.name();
    Instant started = Instant.now();
    Path scratch = config.workDir().resolve("bench-scratch").resolve(name + "-" + scaleLabel);
    deleteTree(scratch);
    Files.createDirectories(scratch);
    Benchmark.Result result;
    try {
      result = benchmark.run(config, scale, seed, scratch);
    } finally {
      deleteTree(scratch);
    }
    BenchReport report =
        new BenchReport(
            name,
            scaleLabel,
            seed,
            command,
            started,
            MachineInfo.current(),
            result.figures(),
            result.notes());
    Files.createDirectories(resultsDir);
    Path file = resultsDir.resolve(name + "-" + scaleLabel + ".json");
    Json.mapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), report);
    for (Figure figure : report.figures()) {
      System.out.printf(
          Locale.ROOT,
          "bench %s scale=%s %s = %,.3f %s%n",
          name,
          scaleLabel,
          figure.name(),
          figure.value(),
          figure.unit());
    }
    System.out.println("results written to " + file.toAbsolutePath().normalize());
    return file;
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
