package io.opencdp.jobs.bench;

import io.opencdp.schemas.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latency probes of {@code cdp bench stream}: a few events per second, each a {@code track}
 * with a customer id (Segment {@code userId}) no other event has, posted to the collector from this
 * JVM next to the open-loop load; a poller asks the API for the profile holding that customer id
 * ({@code GET /v1/profiles?customer_id=}) until it answers one. A probe's latency runs from just
 * before its POST to the answer that shows its profile: collector, file rotation, the stream's
 * monitoring, parse, resolution, profile build, the sink's flush and Elasticsearch's refresh, all
 * of it. The stream handles events in arrival order at parallelism 1, so a probe waits behind every
 * event the load sent before it.
 */
final class StreamProbes implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StreamProbes.class);
  private static final long POLL_EVERY_MILLIS = 25;

  /** How many of the oldest unseen probes are asked for per poll round. */
  private static final int POLL_OLDEST = 8;

  /** One probe: its customer id, when it was sent, when (if) the API showed it (nanoTime). */
  static final class Probe {
    final String customerId;
    final long sentNanos;
    volatile long landedNanos = -1;
    volatile long visibleNanos = -1;
    volatile boolean rejected;

    Probe(String customerId, long sentNanos) {
      this.customerId = customerId;
      this.sentNanos = sentNanos;
    }

    double latencyMillis() {
      return (visibleNanos - sentNanos) / 1e6;
    }

    /** From the POST to the finished landing file holding it (collector and rotation). */
    double landedMillis() {
      return (landedNanos - sentNanos) / 1e6;
    }

    /** From the finished landing file to the API showing it (stream, sink, refresh, poll). */
    double afterLandingMillis() {
      return (visibleNanos - landedNanos) / 1e6;
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String collectorUrl;
  private final String writeAuth;
  private final String apiUrl;
  private final String apiAuth;
  private final String label;
  private final List<Probe> sent = new ArrayList<>();
  private final Map<String, Probe> byId = new ConcurrentHashMap<>();
  private final Path landingDir;
  private final Set<Path> readFiles = new HashSet<>();
  private final Thread watcher;
  private final ConcurrentLinkedQueue<Probe> unseen = new ConcurrentLinkedQueue<>();
  private final ScheduledExecutorService sender;
  private final Thread poller;
  private volatile boolean stopPolling;
  private long next;

  private StreamProbes(
      String collectorUrl,
      String writeKey,
      Path landingDir,
      String apiUrl,
      String apiKey,
      String label) {
    this.collectorUrl = collectorUrl;
    this.landingDir = landingDir;
    this.writeAuth =
        "Basic "
            + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
    this.apiUrl = apiUrl;
    this.apiAuth = "Bearer " + apiKey;
    this.label = label;
    this.sender =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "stream-probe-sender");
              t.setDaemon(true);
              return t;
            });
    this.poller = new Thread(this::poll, "stream-probe-poller");
    poller.setDaemon(true);
    this.watcher = new Thread(this::watchLanding, "stream-probe-landing");
    watcher.setDaemon(true);
  }

  /**
   * Starts sending {@code perSecond} probes per second after {@code delay}, each with a customer id
   * {@code probe<label>x<n>}, and polling for them.
   */
  static StreamProbes start(
      String collectorUrl,
      String writeKey,
      Path landingDir,
      String apiUrl,
      String apiKey,
      String label,
      double perSecond,
      Duration delay) {
    StreamProbes probes =
        new StreamProbes(collectorUrl, writeKey, landingDir, apiUrl, apiKey, label);
    long every = Math.round(1e9 / perSecond);
    probes.sender.scheduleAtFixedRate(
        probes::sendOne, delay.toNanos(), every, TimeUnit.NANOSECONDS);
    probes.poller.start();
    probes.watcher.start();
    return probes;
  }

  /** Stops sending; polling goes on until {@link #awaitSeen} or {@link #close}. */
  void stopSending() throws InterruptedException {
    sender.shutdown();
    sender.awaitTermination(10, TimeUnit.SECONDS);
  }

  /** Waits until every sent probe was seen or {@code timeout} passed; true when all were seen. */
  boolean awaitSeen(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!unseen.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    return unseen.isEmpty();
  }

  /** The probes sent (after {@link #stopSending}). */
  synchronized List<Probe> probes() {
    return List.copyOf(sent);
  }

  @Override
  public void close() throws InterruptedException {
    sender.shutdownNow();
    stopPolling = true;
    poller.join(10_000);
    watcher.join(10_000);
  }

  private void sendOne() {
    String customerId = "probe" + label + "x" + next++;
    String body =
        Json.mapper()
            .createObjectNode()
            .put("type", "track")
            .put("event", "Product Viewed")
            .put("messageId", customerId)
            .put("userId", customerId)
            .toString();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(collectorUrl + "/v1/track"))
            .header("Authorization", writeAuth)
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    Probe probe = new Probe(customerId, System.nanoTime());
    synchronized (this) {
      sent.add(probe);
    }
    byId.put(customerId, probe);
    try {
      HttpResponse<Void> answer = http.send(request, HttpResponse.BodyHandlers.discarding());
      if (answer.statusCode() != 200) {
        probe.rejected = true;
        LOG.warn("probe {} refused by the collector: {}", customerId, answer.statusCode());
        return;
      }
      unseen.add(probe);
    } catch (IOException e) {
      probe.rejected = true;
      LOG.warn("probe {} not sent: {}", customerId, e.toString());
    } catch (InterruptedException e) {
      probe.rejected = true;
      Thread.currentThread().interrupt();
    }
  }

  /** Asks for the oldest unseen probes, oldest first, every {@link #POLL_EVERY_MILLIS}. */
  private void poll() {
    while (!stopPolling) {
      long round = System.nanoTime();
      int asked = 0;
      for (Probe probe : unseen) {
        if (asked++ >= POLL_OLDEST) {
          break;
        }
        if (visible(probe.customerId)) {
          probe.visibleNanos = System.nanoTime();
          unseen.remove(probe);
        }
      }
      long left = POLL_EVERY_MILLIS - (System.nanoTime() - round) / 1_000_000;
      if (left > 0) {
        try {
          Thread.sleep(left);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  /**
   * Reads each finished landing file once as it appears ({@code collector-*.jsonl}; the collector
   * renames a file when it is finished) and notes when each probe's line was first seen there.
   */
  private void watchLanding() {
    while (!stopPolling) {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(landingDir, "collector-*")) {
        for (Path file : files) {
          if (readFiles.add(file)) {
            long seen = System.nanoTime();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
              int at = line.indexOf("\"messageId\":\"probe" + label + "x");
              if (at >= 0) {
                int start = at + "\"messageId\":\"".length();
                Probe probe = byId.get(line.substring(start, line.indexOf('"', start)));
                if (probe != null && probe.landedNanos < 0) {
                  probe.landedNanos = seen;
                }
              }
            }
          }
        }
        Thread.sleep(POLL_EVERY_MILLIS);
      } catch (IOException e) {
        LOG.debug("reading the landing directory failed: {}", e.toString());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private boolean visible(String customerId) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(apiUrl + "/v1/profiles?customer_id=" + customerId))
            .header("Authorization", apiAuth)
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    try {
      HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
      return answer.statusCode() == 200
          && Json.mapper().readTree(answer.body()).path("profiles").size() > 0;
    } catch (IOException e) {
      LOG.debug("probe poll failed: {}", e.toString());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopPolling = true;
      return false;
    }
  }
}
