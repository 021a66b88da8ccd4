package io.opencdp.jobs.bench;

import io.opencdp.api.es.local.LocalEsNode;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.config.ElasticsearchConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Elasticsearch a benchmark runs against: {@code elasticsearch.url} when set, else a node of
 * its own (free port, {@code elasticsearch.heap_mb}, a fresh home deleted at close) that leaves the
 * user's local node and its data alone.
 */
final class BenchElasticsearch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BenchElasticsearch.class);
  private static final Path SHARED_DISTRIBUTION_ROOT = Path.of("/var/tmp/opencdp/es");

  private final String url;
  private final Optional<LocalEsNode> node;
  private final Optional<Path> home;

  private BenchElasticsearch(String url, Optional<LocalEsNode> node, Optional<Path> home) {
    this.url = url;
    this.node = node;
    this.home = home;
  }

  static BenchElasticsearch start(CdpConfig config) throws IOException {
    Optional<String> external = config.elasticsearch().externalUrl();
    if (external.isPresent()) {
      LOG.info("benchmarking the Elasticsearch at {} (elasticsearch.url)", external.get());
      return new BenchElasticsearch(external.get(), Optional.empty(), Optional.empty());
    }
    ElasticsearchConfig es = config.elasticsearch();
    Path home = Files.createTempDirectory("opencdp-es-bench-");
    LocalEsNode node =
        LocalEsNode.fromConfig(
            new ElasticsearchConfig(
                null, 0, es.heapMb(), home, es.runAsUser(), es.startupTimeoutSeconds()),
            home);
    if (isWritable(SHARED_DISTRIBUTION_ROOT)) {
      node = node.withDistributionRoot(SHARED_DISTRIBUTION_ROOT);
    }
    BenchElasticsearch started = new BenchElasticsearch(null, Optional.of(node), Optional.of(home));
    try {
      return new BenchElasticsearch(node.start().url(), Optional.of(node), Optional.of(home));
    } catch (RuntimeException e) {
      started.close();
      throw e;
    }
  }

  String url() {
    return url;
  }

  /** The process id of the bench node; empty for an external cluster or a stopped node. */
  OptionalLong pid() {
    return node.map(n -> n.status().pid())
        .filter(pid -> pid > 0)
        .map(OptionalLong::of)
        .orElse(OptionalLong.empty());
  }

  /** For the report: which cluster and heap. */
  String describe(CdpConfig config) {
    return node.isPresent()
        ? "a bench Elasticsearch node of its own (heap " + config.elasticsearch().heapMb() + " MiB)"
        : "the Elasticsearch at " + url;
  }

  @Override
  public void close() {
    node.ifPresent(LocalEsNode::stop);
    home.ifPresent(BenchmarkRunner::deleteTree);
  }

  private static boolean isWritable(Path dir) {
    try {
      Files.createDirectories(dir);
      return Files.isWritable(dir);
    } catch (IOException e) {
      return false;
    }
  }
}
