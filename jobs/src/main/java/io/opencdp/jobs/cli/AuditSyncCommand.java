package io.opencdp.jobs.cli;

import io.opencdp.ingest.spark.SparkSessions;
import io.opencdp.jobs.privacy.AuditSync;
import io.opencdp.jobs.privacy.AuditTable;
import io.opencdp.schemas.config.CdpConfig;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "audit-sync",
    mixinStandardHelpOptions = true,
    description = {
      "Copy the audit entries the API wrote to Elasticsearch (cdp-<ws>-audit) into the append-only Delta",
      "table audit_log; entries already there are not copied again. `cdp resolve` does this first too."
    })
final class AuditSyncCommand implements Callable<Integer> {
  @ParentCommand PrivacyCommand privacy;

  @Override
  public Integer call() {
    CdpConfig config = privacy.root.config();
    SparkSession spark =
        SparkSessions.create("cdp-privacy-audit-sync", config.spark(), config.workDir());
    try {
      AuditSync.Result result = new AuditSync(config, ServeCommand.esUrl(config)).run(spark);
      System.out.printf(
          "copied %,d audit entries from %s to %s (%,d new)%n",
          result.copied(), result.index(), AuditTable.NAME, result.appended());
      return 0;
    } finally {
      spark.stop();
    }
  }
}
