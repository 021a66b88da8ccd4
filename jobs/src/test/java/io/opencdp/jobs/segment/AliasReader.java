package io.opencdp.jobs.segment;

import io.opencdp.schemas.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reader hammering an alias while something (a full {@code cdp index}) swaps it: counts and
 * searches it in a loop and notes every answer that is an error or finds nothing.
 */
final class AliasReader implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String esUrl;
  private final String alias;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicInteger reads = new AtomicInteger();
  private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
  private final Thread thread;

  private AliasReader(String esUrl, String alias) {
    this.esUrl = esUrl;
    this.alias = alias;
    this.thread = new Thread(this::readUntilClosed, "alias-reader");
  }

  static AliasReader start(String esUrl, String alias) {
    AliasReader reader = new AliasReader(esUrl, alias);
    reader.thread.start();
    return reader;
  }

  /** The reads done so far. */
  int reads() {
    return reads.get();
  }

  /** The answers that were an error or found nothing. */
  List<String> problems() {
    synchronized (problems) {
      return List.copyOf(problems);
    }
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    thread.join();
  }

  private void readUntilClosed() {
    while (running.get()) {
      try {
        HttpResponse<String> count = get("/" + alias + "/_count");
        HttpResponse<String> found = get("/" + alias + "/_search?size=1");
        long n = Json.mapper().readTree(count.body()).path("count").asLong(-1);
        long hits =
            Json.mapper()
                .readTree(found.body())
                .path("hits")
                .path("total")
                .path("value")
                .asLong(-1);
        if (count.statusCode() != 200 || found.statusCode() != 200 || n <= 0 || hits <= 0) {
          problems.add(count.statusCode() + " " + count.body() + " / " + found.statusCode());
        }
        reads.incrementAndGet();
        // about 50 reads a second instead of as many as a core allows: the indexer it watches
        // shares the machine's two cores with it
        Thread.sleep(10);
      } catch (IOException e) {
        problems.add(e.toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(esUrl + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
