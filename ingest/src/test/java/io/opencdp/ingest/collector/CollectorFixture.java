package io.opencdp.ingest.collector;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.opencdp.schemas.config.CollectorConfig;
import io.opencdp.schemas.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import okhttp3.Credentials;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A collector over a temporary landing root, with a web and an app write key and a test clock. */
final class CollectorFixture {
  static final String WEB_KEY = "web-write-key-0123456789";
  static final String APP_KEY = "app-write-key-0123456789";
  static final String WORKSPACE = "default";
  static final Instant START = Segment.NOW;

  final Path root;
  final Path web;
  final Path app;
  final MutableClock clock = new MutableClock(START);
  CollectorConfig config;

  CollectorFixture(Path root) {
    this.root = root;
    this.web = root.resolve("web");
    this.app = root.resolve("app");
    this.config =
        new CollectorConfig(
            "127.0.0.1",
            0,
            List.of(
                new CollectorConfig.WriteKey(WEB_KEY, "web", WORKSPACE),
                new CollectorConfig.WriteKey(APP_KEY, "app", WORKSPACE)),
            512_000,
            32_768,
            500,
            64L * 1024 * 1024,
            60,
            24,
            1_000_000);
  }

  Collector create() {
    return Collector.create(config, WORKSPACE, Map.of("web", web, "app", app), clock);
  }

  /** Runs {@code test} against a fresh collector; the collector is stopped afterwards. */
  void run(Scenario test) {
    Collector collector = create();
    JavalinTest.test(collector.app(), (server, client) -> test.run(collector, client));
  }

  interface Scenario {
    void run(Collector collector, HttpClient client) throws Exception;
  }

  static Response post(HttpClient client, String path, String key, String body) {
    return post(client, path, key, body, "application/json");
  }

  static Response post(
      HttpClient client, String path, String key, String body, String contentType) {
    return post(client, path, key, body.getBytes(UTF_8), contentType, null);
  }

  static Response post(
      HttpClient client,
      String path,
      String key,
      byte[] body,
      String contentType,
      String contentEncoding) {
    return client.request(
        path,
        b -> {
          b.post(RequestBody.create(body, contentType == null ? null : MediaType.get(contentType)));
          if (key != null) {
            b.header("Authorization", Credentials.basic(key, ""));
          }
          if (contentEncoding != null) {
            b.header("Content-Encoding", contentEncoding);
          }
        });
  }

  static final ObjectReader READER =
      Json.mapper()
          .reader()
          .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);

  static JsonNode json(Response response) throws IOException {
    return READER.readTree(response.body().string());
  }

  static JsonNode json(String line) {
    try {
      return READER.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every line the collector landed in {@code dir}, finished files first, in order. */
  static List<String> lines(Path dir) {
    List<String> lines = new ArrayList<>();
    for (Path file : files(dir)) {
      try {
        lines.addAll(Files.readAllLines(file, UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return lines;
  }

  /** The collector's files in {@code dir} (finished, then in progress), by name. */
  static List<Path> files(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> LandingFiles.isFinished(f) || LandingFiles.isInProgress(f))
          .sorted(
              java.util.Comparator.comparing((Path f) -> LandingFiles.isInProgress(f))
                  .thenComparing(Path::toString))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> names(Path dir) {
    return files(dir).stream().map(f -> f.getFileName().toString()).toList();
  }
}
