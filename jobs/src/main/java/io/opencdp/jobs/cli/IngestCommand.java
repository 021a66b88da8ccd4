package io.opencdp.jobs.cli;

import io.opencdp.ingest.spark.IngestJob;
import io.opencdp.ingest.spark.IngestReport;
import io.opencdp.ingest.spark.SparkSessions;
import io.opencdp.jobs.progress.SparkProgress;
import io.opencdp.schemas.config.CdpConfig;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Ingest new landing files of every configured source (ingest.sources) into Delta: events, dead_letters,",
      "ingest_log. Files already ingested are skipped; a re-run writes nothing twice."
    })
final class IngestCommand implements Callable<Integer> {
  @ParentCommand CdpCli root;

  @Option(
      names = {"--channel", "--source"},
      paramLabel = "SOURCE",
      description = "Only this source (e.g. web, app, pos, email, callcenter, crm).")
  String source;

  @Override
  public Integer call() throws Exception {
    IngestReport report = run(root.config(), Optional.ofNullable(source));
    System.out.print(report.table());
    return 0;
  }

  static IngestReport run(CdpConfig config, Optional<String> source) throws Exception {
    SparkSession spark = SparkSessions.create("cdp-ingest", config.spark(), config.workDir());
    try (SparkProgress progress = new SparkProgress(spark, "ingest")) {
      IngestJob job = new IngestJob(spark, config);
      IngestReport report = job.run(source);
      System.out.printf(
          "ingest run %s finished in %.1f s; tables under %s%n",
          report.runId(), report.elapsed().toMillis() / 1000.0, job.tables().root());
      return report;
    } finally {
      spark.stop();
    }
  }
}
