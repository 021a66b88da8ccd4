package io.opencdp.api;

import static java.util.Objects.requireNonNull;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.IOException;
import java.util.Optional;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readiness from the Elasticsearch Java client's cluster health call, with connect and socket
 * timeouts of {@code api.es_timeout_millis}. Creating it does not connect, so the API starts while
 * Elasticsearch is down.
 */
final class EsReadiness implements Readiness {
  private static final Logger LOG = LoggerFactory.getLogger(EsReadiness.class);

  private final String url;
  private final RestClientTransport transport;
  private final ElasticsearchClient client;

  EsReadiness(String url, int timeoutMillis) {
    this.url = requireNonNull(url, "url is null");
    RestClient rest =
        RestClient.builder(HttpHost.create(url))
            .setRequestConfigCallback(
                config ->
                    config
                        .setConnectTimeout(timeoutMillis)
                        .setSocketTimeout(timeoutMillis)
                        .setConnectionRequestTimeout(timeoutMillis))
            .build();
    this.transport = new RestClientTransport(rest, new JacksonJsonpMapper());
    this.client = new ElasticsearchClient(transport);
  }

  @Override
  public Optional<String> clusterStatus() {
    try {
      HealthResponse health = client.cluster().health();
      return Optional.of(health.status().jsonValue());
    } catch (IOException | ElasticsearchException e) {
      LOG.debug("Elasticsearch at {} does not answer: {}", url, e.toString());
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    try {
      transport.close();
    } catch (IOException e) {
      LOG.warn("closing the Elasticsearch client of {} failed: {}", url, e.toString());
    }
  }
}
