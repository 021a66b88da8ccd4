package io.opencdp.jobs.cli;

import io.opencdp.ingest.spark.SparkSessions;
import io.opencdp.jobs.progress.SparkProgress;
import io.opencdp.resolve.spark.ResolveJob;
import io.opencdp.resolve.spark.ResolveReport;
import io.opencdp.schemas.config.CdpConfig;
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
      "(blocked values, shared identifiers, per-type limits), write identity_map, identity_link_audit and",
      "event_profiles. This first version always rebuilds from every event (as --full)."
    })
final class ResolveCommand implements Callable<Integer> {
  @ParentCommand CdpCli root;

  @Option(names = "--full", description = "Rebuild from every event (currently the only mode).")
  boolean full;

  @Override
  public Integer call() {
    ResolveReport report = run(root.config());
    System.out.printf(
        "resolved %,d events into %,d profiles (%d connected-components rounds) in %.1f s%n",
        report.events(),
        report.profiles(),
        report.componentRounds(),
        report.elapsed().toMillis() / 1000.0);
    return 0;
  }

  static ResolveReport run(CdpConfig config) {
    SparkSession spark = SparkSessions.create("cdp-resolve", config.spark(), config.workDir());
    try (SparkProgress progress = new SparkProgress(spark, "resolve")) {
      return new ResolveJob(spark, config).run();
    } finally {
      spark.stop();
    }
  }
}
