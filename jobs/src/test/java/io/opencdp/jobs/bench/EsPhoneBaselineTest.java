package io.opencdp.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opencdp.api.ApiServer;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.jobs.bench.load.RequestLine;
import io.opencdp.schemas.config.ApiConfig;
import io.opencdp.schemas.config.CdpConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The {@code es.phone} baseline of {@code cdp bench api} is the request the API itself sends
 * Elasticsearch for {@code GET /v1/profiles?phone=}: captured on the wire by a fake Elasticsearch.
 */
class EsPhoneBaselineTest {
  private static final String EMPTY_SEARCH =
      "{\"took\":1,\"timed_out\":false,\"_shards\":{\"total\":1,\"successful\":1,"
          + "\"skipped\":0,\"failed\":0},\"hits\":{\"total\":{\"value\":0,"
          + "\"relation\":\"eq\"},\"max_score\":null,\"hits\":[]}}";

  /** One request as the fake Elasticsearch received it. */
  private record Received(String method, String path, Set<String> query, String body) {}

  @Test
  void thePhoneBaselineIsTheSearchTheApiSends() throws Exception {
    List<Received> received = new CopyOnWriteArrayList<>();
    HttpServer es = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    es.createContext("/", exchange -> answer(exchange, received));
    es.start();
    String esUrl = "http://127.0.0.1:" + es.getAddress().getPort();
    CdpConfig config = CdpConfig.defaults();
    ApiConfig apiConfig = ApiBenchmark.apiConfig(config, "bench");
    ApiServer api = ApiServer.create(apiConfig, "bench", esUrl).start();
    try {
      HttpResponse<String> lookup =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(api.url() + "/v1/profiles?phone=%2B12125550199"))
                      .header("Authorization", "Bearer " + ApiBenchmark.DEMO_ADMIN_KEY)
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(lookup.statusCode()).isEqualTo(200);
    } finally {
      api.stop();
      es.stop(0);
    }

    RequestLine baseline =
        ApiBenchmark.esPhone(
            new StoreIndices("bench").profilesAlias(), "+12125550199", apiConfig.maxPageSize());
    Received expected = received(baseline.method(), baseline.path(), baseline.body());
    // the searches on the profiles (the API also looks for interrupted exports when it starts)
    assertThat(received.stream().filter(r -> r.path().startsWith(expected.path())))
        .singleElement()
        .isEqualTo(expected);
  }

  private static void answer(HttpExchange exchange, List<Received> received) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    URI uri = exchange.getRequestURI();
    received.add(
        received(
            exchange.getRequestMethod(),
            uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()),
            body.isEmpty() ? null : body));
    byte[] answer = EMPTY_SEARCH.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, answer.length);
    exchange.getResponseBody().write(answer);
    exchange.close();
  }

  /** The query parameters as a set: their order on the wire does not change the request. */
  private static Received received(String method, String pathAndQuery, String body) {
    int q = pathAndQuery.indexOf('?');
    String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    Set<String> query =
        q < 0
            ? Set.of()
            : Arrays.stream(pathAndQuery.substring(q + 1).split("&")).collect(Collectors.toSet());
    return new Received(method, path, query, body);
  }
}
