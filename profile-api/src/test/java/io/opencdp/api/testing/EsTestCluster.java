package io.opencdp.api.testing;

import static java.util.Objects.requireNonNull;

import java.net.URI;

/**
 * The Elasticsearch cluster integration tests talk to: the shared test node, or the cluster named
 * by {@code CDP_ES_URL}. Injected by {@link ElasticsearchExtension}.
 *
 * @param url base URL without a trailing slash, e.g. {@code http://127.0.0.1:41234}
 */
public record EsTestCluster(String url) {
  public EsTestCluster {
    requireNonNull(url, "url is null");
    while (url.endsWith("/")) {
      url = url.substring(0, url.length() - 1);
    }
  }

  /** The URI of {@code path} on this cluster, e.g. {@code uri("/_cluster/health")}. */
  public URI uri(String path) {
    return URI.create(url + (path.startsWith("/") ? path : "/" + path));
  }
}
