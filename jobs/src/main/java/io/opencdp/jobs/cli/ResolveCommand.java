package io.opencdp.jobs.cli;

import io.opencdp.ingest.spark.SparkSessions;
import io.opencdp.jobs.privacy.AuditSync;
import io.opencdp.jobs.privacy.ErasureQueueDrain;
import io.opencdp.jobs.privacy.QueuedErasures;
import io.opencdp.jobs.progress.SparkProgress;
import io.opencdp.resolve.spark.ResolveJob;
import io.opencdp.resolve.spark.ResolveMode;
import io.opencdp.resolve.spark.ResolveReport;
import io.opencdp.resolve.spark.profile.ProfileBuilder;
import io.opencdp.resolve.spark.profile.ProfileReport;
import io.opencdp.schemas.config.CdpConfig;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "resolve",
    mixinStandardHelpOptions = true,
    description = {
      "Resolve identities over the events table: link identifiers that share an event, apply the guardrails",
      "(blocked values, shared identifiers, per-type limits) and the operators' overrides (`cdp identity`, and",
      "those recorded through the API, which each run first copies from the Elasticsearch queue), and",
      "write identity_map, event_profiles, identity_link_audit, profile_merges and profile_ids, rewriting only",
      "the rows that changed. A person keeps its profile id while its identifiers do; a merged-away id becomes an",
      "alias in profile_merges. By default only the events written since the last run are read (incremental);",
      "--full reads them all again. Both give the same tables. Then golden profiles are built into the",
      "profiles table (survivorship with provenance, contact points, traits, consent)."
    })
final class ResolveCommand implements Callable<Integer> {
  @ParentCommand CdpCli root;

  @Option(
      names = "--full",
      description =
          "Read every event again instead of only the new ones (after a config change, to check the"
              + " state); previous profile ids are kept.")
  boolean full;

  @Override
  public Integer call() {
    ResolveReport report = run(root.config(), full ? ResolveMode.FULL : ResolveMode.INCREMENTAL);
    System.out.printf(
        "resolved %,d events into %,d profiles (%s run, %,d changed events; %,d new ids, %,d merged,"
            + " %,d retired; %d connected-components rounds) in %.1f s%n",
        report.events(),
        report.profiles(),
        report.mode().name().toLowerCase(Locale.ROOT),
        report.changedEvents(),
        report.created(),
        report.merged(),
        report.retired(),
        report.componentRounds(),
        report.elapsed().toMillis() / 1000.0);
    return 0;
  }

  static ResolveReport run(CdpConfig config) {
    return run(config, ResolveMode.INCREMENTAL);
  }

  static ResolveReport run(CdpConfig config, ResolveMode mode) {
    SparkSession spark = SparkSessions.create("cdp-resolve", config.spark(), config.workDir());
    try (SparkProgress progress = new SparkProgress(spark, "resolve")) {
      // cheap when nothing waits (no Spark action); keeps audit_log current without a cron entry
      new AuditSync(config, ServeCommand.esUrl(config)).runIfReachable(spark);
      // erasure requests queued through the API are carried out before anything is resolved
      ErasureQueueDrain.Result erased =
          new QueuedErasures(spark, config, ServeCommand.esUrl(config), Clock.systemUTC()).run();
      if (erased.carriedOut() + erased.failed() > 0) {
        System.out.printf(
            "carried out %d erasure request(s) queued through the API (%d failed, left queued)%n",
            erased.carriedOut(), erased.failed());
      }
      return run(spark, config, mode, OverrideQueueSync.of(config));
    } finally {
      spark.stop();
    }
  }

  /**
   * One run in {@code spark}: the overrides recorded through the API first ({@code queue}), then
   * identity resolution and the golden profiles.
   */
  static ResolveReport run(
      SparkSession spark, CdpConfig config, ResolveMode mode, OverrideQueueSync queue) {
    String runId = ResolveJob.newRunId();
    OverrideQueueSync.Result queued = queue.run(spark, runId);
    if (queued.applied() > 0) {
      System.out.printf(
          "applied %d identity override(s) recorded through the API%n", queued.applied());
    }
    ResolveReport report = new ResolveJob(spark, config).run(mode, runId);
    ProfileReport profiles = new ProfileBuilder(spark, config).run();
    System.out.printf(
        "built %,d golden profiles (traits as of %s) in %.1f s%n",
        profiles.profiles(), profiles.asOf(), profiles.elapsed().toMillis() / 1000.0);
    return report;
  }
}
