package io.opencdp.jobs.bench;

import io.opencdp.ingest.generator.DataGenerator;
import io.opencdp.ingest.generator.GeneratorReport;
import io.opencdp.jobs.progress.ProgressReporter;
import io.opencdp.schemas.config.CdpConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The data generator's throughput and memory. Baseline: a plain copy of the bytes it wrote (read
 * and write with {@link Files#copy}), so the ratio says how far generation is from the disk's own
 * speed.
 */
final class GeneratorBenchmark implements Benchmark {
  @Override
  public String name() {
    return "generator";
  }

  @Override
  public Result run(CdpConfig config, long scale, long seed, Path scratch) throws Exception {
    Path out = scratch.resolve("generated");
    ProgressReporter progress = new ProgressReporter("bench generator", "persons");
    GeneratorReport report =
        new DataGenerator(config.generator()).generate((int) scale, seed, out, progress::update);
    double seconds = report.elapsed().toNanos() / 1e9;
    double peakRss = MachineInfo.peakRssMib();
    long bytes = sizeOf(out);

    long copyStart = System.nanoTime();
    copyTree(out, scratch.resolve("copy"));
    double copySeconds = (System.nanoTime() - copyStart) / 1e9;

    List<Figure> figures = new ArrayList<>();
    figures.add(new Figure("persons", report.persons(), "persons"));
    figures.add(new Figure("raw_records", report.rawRecords(), "records"));
    figures.add(new Figure("bytes_written", bytes, "bytes"));
    figures.add(new Figure("wall_time", seconds, "s"));
    figures.add(new Figure("records_per_s", report.rawRecords() / seconds, "records/s"));
    figures.add(new Figure("mib_per_s", bytes / 1048576.0 / seconds, "MiB/s"));
    figures.add(new Figure("peak_rss", peakRss, "MiB"));
    figures.add(new Figure("baseline_copy_time", copySeconds, "s"));
    figures.add(new Figure("ratio_to_plain_copy", seconds / copySeconds, "x"));
    return new Result(
        figures,
        List.of(
            "peak_rss is the whole benchmark JVM (VmHWM), heap limit "
                + Runtime.getRuntime().maxMemory() / 1048576
                + " MiB",
            "baseline: Files.copy of every generated file into a sibling directory"));
  }

  private static long sizeOf(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }
}
