package io.opencdp.ingest.testing;

import io.opencdp.ingest.spark.SparkSessions;
import io.opencdp.schemas.config.SparkConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * One {@code local[2]} SparkSession with Delta for the whole test JVM, built the way the jobs build
 * theirs and stopped at JVM exit. Starting Spark costs seconds; every Spark test shares this one.
 */
public final class SharedSpark {
  private static SparkSession session;
  private static Path scratch;

  private SharedSpark() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      try {
        scratch = Files.createTempDirectory("cdp-spark-test");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      session = SparkSessions.create("cdp-tests", new SparkConfig("local[2]", 2), scratch);
      session.sparkContext().setLogLevel("WARN");
      Runtime.getRuntime().addShutdownHook(new Thread(SharedSpark::stop, "stop-shared-spark"));
    }
    return session;
  }

  /** A fresh directory for one test's tables, under the shared session's scratch directory. */
  public static Path newTableDir(String prefix) {
    session();
    try {
      return Files.createTempDirectory(scratch, prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static synchronized void stop() {
    if (session != null) {
      session.stop();
      session = null;
    }
  }
}
