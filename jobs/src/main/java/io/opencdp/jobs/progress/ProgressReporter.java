package io.opencdp.jobs.progress;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints progress of a long job to stderr, at most every two seconds and once at the end:
 * done/total, percent, rate and an estimate of the time left. Operators watch this; logs keep the
 * summary.
 */
public final class ProgressReporter {
  private static final long INTERVAL_NANOS = 2_000_000_000L;

  private final String task;
  private final String unit;
  private final PrintStream out;
  private final long startNanos = System.nanoTime();
  private long lastPrintNanos;

  public ProgressReporter(String task, String unit) {
    this(task, unit, System.err);
  }

  ProgressReporter(String task, String unit, PrintStream out) {
    this.task = task;
    this.unit = unit;
    this.out = out;
  }

  /** Reports that {@code done} of {@code total} units are done; prints when due. */
  public synchronized void update(long done, long total) {
    long now = System.nanoTime();
    boolean finished = done >= total;
    if (!finished && now - lastPrintNanos < INTERVAL_NANOS) {
      return;
    }
    lastPrintNanos = now;
    out.println(line(done, total, now - startNanos));
  }

  String line(long done, long total, long elapsedNanos) {
    double seconds = Math.max(elapsedNanos / 1e9, 1e-9);
    double rate = done / seconds;
    double percent = total == 0 ? 100.0 : 100.0 * done / total;
    String eta =
        rate > 0 && done < total
            ? String.format(Locale.ROOT, ", ~%.0f s left", (total - done) / rate)
            : "";
    return String.format(
        Locale.ROOT,
        "%s: %5.1f%% (%,d/%,d %s) %,.0f %s/s, %.1f s elapsed%s",
        task,
        percent,
        done,
        total,
        unit,
        rate,
        unit,
        seconds,
        eta);
  }
}
