package io.opencdp.jobs.cli;

import io.opencdp.ingest.spark.SparkSessions;
import io.opencdp.jobs.privacy.RetentionJob;
import io.opencdp.schemas.config.CdpConfig;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "retention",
    mixinStandardHelpOptions = true,
    description = {
      "Remove the events older than privacy.retention.events_max_age_days from Delta (events, resolve_events)",
      "and Elasticsearch (whole monthly events indices, and a delete by query in the cutoff's month); the next",
      "`cdp resolve` and `cdp index` rebuild identity, profiles and traits from the remaining events.",
      "Prints a line per table and index and appends a retention_run entry to the audit log. Schedule it",
      "daily with cron (docs/privacy.md, \"Retention\")."
    })
final class RetentionCommand implements Callable<Integer> {
  @ParentCommand PrivacyCommand privacy;

  @Option(names = "--dry-run", description = "Count what would be removed; change nothing.")
  boolean dryRun;

  @Option(
      names = "--as-of",
      paramLabel = "INSTANT",
      description =
          "Age events as of this ISO-8601 instant (e.g. 2026-01-01T00:00:00Z) instead of now.")
  Instant asOf;

  @Override
  public Integer call() {
    CdpConfig config = privacy.root.config();
    SparkSession spark =
        SparkSessions.create("cdp-privacy-retention", config.spark(), config.workDir());
    try {
      RetentionJob.Report report =
          new RetentionJob(spark, config, ServeCommand.esUrl(config))
              .run(
                  asOf == null ? Instant.now() : asOf,
                  dryRun,
                  "cli:" + System.getProperty("user.name", "unknown"));
      print(report);
      return 0;
    } finally {
      spark.stop();
    }
  }

  static void print(RetentionJob.Report report) {
    if (report.cutoff() == null) {
      System.out.println("privacy.retention.events_max_age_days is not set: events are kept");
      return;
    }
    System.out.printf(
        "%sevents that occurred before %s:%n", report.dryRun() ? "dry run: " : "", report.cutoff());
    report.removals().forEach(r -> System.out.println("  " + r));
    System.out.printf(
        "%,d rows and documents %s%n",
        report.total(), report.dryRun() ? "would be removed" : "removed");
  }
}
