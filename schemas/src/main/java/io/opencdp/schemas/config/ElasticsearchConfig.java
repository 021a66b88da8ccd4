package io.opencdp.schemas.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the profile store lives. With no {@code url} (and no {@code CDP_ES_URL} in the environment)
 * the platform uses the single local node it starts itself ({@code cdp es start}).
 *
 * @param url an existing cluster, e.g. {@code http://es.internal:9200}; null means the local node
 * @param port HTTP port of the local node on 127.0.0.1; 0 picks a free port
 * @param heapMb the local node's pinned heap in MiB
 * @param home where the distribution is unpacked and the node keeps data and logs; null means
 *     {@code /var/tmp/opencdp/es} when running as root (the unprivileged node user cannot read
 *     root's home) and {@code <work_dir>/es} otherwise
 * @param runAsUser the unprivileged system user the node runs as when the launcher runs as root
 * @param startupTimeoutSeconds how long to wait for the node to become healthy
 */
public record ElasticsearchConfig(
    String url, int port, int heapMb, Path home, String runAsUser, int startupTimeoutSeconds) {

  public ElasticsearchConfig {
    if (url != null && !(url.startsWith("http://") || url.startsWith("https://"))) {
      throw new IllegalArgumentException(
          "elasticsearch.url must start with http:// or https://, got '" + url + "'");
    }
    ConfigChecks.range("elasticsearch.port", port, 0, 65535);
    ConfigChecks.range("elasticsearch.heap_mb", heapMb, 256, 31 * 1024);
    ConfigChecks.identifier("elasticsearch.run_as_user", runAsUser);
    ConfigChecks.range("elasticsearch.startup_timeout_seconds", startupTimeoutSeconds, 5, 3600);
  }

  /** The external cluster, if one is configured. */
  public Optional<String> externalUrl() {
    return Optional.ofNullable(url);
  }

  public ElasticsearchConfig withPort(int newPort) {
    return new ElasticsearchConfig(url, newPort, heapMb, home, runAsUser, startupTimeoutSeconds);
  }

  public ElasticsearchConfig withHome(Path newHome) {
    return new ElasticsearchConfig(url, port, heapMb, newHome, runAsUser, startupTimeoutSeconds);
  }
}
