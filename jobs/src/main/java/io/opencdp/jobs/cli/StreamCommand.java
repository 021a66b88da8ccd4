package io.opencdp.jobs.cli;

import io.opencdp.jobs.stream.StreamJob;
import io.opencdp.jobs.stream.StreamReport;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.config.StreamKafkaConfig;
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
      "Elasticsearch: elasticsearch.url / CDP_ES_URL or the local node; settings: stream.*.",
      "With --kafka the input is a Kafka topic instead (stream.kafka.*); what it reads is also written as",
      "landing files for cdp ingest."
    })
final class StreamCommand implements Callable<Integer> {
  @ParentCommand CdpCli root;

  @Option(
      names = "--once",
      description = "Process the files present now and end, instead of monitoring for new ones.")
  boolean once;

  @Option(
      names = "--kafka",
      paramLabel = "HOST:PORT|local",
      description = {
        "Read the topic of this Kafka cluster (stream.kafka.bootstrap_servers) instead of the landing",
        "files; `local` starts the local broker of `cdp kafka start` when it does not run. With --once,",
        "reads up to the offsets at start and ends."
      })
  String kafka;

  @Option(
      names = "--topic",
      paramLabel = "TOPIC",
      description = "The topic (stream.kafka.topic; default cdp-<workspace>-events).")
  String topic;

  @Override
  public Integer call() throws Exception {
    CdpConfig config = withKafka(root.config(), kafka, topic);
    StreamJob job =
        new StreamJob(config, ServeCommand.esUrl(config))
            .once(once)
            .progress(line -> System.out.println("stream: " + line));
    if (config.stream().kafka().bootstrap().isPresent()) {
      System.out.println(
          "stream: reading topic "
              + config.stream().kafka().topicFor(config.workspace())
              + " of "
              + config.stream().kafka().bootstrapServers()
              + (once ? " up to its offsets now" : "; Ctrl-C stops (state is kept)"));
    } else if (!once) {
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

  /** The config with the command line's Kafka options; {@code local} starts the local broker. */
  static CdpConfig withKafka(CdpConfig config, String kafka, String topic) {
    StreamKafkaConfig settings = config.stream().kafka();
    if (topic != null) {
      settings = settings.withTopic(topic);
    }
    if (kafka != null) {
      String servers =
          kafka.equals("local")
              ? KafkaCommand.broker(config, null).start().bootstrapServers()
              : kafka;
      settings = settings.withBootstrapServers(servers);
    }
    return config.withStream(config.stream().withKafka(settings));
  }

  static String summary(StreamReport report) {
    return String.format(
        Locale.ROOT,
        "streamed: %s; %.1f s",
        report.progressLine(),
        report.elapsed().toMillis() / 1000.0);
  }
}
