package io.opencdp.api;

import static java.util.Objects.requireNonNull;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import io.opencdp.api.store.EsConnection;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readiness from the Elasticsearch Java client's cluster health call, with connect and socket
 * timeouts of {@code api.es_timeout_millis}. Creating it does not connect, so the API starts while
 * Elasticsearch is down.
 */
final class EsReadiness implements Readiness {
  private static final Logger LOG = LoggerFactory.getLogger(EsReadiness.class);

  private final EsConnection es;

  EsReadiness(EsConnection es) {
    this.es = requireNonNull(es, "es is null");
  }

  @Override
  public Optional<String> clusterStatus() {
    try {
      HealthResponse health = es.client().cluster().health();
      return Optional.of(health.status().jsonValue());
    } catch (IOException | ElasticsearchException e) {
      LOG.debug("Elasticsearch at {} does not answer: {}", es.url(), e.toString());
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    es.close();
  }
}
