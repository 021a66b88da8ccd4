package io.opencdp.jobs.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.opencdp.schemas.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Index statistics and settings a benchmark reads or sets over plain HTTP. */
final class EsStats {
  private EsStats() {}

  /** Primary store size of {@code indexOrAlias}, in MiB. */
  static double storeMib(String esUrl, String indexOrAlias)
      throws IOException, InterruptedException {
    return primaries(esUrl, indexOrAlias, "store").path("store").path("size_in_bytes").asLong()
        / 1048576.0;
  }

  /** Lucene segments of the primaries of {@code indexOrAlias}. */
  static long segmentCount(String esUrl, String indexOrAlias)
      throws IOException, InterruptedException {
    return primaries(esUrl, indexOrAlias, "segments").path("segments").path("count").asLong();
  }

  /** Turns the shard request cache of {@code index} off, so a repeated count is evaluated. */
  static void disableRequestCache(String esUrl, String index)
      throws IOException, InterruptedException {
    send(
        HttpRequest.newBuilder(URI.create(esUrl + "/" + encode(index) + "/_settings"))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString("{\"index.requests.cache.enable\": false}"))
            .build(),
        "disable the request cache of " + index);
  }

  private static JsonNode primaries(String esUrl, String indexOrAlias, String metric)
      throws IOException, InterruptedException {
    byte[] body =
        send(
            HttpRequest.newBuilder(
                    URI.create(esUrl + "/" + encode(indexOrAlias) + "/_stats/" + metric))
                .build(),
            "read the " + metric + " stats of " + indexOrAlias);
    return Json.mapper().readTree(body).path("_all").path("primaries");
  }

  private static byte[] send(HttpRequest request, String what)
      throws IOException, InterruptedException {
    HttpResponse<byte[]> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "could not "
              + what
              + ": Elasticsearch answered "
              + response.statusCode()
              + " "
              + new String(response.body(), StandardCharsets.UTF_8));
    }
    return response.body();
  }

  private static String encode(String name) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8);
  }
}
