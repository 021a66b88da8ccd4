package io.opencdp.ingest.spark;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The outcome of one ingest run: counts per source, in config order. */
public record IngestReport(String runId, List<SourceCounts> sources, Duration elapsed) {
  public IngestReport {
    sources = List.copyOf(sources);
  }

  public SourceCounts total() {
    return sources.stream()
        .reduce(new SourceCounts("total", "", 0, 0, 0, 0, 0, 0), SourceCounts::plus);
  }

  /** The per-source table printed at the end of a run. */
  public String table() {
    StringBuilder out = new StringBuilder();
    String format = "%-12s %-12s %6s %8s %10s %10s %10s %12s %10s%n";
    out.append(
        String.format(
            Locale.ROOT,
            format,
            "source",
            "channel",
            "files",
            "skipped",
            "read",
            "written",
            "duplicate",
            "dead_letter",
            "suppressed"));
    for (SourceCounts c : sources) {
      out.append(row(format, c));
    }
    out.append(row(format, total()));
    return out.toString();
  }

  private static String row(String format, SourceCounts c) {
    return String.format(
        Locale.ROOT,
        format,
        c.source(),
        c.channel(),
        c.files(),
        c.skippedFiles(),
        String.format(Locale.ROOT, "%,d", c.recordsRead()),
        String.format(Locale.ROOT, "%,d", c.eventsWritten()),
        String.format(Locale.ROOT, "%,d", c.duplicates()),
        String.format(Locale.ROOT, "%,d", c.deadLettered()),
        String.format(Locale.ROOT, "%,d", c.suppressed()));
  }
}
