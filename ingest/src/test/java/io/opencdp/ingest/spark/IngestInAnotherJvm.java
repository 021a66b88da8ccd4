package io.opencdp.ingest.spark;

import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.config.SparkConfig;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * Runs one ingest in a JVM of its own, so a test can kill it ({@code kill -9}) at a chosen point:
 * {@code main(landingRoot, workDir)} ingests with the test config and its own {@code local[2]}
 * SparkSession; {@link #start} launches it with this JVM's java, class path, Spark flags and {@code
 * spark.sql.*} system properties.
 */
public final class IngestInAnotherJvm {
  private IngestInAnotherJvm() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: IngestInAnotherJvm <landing_root> <work_dir>");
      System.exit(2);
    }
    Path workDir = Path.of(args[1]);
    CdpConfig config = SampleData.config(Path.of(args[0]), workDir);
    SparkSession spark =
        SparkSessions.create(
            "cdp-ingest-child", new SparkConfig("local[2]", 2), workDir.resolve("spark-scratch"));
    spark.sparkContext().setLogLevel("WARN");
    IngestReport report = new IngestJob(spark, config).run(Optional.empty());
    System.out.println(report.table());
    spark.stop();
  }

  /** Starts the ingest of {@code landing} into {@code workDir}; its output goes to {@code log}. */
  static Process start(Path landing, Path workDir, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1500m");
    List<String> jvmArgs = ManagementFactory.getRuntimeMXBean().getInputArguments();
    for (int i = 0; i < jvmArgs.size(); i++) {
      String arg = jvmArgs.get(i);
      if (arg.startsWith("--add-opens") || arg.startsWith("--add-exports")) {
        command.add(arg);
        if (!arg.contains("=") && i + 1 < jvmArgs.size()) {
          command.add(jvmArgs.get(++i));
        }
      } else if (arg.startsWith("-Djdk.reflect.")
          || arg.startsWith("-Dio.netty.")
          // the child runs with the tests' Spark settings (interpreted evaluation, root pom)
          || arg.startsWith("-Dspark.sql.")) {
        command.add(arg);
      }
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(IngestInAnotherJvm.class.getName());
    command.add(landing.toAbsolutePath().toString());
    command.add(workDir.toAbsolutePath().toString());
    Files.createDirectories(workDir);
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .directory(new File(System.getProperty("user.dir")))
        .start();
  }
}
