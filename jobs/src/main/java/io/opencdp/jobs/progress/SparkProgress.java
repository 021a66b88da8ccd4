package io.opencdp.jobs.progress;

import java.io.PrintStream;
import java.util.Locale;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.SparkStatusTracker;
import org.apache.spark.sql.SparkSession;

/**
 * Shows what a Spark job is doing while it runs: every two seconds, the running stages with their
 * finished and total tasks. Spark's own console progress bar is off in local runs; this prints
 * plain lines an operator's log keeps.
 */
public final class SparkProgress implements AutoCloseable {
  private final Thread thread;
  private volatile boolean running = true;

  public SparkProgress(SparkSession spark, String task) {
    this(spark, task, System.err);
  }

  SparkProgress(SparkSession spark, String task, PrintStream out) {
    SparkStatusTracker tracker = spark.sparkContext().statusTracker();
    long start = System.nanoTime();
    thread =
        new Thread(
            () -> {
              while (running) {
                try {
                  Thread.sleep(2000);
                } catch (InterruptedException e) {
                  return;
                }
                StringBuilder line = new StringBuilder();
                for (int stageId : tracker.getActiveStageIds()) {
                  SparkStageInfo stage = tracker.getStageInfo(stageId).getOrElse(() -> null);
                  if (stage != null) {
                    line.append(
                        String.format(
                            Locale.ROOT,
                            " [stage %d: %d/%d tasks]",
                            stageId,
                            stage.numCompletedTasks(),
                            stage.numTasks()));
                  }
                }
                if (running && !line.isEmpty()) {
                  out.printf(
                      Locale.ROOT, "%s: %.0f s%s%n", task, (System.nanoTime() - start) / 1e9, line);
                }
              }
            },
            "spark-progress");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
