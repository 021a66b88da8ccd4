package io.opencdp.jobs.cli;

import io.opencdp.api.es.local.LocalEsNode;
import io.opencdp.api.es.local.LocalEsNode.EsNodeStatus;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.config.ElasticsearchConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "es",
    mixinStandardHelpOptions = true,
    description = {
      "Run the single local Elasticsearch node the platform uses by default (127.0.0.1, security off).",
      "Set elasticsearch.url in cdp.yaml or CDP_ES_URL to use an existing cluster instead."
    })
final class EsCommand {
  @ParentCommand CdpCli root;

  @Command(
      name = "start",
      mixinStandardHelpOptions = true,
      description = "Start the node and wait until healthy.")
  int start(
      @Option(
              names = "--port",
              paramLabel = "PORT",
              description = "HTTP port (default: elasticsearch.port; 0 picks a free port).")
          Integer port) {
    CdpConfig config = root.config();
    if (config.elasticsearch().externalUrl().isPresent()) {
      System.out.println(
          "elasticsearch.url is set: using the cluster at "
              + config.elasticsearch().url()
              + "; there is no local node to start");
      return 0;
    }
    EsNodeStatus status = node(config, port).start();
    System.out.println(describe(status));
    return 0;
  }

  @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop the local node.")
  int stop() {
    LocalEsNode node = node(root.config(), null);
    EsNodeStatus before = node.status();
    node.stop();
    System.out.println(
        before.running() ? "stopped the node (pid " + before.pid() + ")" : "no node was running");
    return 0;
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "Say whether the node runs and how healthy it is.")
  int status() {
    EsNodeStatus status = node(root.config(), null).status();
    System.out.println(describe(status));
    return status.running() ? 0 : 1;
  }

  static LocalEsNode node(CdpConfig config, Integer port) {
    ElasticsearchConfig es =
        port == null ? config.elasticsearch() : config.elasticsearch().withPort(port);
    return LocalEsNode.fromConfig(es, config.workDir());
  }

  private static String describe(EsNodeStatus status) {
    if (!status.running()) {
      return "not running (home " + status.home() + ")";
    }
    return "running: "
        + status.url()
        + " pid "
        + status.pid()
        + ", cluster health "
        + status.health()
        + ", home "
        + status.home()
        + "\n  try: curl "
        + status.url()
        + "/_cluster/health";
  }
}
