package io.opencdp.jobs.cli;

import io.opencdp.api.ApiServer;
import io.opencdp.schemas.config.ApiConfig;
import io.opencdp.schemas.config.CdpConfig;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the profile API: /healthz, /readyz, /metrics, /openapi.json, /v1/profiles, /v1/identity,",
      "/v1/segments.",
      "Keys come from api.keys in cdp.yaml; Elasticsearch from elasticsearch.url / CDP_ES_URL or the",
      "local node (`cdp es start`). Starts even while Elasticsearch is down (/readyz answers 503).",
      "Runs until interrupted (Ctrl-C). Routes, roles and errors: docs/api.md."
    })
final class ServeCommand implements Callable<Integer> {
  @ParentCommand CdpCli root;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "HTTP port (default: api.port; 0 picks a free port).")
  Integer port;

  @Override
  public Integer call() throws Exception {
    CdpConfig config = root.config();
    ApiConfig api = port == null ? config.api() : config.api().withPort(port);
    String esUrl = esUrl(config);
    ApiServer server = ApiServer.create(config, api, esUrl).start();
    System.out.println(
        "profile API listening on "
            + server.url()
            + " (Elasticsearch: "
            + esUrl
            + "); Ctrl-C stops it");
    serveUntilInterrupted(server);
    return 0;
  }

  /** Blocks until the process is interrupted (Ctrl-C, SIGTERM), then stops {@code server}. */
  static void serveUntilInterrupted(ApiServer server) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.stop();
                  stopped.countDown();
                },
                "stop-api"));
    stopped.await();
  }

  /** elasticsearch.url (or CDP_ES_URL) when set, otherwise the local node's URL. */
  static String esUrl(CdpConfig config) {
    return config.elasticsearch().externalUrl().orElseGet(() -> EsCommand.node(config, null).url());
  }
}
