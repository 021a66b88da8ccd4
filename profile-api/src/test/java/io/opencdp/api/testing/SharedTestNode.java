package io.opencdp.api.testing;

import io.opencdp.api.es.local.LocalEsNode;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.config.ElasticsearchConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Elasticsearch node of a test JVM: started on first use on a free port with a fresh
 * temporary home (so fresh data), sharing the unpacked distribution under {@code
 * /var/tmp/opencdp/es}; stopped and deleted when the test plan ends or, failing that, at JVM exit.
 */
final class SharedTestNode implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SharedTestNode.class);
  static final String ENV_URL = "CDP_ES_URL";
  private static final int HEAP_MB = 512;
  private static final int STARTUP_TIMEOUT_SECONDS = 300;
  private static final Path SHARED_DISTRIBUTION_ROOT = Path.of("/var/tmp/opencdp/es");

  private static SharedTestNode instance;
  private static RuntimeException startFailure;

  private final LocalEsNode node;
  private final Path home;
  private final EsTestCluster cluster;
  private final Thread shutdownHook;
  private boolean closed;

  private SharedTestNode(LocalEsNode node, Path home) {
    this.node = node;
    this.home = home;
    this.shutdownHook = new Thread(this::close, "cdp-es-test-node-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    try {
      this.cluster = new EsTestCluster(node.start().url());
      refreshOftenInTests(cluster);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * An index template making every index the tests create refresh every 100 ms instead of every
   * second: writes with {@code refresh=wait_for} (the API's stores) then wait a tenth as long. Only
   * timing changes; an index that sets its own interval (the indexer's load) keeps it.
   */
  private static void refreshOftenInTests(EsTestCluster cluster) {
    String template =
        "{\"index_patterns\": [\"*\"], \"priority\": 0,"
            + " \"template\": {\"settings\": {\"index.refresh_interval\": \"100ms\"}}}";
    try {
      HttpResponse<String> answer =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(cluster.uri("/_index_template/cdp-tests-refresh-often"))
                      .header("Content-Type", "application/json")
                      .PUT(HttpRequest.BodyPublishers.ofString(template))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new IllegalStateException("index template refused: " + answer.body());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The external cluster from {@code CDP_ES_URL}, else the shared node (started if needed). */
  static synchronized EsTestCluster cluster() {
    String external = System.getenv(ENV_URL);
    if (external != null && !external.isBlank()) {
      return new EsTestCluster(external.strip());
    }
    if (startFailure != null) {
      throw new IllegalStateException(
          "the shared test Elasticsearch node failed to start earlier in this JVM", startFailure);
    }
    if (instance == null) {
      try {
        instance = start();
      } catch (RuntimeException e) {
        startFailure = e;
        throw e;
      }
    }
    return instance.cluster;
  }

  /** Stops the shared node if one runs; the next {@link #cluster()} starts a new one. */
  static synchronized void stopShared() {
    if (instance != null) {
      instance.close();
      instance = null;
    }
  }

  private static SharedTestNode start() {
    String runAsUser = CdpConfig.defaults().elasticsearch().runAsUser();
    Path home;
    try {
      home = Files.createTempDirectory("opencdp-es-test-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ElasticsearchConfig config =
        new ElasticsearchConfig(null, 0, HEAP_MB, home, runAsUser, STARTUP_TIMEOUT_SECONDS);
    LOG.info("Starting the shared test Elasticsearch node in {}", home);
    LocalEsNode node =
        LocalEsNode.fromConfig(config, home).withDistributionRoot(distributionRoot());
    return new SharedTestNode(node, home);
  }

  /**
   * Where test nodes share the unpacked distribution: {@code /var/tmp/opencdp/es} when this user
   * may write there, else a per-user directory under {@code java.io.tmpdir}.
   */
  static Path distributionRoot() {
    try {
      Files.createDirectories(SHARED_DISTRIBUTION_ROOT);
      if (Files.isWritable(SHARED_DISTRIBUTION_ROOT)) {
        return SHARED_DISTRIBUTION_ROOT;
      }
    } catch (IOException e) {
      // not ours to create: fall through to a per-user directory
    }
    return Path.of(System.getProperty("java.io.tmpdir"))
        .resolve("opencdp-es-" + System.getProperty("user.name"));
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // already shutting down: this is the hook
    }
    node.stop();
    deleteRecursively(home);
  }

  private static void deleteRecursively(Path root) {
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
              Files.delete(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      LOG.warn("Cannot delete the test node home {}: {}", root, e.toString());
    }
  }
}
