package io.opencdp.jobs.cli;

import io.opencdp.jobs.kafka.LocalKafkaBroker;
import io.opencdp.schemas.config.CdpConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "kafka",
    mixinStandardHelpOptions = true,
    description = {
      "Run a local single-node Kafka broker (KRaft, 127.0.0.1, data under <work_dir>/kafka) for the demo",
      "and the tests of `cdp stream --kafka local`. `cdp stream --kafka host:port` reads a real cluster."
    })
final class KafkaCommand {
  /** The port of the local broker unless {@code --port} says otherwise. */
  static final int DEFAULT_PORT = 9092;

  @ParentCommand CdpCli root;

  @Command(
      name = "start",
      mixinStandardHelpOptions = true,
      description = "Start the broker and wait until it answers.")
  int start(
      @Option(
              names = "--port",
              paramLabel = "PORT",
              description = "Broker port (default: 9092; 0 picks a free port).")
          Integer port) {
    LocalKafkaBroker.Status status = broker(root.config(), port).start();
    System.out.println(describe(status));
    return 0;
  }

  @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop the broker.")
  int stop() {
    LocalKafkaBroker broker = broker(root.config(), null);
    LocalKafkaBroker.Status before = broker.status();
    broker.stop();
    System.out.println(
        before.running()
            ? "stopped the broker (pid " + before.pid() + ")"
            : "no broker was running");
    return 0;
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "Say whether the broker runs and where.")
  int status() {
    LocalKafkaBroker.Status status = broker(root.config(), null).status();
    System.out.println(describe(status));
    return status.running() ? 0 : 1;
  }

  static LocalKafkaBroker broker(CdpConfig config, Integer port) {
    return new LocalKafkaBroker(
        config.workDir().resolve("kafka"), port == null ? DEFAULT_PORT : port);
  }

  private static String describe(LocalKafkaBroker.Status status) {
    if (!status.running()) {
      return "not running (home " + status.home() + ")";
    }
    return "running: "
        + status.bootstrapServers()
        + " pid "
        + status.pid()
        + ", home "
        + status.home()
        + "\n  try: cdp stream --kafka "
        + status.bootstrapServers();
  }
}
