package io.opencdp.jobs.cli;

import io.opencdp.ingest.spark.SparkSessions;
import io.opencdp.jobs.progress.SparkProgress;
import io.opencdp.jobs.segment.RefreshReport;
import io.opencdp.jobs.segment.SegmentRefreshJob;
import io.opencdp.schemas.config.CdpConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "segments",
    mixinStandardHelpOptions = true,
    description = "Saved segments (docs/segments.md): materialize their membership.",
    subcommands = {SegmentsCommand.Refresh.class})
final class SegmentsCommand {
  @ParentCommand CdpCli root;

  @Command(
      name = "refresh",
      mixinStandardHelpOptions = true,
      description = {
        "Evaluate the saved segments (all, or those named) at one instant with the query the API counts",
        "with, and record who entered and who left them: Delta segment_membership (one row per membership",
        "spell, exited_at null while a member) and segment_refreshes (one row per segment per run), in one",
        "commit; then the profile documents of those who entered or left get their `segments` field.",
        "Without --segment, the open rows of segments deleted since the last run are closed too."
      })
  static final class Refresh implements Callable<Integer> {
    @ParentCommand SegmentsCommand parent;

    @Option(
        names = "--segment",
        paramLabel = "ID",
        description = "Refresh only this segment (repeatable). Default: every saved segment.")
    List<String> segments = new ArrayList<>();

    @Option(
        names = "--dry-run",
        description = "Evaluate and print who would enter and leave; write nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
      CdpConfig config = parent.root.config();
      RefreshReport report =
          refresh(config, ServeCommand.esUrl(config), segments, dryRun, System.out::println);
      System.out.print(summary(report));
      return 0;
    }
  }

  /** Refreshes {@code segments} (every saved one when empty) in a Spark session of its own. */
  static RefreshReport refresh(
      CdpConfig config,
      String esUrl,
      List<String> segments,
      boolean dryRun,
      Consumer<String> progressLines) {
    SparkSession spark =
        SparkSessions.create("cdp-segments-refresh", config.spark(), config.workDir());
    try (SparkProgress progress = new SparkProgress(spark, "segments refresh")) {
      return new SegmentRefreshJob(spark, config, esUrl, Clock.systemUTC())
          .progress(progressLines)
          .run(segments, dryRun);
    } finally {
      spark.stop();
    }
  }

  static String summary(RefreshReport report) {
    // the id column as wide as the longest id, so the counts line up
    int idWidth = report.segments().stream().mapToInt(s -> s.segmentId().length()).max().orElse(0);
    String id = "%-" + Math.max(idWidth, 20) + "s %-30s ";
    String header = id + "%12s %10s %10s%n";
    String row = id + "%,12d %,10d %,10d%n";
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(Locale.ROOT, header, "segment", "name", "members", "entered", "exited"));
    for (RefreshReport.Segment s : report.segments()) {
      out.append(
          String.format(
              Locale.ROOT,
              row,
              s.segmentId(),
              s.deleted() ? "(deleted)" : abbreviate(s.name()),
              s.members(),
              s.entered(),
              s.exited()));
    }
    out.append(
        String.format(
            Locale.ROOT,
            row,
            "total",
            report.segments().size() + " segment(s)",
            report.members(),
            report.entered(),
            report.exited()));
    if (report.dryRun()) {
      out.append(
          String.format(
              Locale.ROOT,
              "dry run %s evaluated at %s: nothing written%n",
              report.runId(),
              report.evaluatedAt()));
    } else {
      out.append(
          String.format(
              Locale.ROOT,
              "run %s evaluated at %s: segment_membership and segment_refreshes written,"
                  + " %,d profile documents updated (%,d without a document); %.1f s%n",
              report.runId(),
              report.evaluatedAt(),
              report.documentsUpdated(),
              report.documentsMissing(),
              report.elapsed().toMillis() / 1000.0));
    }
    return out.toString();
  }

  private static String abbreviate(String name) {
    if (name == null) {
      return "";
    }
    return name.length() <= 30 ? name : name.substring(0, 29) + "…";
  }
}
