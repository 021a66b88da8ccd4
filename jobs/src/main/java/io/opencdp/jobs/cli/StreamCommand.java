package io.opencdp.jobs.cli;

import io.opencdp.jobs.stream.StreamJob;
import io.opencdp.jobs.stream.StreamReport;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "stream",
    mixinStandardHelpOptions = true,
    description = {
      "The streaming path on Flink (docs/streaming.md): new landing files are parsed by the batch's",
      "connectors, linked by the batch's guardrails one event at a time, and their profiles and events",
      "written to Elasticsearch within seconds. Runs on a local Flink mini-cluster until Ctrl-C (the same",
      "jar runs under `flink run`); resumes from the latest checkpoint under <work_dir>/stream/checkpoints.",
      "Elasticsearch: elasticsearch.url / CDP_ES_URL or the local node; settings: stream.*."
    })
final class StreamCommand implements Callable<Integer> {
  @ParentCommand CdpCli root;

  @Option(
      names = "--once",
      description = "Process the files present now and end, instead of monitoring for new ones.")
  boolean once;

  @Override
  public Integer call() throws Exception {
    StreamJob job =
        new StreamJob(root.config(), ServeCommand.esUrl(root.config()))
            .once(once)
            .progress(line -> System.out.println("stream: " + line));
    if (!once) {
      System.out.println(
          "stream: monitoring "
              + root.config().ingest().landingRoot()
              + " every "
              + root.config().stream().monitorIntervalMillis()
              + " ms; Ctrl-C stops (state is kept)");
    }
    StreamReport report = job.run();
    System.out.println(summary(report));
    return 0;
  }

  static String summary(StreamReport report) {
    return String.format(
        Locale.ROOT,
        "streamed: %s; %.1f s",
        report.progressLine(),
        report.elapsed().toMillis() / 1000.0);
  }
}
