package io.opencdp.jobs.cli;

import io.opencdp.ingest.collector.Collector;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "collect",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the Segment-compatible collector (POST /v1/track, identify, page, screen, alias, group, batch):",
      "accepted messages are appended durably to the web/app landing directories for `cdp ingest`.",
      "Write keys come from collector.write_keys in cdp.yaml. Runs until interrupted (Ctrl-C)."
    })
final class CollectCommand implements Callable<Integer> {
  @ParentCommand CdpCli root;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "HTTP port (default: collector.port).")
  Integer port;

  @Override
  public Integer call() throws Exception {
    Collector collector = Collector.create(root.config());
    if (port != null) {
      collector.start(port);
    } else {
      collector.start();
    }
    System.out.println("collector listening on port " + collector.port() + "; Ctrl-C stops it");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  collector.stop();
                  stopped.countDown();
                },
                "stop-collector"));
    stopped.await();
    return 0;
  }
}
