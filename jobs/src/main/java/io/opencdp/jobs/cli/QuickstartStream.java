package io.opencdp.jobs.cli;

import io.opencdp.jobs.stream.LiveStream;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.config.CollectorConfig;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.json.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The quickstart's last step: the collector and {@code cdp stream} next to the API, and two
 * ready-to-paste {@code curl} lines, one posting a Segment {@code track} for the demo profile's
 * customer, one showing it on top of that profile's timeline a moment later.
 *
 * <p>The collector lands in {@code <sample>/web/collected/} (git-ignored): below the sample's web
 * directory, so the stream, which monitors the sample's landing directories, reads its files with
 * the web source's connector, and the next {@code cdp ingest} of the sample picks them up too. A
 * fresh stream state reads the whole sample first (the identity graph the new event joins); a later
 * quickstart resumes from the stream's checkpoint.
 */
final class QuickstartStream {
  /** The write key the quickstart adds when {@code collector.write_keys} has none for web. */
  static final String DEMO_WRITE_KEY = "cdp_demo_write_key";

  static final String SOURCE = "web";
  static final String COLLECTED_DIR = "collected";
  private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(15);
  private static final String UNIQUE = "UNIQUE";

  /** Inside the curl's single-quoted body: a new messageId and order id at every paste. */
  static final String SHELL_UNIQUE = "'\"$(date +%s)$RANDOM\"'";

  private QuickstartStream() {}

  /**
   * Starts the collector and the stream over the sample ({@code sampleConfig}'s landing root) and
   * waits, printing progress, until the stream has read the sample.
   */
  static LiveStream start(CdpConfig sampleConfig, String esUrl) throws InterruptedException {
    CollectorConfig collector = collectorConfig(sampleConfig);
    Path dir =
        LiveStream.sourceDirectory(sampleConfig.ingest(), SOURCE)
            .resolve(COLLECTED_DIR)
            .toAbsolutePath()
            .normalize();
    long files = LiveStream.landedFiles(sampleConfig.ingest());
    LiveStream live;
    try {
      live = LiveStream.start(sampleConfig, esUrl, collector, SOURCE, dir, line -> {});
    } catch (CdpException e) {
      if (e.code() != ErrorCode.PORT_IN_USE) {
        throw e;
      }
      System.out.println("  port " + collector.port() + " is taken; collecting on a free port");
      live = LiveStream.start(sampleConfig, esUrl, collector.withPort(0), SOURCE, dir, line -> {});
    }
    System.out.println(
        "  collector on "
            + live.collectorUrl()
            + " (rotate_seconds "
            + LiveStream.ROTATE_SECONDS
            + "), landing in "
            + dir);
    System.out.println(
        "  stream monitoring "
            + sampleConfig.ingest().landingRoot()
            + " every "
            + LiveStream.secondsLatency(sampleConfig).stream().monitorIntervalMillis()
            + " ms; catching up with the "
            + files
            + " landing files (a fresh stream state reads the whole sample first)");
    long started = System.nanoTime();
    try {
      live.awaitCaughtUp(files, CATCH_UP_TIMEOUT, line -> System.out.println("  stream: " + line));
    } catch (RuntimeException | InterruptedException e) {
      live.close();
      throw e;
    }
    System.out.printf(
        "  the stream is live (caught up in %.1f s)%n", (System.nanoTime() - started) / 1e9);
    return live;
  }

  /**
   * {@code collector} of the config, with the demo write key for web when it has none for web (and
   * the workspace).
   */
  static CollectorConfig collectorConfig(CdpConfig config) {
    CollectorConfig collector = config.collector();
    if (writeKey(config).isPresent()) {
      return collector;
    }
    return collector.withWriteKeys(
        List.of(new CollectorConfig.WriteKey(DEMO_WRITE_KEY, SOURCE, config.workspace())));
  }

  private static java.util.Optional<String> writeKey(CdpConfig config) {
    return config.collector().writeKeys().stream()
        .filter(k -> k.source().equals(SOURCE) && k.workspace().equals(config.workspace()))
        .map(CollectorConfig.WriteKey::key)
        .findFirst();
  }

  /**
   * The two curl lines: an Order Completed for the demo profile's customer through the collector,
   * then that profile's timeline, where it shows on top a moment later.
   */
  static String curlLines(
      CdpConfig config, String collectorUrl, String apiUrl, String agentAuth, DemoProfile demo) {
    String key = writeKey(config).orElse(DEMO_WRITE_KEY);
    return String.join(
        System.lineSeparator(),
        "  # an order through the collector (Segment track; the write key is the Basic user name)",
        "  curl -s -u '"
            + key
            + ":' -H 'Content-Type: application/json' "
            + collectorUrl
            + "/v1/track -d '"
            + trackBody(demo, UNIQUE).replace(UNIQUE, SHELL_UNIQUE)
            + "'",
        "  # a moment later (about 2 s) it tops that customer's timeline",
        "  curl -s "
            + agentAuth
            + " '"
            + apiUrl
            + "/v1/profiles/"
            + demo.profileId()
            + "/events?limit=5'",
        "");
  }

  /**
   * The Segment {@code track} the curl posts; {@code unique} goes into the messageId and order id
   * (the curl puts a shell expansion there, so every paste is a new order).
   */
  static String trackBody(DemoProfile demo, String unique) {
    var body = Json.mapper().createObjectNode();
    body.put("type", "track").put("event", "Order Completed").put("messageId", "qs-" + unique);
    if (demo.customerId() != null) {
      body.put("userId", demo.customerId());
    } else {
      body.put("anonymousId", "quickstart-" + demo.profileId());
    }
    var traits = body.putObject("context").putObject("traits");
    if (demo.email() != null) {
      traits.put("email", demo.email());
    }
    traits.put("phone", demo.phone());
    body.putObject("properties")
        .put("order_id", "QS-" + unique)
        .put("total", 42.5)
        .put("currency", "USD");
    return body.toString();
  }
}
