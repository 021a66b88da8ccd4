package io.opencdp.jobs.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.api.store.EsConnection;
import io.opencdp.api.store.IndexAdmin;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.schemas.json.Json;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The index benchmark's baseline: the very profile documents {@code cdp index --full} wrote, sent
 * again with plain {@code _bulk} requests from one Java thread (one request in flight, {@code
 * index.bulk_actions} documents each) into a fresh index created exactly as the indexer creates its
 * load index ({@link IndexAdmin#createProfilesIndexForLoad}). Only the sending is timed: the
 * documents are first read back out of the profiles alias (a scroll) into a file of bulk lines. No
 * Delta read, no document building, no Spark: what Elasticsearch takes from the simplest client.
 */
final class RawBulkBaseline {
  private static final ObjectMapper JSON = Json.mapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
  private static final int SCROLL_PAGE = 2_000;

  /**
   * @param documents documents sent
   * @param seconds from the first request out to the last answer in
   * @param bytes bytes of the bulk bodies
   */
  record Result(long documents, double seconds, long bytes) {
    double documentsPerSecond() {
      return seconds <= 0 ? 0 : documents / seconds;
    }
  }

  private RawBulkBaseline() {}

  /** Copies the documents behind {@code names}' profiles alias into a new index, timed. */
  static Result run(String esUrl, StoreIndices names, int bulkActions, Path scratch)
      throws IOException, InterruptedException {
    Path lines = scratch.resolve("raw-bulk-profiles.ndjson");
    long documents = dump(esUrl, names.profilesAlias(), lines);
    String index = names.profilesAlias() + "-raw-bulk-baseline";
    try (EsConnection es = EsConnection.open(esUrl, 120_000)) {
      IndexAdmin admin = new IndexAdmin(es.client(), names);
      admin.createProfilesIndexForLoad(index);
      try {
        Result result = send(esUrl, index, lines, bulkActions);
        admin.refresh(index);
        long count = admin.count(index);
        if (result.documents() != documents || count != documents) {
          throw new IllegalStateException(
              "the raw _bulk baseline sent "
                  + result.documents()
                  + " documents and "
                  + index
                  + " holds "
                  + count
                  + "; "
                  + documents
                  + " were read");
        }
        return result;
      } finally {
        admin.delete(List.of(index));
        Files.deleteIfExists(lines);
      }
    }
  }

  /** Writes a bulk action line and a source line per document of {@code alias}; the count. */
  private static long dump(String esUrl, String alias, Path out)
      throws IOException, InterruptedException {
    long documents = 0;
    try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      JsonNode page =
          call(
              post(
                  esUrl + "/" + encode(alias) + "/_search?scroll=2m",
                  "{\"size\":" + SCROLL_PAGE + ",\"sort\":[\"_doc\"]}",
                  "application/json"));
      String scrollId = page.path("_scroll_id").asText();
      try {
        while (page.path("hits").path("hits").size() > 0) {
          for (JsonNode hit : page.path("hits").path("hits")) {
            ObjectNode action = JSON.createObjectNode();
            action.putObject("index").put("_id", hit.path("_id").asText());
            writer.write(JSON.writeValueAsString(action));
            writer.write('\n');
            writer.write(JSON.writeValueAsString(hit.path("_source")));
            writer.write('\n');
            documents++;
          }
          page =
              call(
                  post(
                      esUrl + "/_search/scroll",
                      "{\"scroll\":\"2m\",\"scroll_id\":\"" + scrollId + "\"}",
                      "application/json"));
          scrollId = page.path("_scroll_id").asText(scrollId);
        }
      } finally {
        HTTP.send(
            HttpRequest.newBuilder(URI.create(esUrl + "/_search/scroll"))
                .header("Content-Type", "application/json")
                .method(
                    "DELETE",
                    HttpRequest.BodyPublishers.ofString("{\"scroll_id\":\"" + scrollId + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.discarding());
      }
    }
    return documents;
  }

  private static Result send(String esUrl, String index, Path lines, int bulkActions)
      throws IOException, InterruptedException {
    String url = esUrl + "/" + encode(index) + "/_bulk";
    long documents = 0;
    long bytes = 0;
    long started = System.nanoTime();
    try (BufferedReader reader = Files.newBufferedReader(lines, StandardCharsets.UTF_8)) {
      StringBuilder body = new StringBuilder();
      int inBody = 0;
      String action;
      while ((action = reader.readLine()) != null) {
        body.append(action).append('\n').append(reader.readLine()).append('\n');
        if (++inBody == bulkActions) {
          bytes += bulk(url, body);
          documents += inBody;
          body.setLength(0);
          inBody = 0;
        }
      }
      if (inBody > 0) {
        bytes += bulk(url, body);
        documents += inBody;
      }
    }
    return new Result(documents, BenchPipeline.seconds(started), bytes);
  }

  /** Sends one bulk body; fails on any item error. Returns the body's size. */
  private static long bulk(String url, StringBuilder body)
      throws IOException, InterruptedException {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    JsonNode answer =
        call(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build());
    if (answer.path("errors").asBoolean(true)) {
      throw new IllegalStateException(
          "the raw _bulk baseline was refused: "
              + answer.toString().substring(0, Math.min(500, answer.toString().length())));
    }
    return bytes.length;
  }

  private static HttpRequest post(String url, String body, String type) {
    return HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", type)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private static JsonNode call(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          request.method()
              + " "
              + request.uri()
              + " answered "
              + response.statusCode()
              + ": "
              + new String(response.body(), StandardCharsets.UTF_8));
    }
    return JSON.readTree(response.body());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
