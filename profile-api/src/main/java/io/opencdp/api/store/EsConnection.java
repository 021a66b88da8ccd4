package io.opencdp.api.store;

import static java.util.Objects.requireNonNull;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.DeserializationFeature;
import io.opencdp.schemas.json.Json;
import java.io.IOException;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Elasticsearch Java client over the low-level REST client, with connect and socket timeouts,
 * and the project's Jackson mapper (snake_case records, ISO instants; trailing tokens allowed,
 * since the client reads documents out of the middle of a response) for documents. Creating it does
 * not connect, so a caller can start while Elasticsearch is down. Thread-safe; share one per
 * process (or per Spark partition) and close it at the end.
 */
public final class EsConnection implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EsConnection.class);

  private final String url;
  private final RestClientTransport transport;
  private final ElasticsearchClient client;

  private EsConnection(String url, int timeoutMillis) {
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
    // the client reads each _source out of the middle of a response: a mapper that fails on
    // trailing tokens would refuse every document it reads
    this.transport =
        new RestClientTransport(
            rest,
            new JacksonJsonpMapper(
                Json.mapper().copy().disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)));
    this.client = new ElasticsearchClient(transport);
  }

  /** A client of the cluster at {@code url} (e.g. {@code http://127.0.0.1:9200}). */
  public static EsConnection open(String url, int timeoutMillis) {
    if (timeoutMillis <= 0) {
      throw new IllegalArgumentException("timeoutMillis must be positive, got " + timeoutMillis);
    }
    return new EsConnection(url, timeoutMillis);
  }

  public ElasticsearchClient client() {
    return client;
  }

  public String url() {
    return url;
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
