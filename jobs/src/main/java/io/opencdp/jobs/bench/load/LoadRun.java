package io.opencdp.jobs.bench.load;

import io.opencdp.schemas.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link LoadSpec} in a child JVM ({@link LoadGenerator}) with this JVM's {@code java} and
 * class path and a small heap, waits for it and reads its result.
 */
public final class LoadRun {
  private static final Logger LOG = LoggerFactory.getLogger(LoadRun.class);
  static final List<String> CHILD_JVM_OPTIONS = List.of("-Xms256m", "-Xmx256m", "-XX:+UseSerialGC");
  private static final long GRACE_SECONDS = 60;

  private final Path dir;

  /** Keeps the specs, results and child logs of its runs in {@code dir}. */
  public LoadRun(Path dir) {
    this.dir = dir;
  }

  /** Writes {@code lines} as a requests file in this run's directory, for specs to name. */
  public Path writeRequests(String name, List<RequestLine> lines) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve(name + ".requests.jsonl");
    EncodedRequests.write(file, lines);
    return file;
  }

  /** Runs {@code spec} in its own process and returns what it measured. */
  public LoadResult run(LoadSpec spec) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    String name =
        spec.label()
            + (spec.mode() == LoadSpec.Mode.OPEN ? "-" + Math.round(spec.rate()) : "-saturated");
    Path specFile = dir.resolve(name + ".spec.json");
    Path resultFile = dir.resolve(name + ".result.json");
    Path logFile = dir.resolve(name + ".log");
    Files.deleteIfExists(resultFile);
    Json.mapper().writeValue(specFile.toFile(), spec);
    List<String> command = command(specFile, resultFile);
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(logFile.toFile())
            .start();
    long limit = (long) Math.ceil(spec.warmupSeconds() + spec.durationSeconds()) + GRACE_SECONDS;
    if (!process.waitFor(limit, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new IOException(
          "the load generator for "
              + name
              + " did not finish within "
              + limit
              + " s; log: "
              + logFile);
    }
    if (process.exitValue() != 0 || !Files.exists(resultFile)) {
      throw new IOException(
          "the load generator for "
              + name
              + " failed (exit "
              + process.exitValue()
              + "):\n"
              + Files.readString(logFile, StandardCharsets.UTF_8));
    }
    LoadResult result = Json.mapper().readValue(resultFile.toFile(), LoadResult.class);
    LOG.info(
        "{} {}: p50 {} ms, p99 {} ms, p99.9 {} ms, {} req/s answered, {} errors",
        spec.label(),
        spec.mode() == LoadSpec.Mode.OPEN
            ? "at " + Math.round(spec.rate()) + " req/s"
            : "saturated",
        result.latency().p50(),
        result.latency().p99(),
        result.latency().p999(),
        Math.round(result.achievedRate()),
        result.errorCount());
    return result;
  }

  /** The child's command line: this JVM's java and class path, the generator's main class. */
  static List<String> command(Path specFile, Path resultFile) {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(CHILD_JVM_OPTIONS);
    String log4j = System.getProperty("log4j.configurationFile");
    if (log4j != null) {
      command.add("-Dlog4j.configurationFile=" + log4j);
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(LoadGenerator.class.getName());
    command.add(specFile.toString());
    command.add(resultFile.toString());
    return command;
  }
}
