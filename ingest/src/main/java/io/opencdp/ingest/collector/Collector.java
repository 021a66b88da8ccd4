package io.opencdp.ingest.collector;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;
import static java.util.Objects.requireNonNull;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.plugin.bundled.CorsPluginConfig;
import io.javalin.util.JavalinBindException;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.config.CollectorConfig;
import io.opencdp.schemas.config.IngestConfig;
import io.opencdp.schemas.config.SourceConfig;
import io.opencdp.schemas.config.SourceFormat;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web/app event collector: a Segment-compatible HTTP Tracking API ({@link TrackingController})
 * that lands accepted messages in the landing directories of the {@code web} and {@code app}
 * sources ({@link LandingWriter}), where batch ingest reads them with the Segment connector. Also
 * {@code GET /healthz}.
 *
 * <p>Lifecycle: {@link #create} takes over the landing directories (locks them, finishes files an
 * earlier collector left in progress, rebuilds the dedup index); {@link #start} serves; {@link
 * #stop} stops serving and finishes the in-progress files.
 */
public final class Collector {
  private static final Logger LOG = LoggerFactory.getLogger(Collector.class);
  private static final Pattern URI_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:/.*");

  private final CollectorConfig config;
  private final Clock clock;
  private final List<LandingWriter> writers;
  private final Javalin app;
  private ScheduledExecutorService rotator;

  private Collector(CollectorConfig config, Clock clock, Map<SourceRef, LandingWriter> writers) {
    this.config = requireNonNull(config, "config is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.writers = List.copyOf(writers.values());
    TrackingController tracking = new TrackingController(config, writers, clock);
    HealthController health = new HealthController();
    ProblemMapper problems = new ProblemMapper();
    this.app =
        Javalin.create(
                javalin -> {
                  javalin.showJavalinBanner = false;
                  javalin.jetty.defaultHost = config.host();
                  // browsers post from any site (analytics.js); the write key is the credential
                  javalin.bundledPlugins.enableCors(
                      cors -> cors.addRule(CorsPluginConfig.CorsRule::anyHost));
                  javalin.events.serverStarted(this::startRotator);
                  javalin.events.serverStopping(this::stopRotator);
                  javalin.events.serverStopped(this::closeWriters);
                  javalin.router.apiBuilder(
                      () -> {
                        post("/v1/track", tracking::track);
                        post("/v1/identify", tracking::identify);
                        post("/v1/page", tracking::page);
                        post("/v1/screen", tracking::screen);
                        post("/v1/alias", tracking::alias);
                        post("/v1/group", tracking::group);
                        post("/v1/batch", tracking::batch);
                        get("/healthz", health::healthz);
                      });
                })
            .exception(CollectorException.class, problems::collector)
            .exception(HttpResponseException.class, problems::http)
            .exception(Exception.class, problems::unexpected);
  }

  /**
   * The collector of an installation: write keys from {@code collector}, landing directories from
   * {@code ingest.sources.<source>.path} under {@code ingest.landing_root} (local paths only,
   * resolved against the working directory).
   */
  public static Collector create(CdpConfig cdp) {
    CollectorConfig config = cdp.collector();
    IngestConfig ingest = cdp.ingest();
    if (config.maxMessageBytes() > ingest.maxLineBytes()) {
      throw new CdpException(
          ErrorCode.CONFIG_INVALID,
          "collector.max_message_bytes ("
              + config.maxMessageBytes()
              + ") is larger than ingest.max_line_bytes ("
              + ingest.maxLineBytes()
              + "); ingest would refuse such lines, so lower the first or raise the second");
    }
    Map<String, Path> dirs = new LinkedHashMap<>();
    for (CollectorConfig.WriteKey key : config.writeKeys()) {
      dirs.computeIfAbsent(key.source(), source -> directory(ingest, source));
    }
    return create(config, cdp.workspace(), dirs);
  }

  /**
   * A collector for {@code workspace} landing each source's messages in {@code
   * sourceDirectories.get(source)}; every write key must name {@code workspace} and a source of the
   * map.
   */
  public static Collector create(
      CollectorConfig config, String workspace, Map<String, Path> sourceDirectories) {
    return create(config, workspace, sourceDirectories, Clock.systemUTC());
  }

  static Collector create(
      CollectorConfig config, String workspace, Map<String, Path> sourceDirectories, Clock clock) {
    requireNonNull(config, "config is null");
    requireNonNull(workspace, "workspace is null");
    requireNonNull(sourceDirectories, "sourceDirectories is null");
    if (config.writeKeys().isEmpty()) {
      throw new CdpException(
          ErrorCode.CONFIG_INVALID,
          "collector.write_keys is empty, so the collector would accept nothing; add an entry"
              + " {key: <at least 16 characters>, source: web, workspace: "
              + workspace
              + "} to cdp.yaml");
    }
    Map<SourceRef, Path> targets = new LinkedHashMap<>();
    for (int i = 0; i < config.writeKeys().size(); i++) {
      CollectorConfig.WriteKey key = config.writeKeys().get(i);
      if (!key.workspace().equals(workspace)) {
        throw new CdpException(
            ErrorCode.CONFIG_INVALID,
            "collector.write_keys["
                + i
                + "].workspace is '"
                + key.workspace()
                + "' but this installation's workspace is '"
                + workspace
                + "'; one collector serves one workspace");
      }
      Path dir = sourceDirectories.get(key.source());
      if (dir == null) {
        throw new CdpException(
            ErrorCode.CONFIG_INVALID,
            "collector.write_keys["
                + i
                + "].source '"
                + key.source()
                + "' has no landing directory");
      }
      targets.put(new SourceRef(key.workspace(), key.source()), dir);
    }
    Map<SourceRef, LandingWriter> writers = new LinkedHashMap<>();
    try {
      for (Map.Entry<SourceRef, Path> target : targets.entrySet()) {
        writers.put(
            target.getKey(),
            LandingWriter.open(target.getKey(), target.getValue(), config, clock.instant()));
      }
    } catch (IOException | RuntimeException e) {
      closeAll(writers.values());
      if (e instanceof IOException io) {
        throw new CdpException(
            ErrorCode.ENVIRONMENT,
            "cannot prepare the landing directories " + targets.values() + ": " + io.getMessage(),
            io);
      }
      throw (RuntimeException) e;
    }
    return new Collector(config, clock, writers);
  }

  /** Serves on {@code collector.host} and {@code collector.port}. */
  public Collector start() {
    return start(config.port());
  }

  /** Serves on {@code collector.host} and {@code port} (0 picks a free one). */
  public Collector start(int port) {
    try {
      app.start(config.host(), port);
    } catch (JavalinBindException e) {
      throw new CdpException(
          ErrorCode.PORT_IN_USE,
          "the collector cannot listen on "
              + config.host()
              + ":"
              + port
              + " ("
              + e.getMessage()
              + "); set collector.port to a free port",
          e);
    }
    LOG.info("collector listening on {}:{}", config.host(), app.port());
    return this;
  }

  /** The port it serves on, once started. */
  public int port() {
    return app.port();
  }

  /** Stops serving and finishes the in-progress files; idempotent. */
  public void stop() {
    app.stop();
    stopRotator();
    closeWriters();
  }

  /** The Javalin app, for {@code JavalinTest}: stopping it stops the collector. */
  Javalin app() {
    return app;
  }

  /** Finishes the in-progress files that are {@code collector.rotate_seconds} old. */
  void rotateDue() {
    for (LandingWriter writer : writers) {
      writer.rotateIfDue(clock.instant());
    }
  }

  private synchronized void startRotator() {
    rotator =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "collector-rotator");
              thread.setDaemon(true);
              return thread;
            });
    // a quarter of rotate_seconds, at most a second: with rotate_seconds 1 (the streaming setting)
    // a file is finished 1 to 1.25 s after its first message rather than 1 to 2 s
    long every = Math.min(1000, config.rotateAfter().toMillis() / 4);
    rotator.scheduleWithFixedDelay(this::rotateDue, every, every, TimeUnit.MILLISECONDS);
  }

  private synchronized void stopRotator() {
    if (rotator != null) {
      rotator.shutdownNow();
      rotator = null;
    }
  }

  private void closeWriters() {
    closeAll(writers);
  }

  private static void closeAll(Iterable<LandingWriter> writers) {
    for (LandingWriter writer : writers) {
      try {
        writer.close();
      } catch (IOException e) {
        LOG.error("releasing the landing directory {} failed", writer.dir(), e);
      }
    }
  }

  private static Path directory(IngestConfig ingest, String source) {
    SourceConfig config = ingest.sources().get(source);
    if (config == null || config.format() != SourceFormat.SEGMENT) {
      throw new CdpException(
          ErrorCode.CONFIG_INVALID,
          "collector.write_keys names source '"
              + source
              + "', but ingest.sources."
              + source
              + (config == null ? " does not exist" : " is not in the segment format"));
    }
    String location = ingest.location(config);
    if (URI_SCHEME.matcher(location).matches()) {
      throw new CdpException(
          ErrorCode.CONFIG_INVALID,
          "the collector writes local files, but source '"
              + source
              + "' lands at "
              + location
              + "; set ingest.landing_root (or ingest.sources."
              + source
              + ".path) to a local directory");
    }
    return Path.of(location).toAbsolutePath().normalize();
  }
}
