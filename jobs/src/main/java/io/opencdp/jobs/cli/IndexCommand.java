package io.opencdp.jobs.cli;

import io.opencdp.ingest.spark.SparkSessions;
import io.opencdp.jobs.index.IndexJob;
import io.opencdp.jobs.index.IndexMode;
import io.opencdp.jobs.index.IndexReport;
import io.opencdp.jobs.progress.SparkProgress;
import io.opencdp.schemas.config.CdpConfig;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
      "Copy golden profiles, identity graphs and events from Delta into Elasticsearch (the profile store the",
      "API reads; docs/profile-store.md). By default only what changed since the last run is written:",
      "changed profiles are rewritten, merged-away ones deleted, events follow their profile. --full builds",
      "new profile and identity indices and moves the aliases to them atomically (readers never see an empty",
      "index). Ends with Elasticsearch's counts checked against Delta's; a mismatch is an error.",
      "Elasticsearch: elasticsearch.url / CDP_ES_URL or the local node (`cdp es start`); settings: index.*."
    })
final class IndexCommand implements Callable<Integer> {
  @ParentCommand CdpCli root;

  @Option(
      names = "--full",
      description =
          "Rebuild the profile and identity indices and rewrite every event, instead of only what"
              + " changed.")
  boolean full;

  @Override
  public Integer call() {
    IndexReport report = run(root.config(), full ? IndexMode.FULL : IndexMode.INCREMENTAL);
    System.out.println(summary(report));
    return 0;
  }

  static IndexReport run(CdpConfig config, IndexMode mode) {
    String esUrl = ServeCommand.esUrl(config);
    SparkSession spark = SparkSessions.create("cdp-index", config.spark(), config.workDir());
    try (SparkProgress progress = new SparkProgress(spark, "index")) {
      return new IndexJob(spark, config, esUrl).progress(System.out::println).run(mode);
    } finally {
      spark.stop();
    }
  }

  static String summary(IndexReport report) {
    return String.format(
        Locale.ROOT,
        "indexed (%s run): %,d profile documents (%,.0f profiles/s), %,d event documents, %,d deleted;"
            + " Elasticsearch holds %,d profiles and %,d events, as Delta does; %.1f s",
        report.mode().name().toLowerCase(Locale.ROOT),
        report.profilesWritten(),
        report.profilesPerSecond(),
        report.eventsWritten(),
        report.deleted(),
        report.esProfiles(),
        report.esEvents(),
        report.elapsed().toMillis() / 1000.0);
  }
}
