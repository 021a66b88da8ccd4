package io.opencdp.jobs.cli;

import io.opencdp.jobs.bench.BenchmarkRunner;
import io.opencdp.schemas.config.CdpConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Run a benchmark at a fixed scale and seed; print a line per figure and write a JSON results file.",
      "Benchmarks: generator, ingest, resolve, api (profile lookups under open-loop load), index (bulk index throughput),",
      "match (probabilistic matching at a scale in records: pairs scored/s, phases, memory, accuracy),",
      "segments (segment count latency and member export over the profile store; scale in profiles),",
      "stream (collector to API latency at 500/1,000/2,000 events/s; scale = customers the events fall on)."
    })
final class BenchCommand implements Callable<Integer> {
  @ParentCommand CdpCli root;

  @Parameters(index = "0", paramLabel = "NAME", description = "Benchmark name, e.g. generator.")
  String name;

  @Option(
      names = "--scale",
      defaultValue = "100k",
      description =
          "Scale in persons (records for match, profiles for segments), e.g. 10k, 100k, 1M (default"
              + " ${DEFAULT-VALUE}).")
  String scale;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--results",
      paramLabel = "DIR",
      description = "Results directory (default <work_dir>/bench).")
  Path results;

  @Override
  public Integer call() throws Exception {
    CdpConfig config = root.config();
    long count = Counts.parse("--scale", scale);
    String label = Counts.label(count);
    Path resultsDir = results != null ? results : config.workDir().resolve("bench");
    String command = "cdp bench " + name + " --scale " + label + " --seed " + seed;
    BenchmarkRunner.run(config, name, count, label, seed, resultsDir, command);
    return 0;
  }
}
