package io.opencdp.jobs.stream;

import static java.util.Objects.requireNonNull;

import io.opencdp.ingest.collector.Collector;
import io.opencdp.ingest.connector.LandingPaths;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.config.CollectorConfig;
import io.opencdp.schemas.config.IngestConfig;
import io.opencdp.schemas.config.SourceConfig;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collector and {@code cdp stream} (monitoring) running side by side in this JVM, set for
 * seconds of latency from a {@code POST /v1/track} to the profile store: what {@code cdp
 * quickstart} starts after the API, and what {@code cdp bench stream} measures. The collector lands
 * in a directory of one source under {@code ingest.landing_root}, so the stream reads its files
 * with the source's connector, as batch ingest later does.
 */
public final class LiveStream implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LiveStream.class);

  /**
   * {@code collector.rotate_seconds} for streaming: a landing file is finished (and seen by the
   * stream) 1 to 1.25 s after its first message.
   */
  public static final int ROTATE_SECONDS = 1;

  /** {@code stream.monitor_interval_millis} for streaming, when the config asks for more. */
  public static final int MONITOR_INTERVAL_MILLIS = 200;

  private final Collector collector;
  private final StreamJob job;
  private final Thread runner;
  private final AtomicReference<StreamReport> latest = new AtomicReference<>();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  private LiveStream(Collector collector, StreamJob job, Consumer<String> progress) {
    this.collector = collector;
    this.job = job.reports(latest::set).progress(progress);
    this.runner =
        new Thread(
            () -> {
              try {
                this.job.run();
              } catch (Exception | Error e) {
                failure.set(e);
                LOG.error("the streaming job stopped: {}", e.toString());
              }
            },
            "cdp-stream");
    runner.setDaemon(true);
  }

  /** {@code config} with the stream's monitoring at most {@link #MONITOR_INTERVAL_MILLIS}. */
  public static CdpConfig secondsLatency(CdpConfig config) {
    int monitor = Math.min(config.stream().monitorIntervalMillis(), MONITOR_INTERVAL_MILLIS);
    return config.withStream(config.stream().withMonitorIntervalMillis(monitor));
  }

  /**
   * Starts the collector ({@code collector} with {@link #ROTATE_SECONDS}; its write keys name
   * {@code source}) landing in {@code dir}, which must be in (or below) {@code source}'s directory
   * under {@code config}'s landing root, and the stream over that landing root (with {@link
   * #secondsLatency}) writing to {@code esUrl}. Throws {@code PORT_IN_USE} when the collector's
   * port is taken.
   */
  public static LiveStream start(
      CdpConfig config,
      String esUrl,
      CollectorConfig collector,
      String source,
      Path dir,
      Consumer<String> progress) {
    requireNonNull(config, "config is null");
    Collector created =
        Collector.create(
            collector.withRotateSeconds(ROTATE_SECONDS), config.workspace(), Map.of(source, dir));
    Collector started;
    try {
      started = created.start();
    } catch (RuntimeException e) {
      created.stop();
      throw e;
    }
    try {
      LiveStream live =
          new LiveStream(started, new StreamJob(secondsLatency(config), esUrl), progress);
      live.runner.start();
      return live;
    } catch (RuntimeException e) {
      started.stop();
      throw e;
    }
  }

  /** The collector's base URL, {@code http://127.0.0.1:<port>}. */
  public String collectorUrl() {
    return "http://127.0.0.1:" + collector.port();
  }

  /** The stream's latest figures, or null before its first report. */
  public StreamReport latest() {
    return latest.get();
  }

  /**
   * Waits until the stream has read {@code files} landing files, or, resumed from a checkpoint (it
   * does not read again what it had read), until its figures stop changing; prints a line when they
   * change. Throws when the job failed or {@code timeout} passed.
   */
  public StreamReport awaitCaughtUp(long files, Duration timeout, Consumer<String> print)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "";
    int stable = 0;
    while (true) {
      Throwable failed = failure.get();
      if (failed != null) {
        throw new CdpException(
            ErrorCode.STREAM_FAILED, "the streaming job failed: " + failed.getMessage(), failed);
      }
      StreamReport report = latest.get();
      if (report != null) {
        String line = report.progressLine();
        stable = line.equals(last) ? stable + 1 : 0;
        if (!line.equals(last)) {
          print.accept(String.format("%,d of %,d files: %s", report.files(), files, line));
          last = line;
        }
        if (report.files() >= files || (report.restoredFrom() != null && stable >= 6)) {
          return report;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new CdpException(
            ErrorCode.STREAM_FAILED,
            "the stream did not catch up with the landing files within "
                + timeout.toSeconds()
                + " s ("
                + last
                + ")");
      }
      Thread.sleep(500);
    }
  }

  /**
   * The finished landing files under the configured sources' directories (what the stream reads).
   */
  public static long landedFiles(IngestConfig ingest) {
    long count = 0;
    for (SourceConfig source : ingest.sources().values()) {
      URI uri = LandingPaths.toUri(ingest.location(source));
      if (!"file".equals(uri.getScheme()) || !Files.isDirectory(Path.of(uri))) {
        continue;
      }
      Path dir = Path.of(uri);
      try (Stream<Path> files = Files.walk(dir)) {
        count +=
            files
                .filter(Files::isRegularFile)
                .filter(
                    f ->
                        !LandingPaths.hiddenOrInProgress(
                            dir.toString(), f.toString(), f.getFileName().toString()))
                .count();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + dir, e);
      }
    }
    return count;
  }

  /** The landing directory of {@code source} (a local path under the landing root). */
  public static Path sourceDirectory(IngestConfig ingest, String source) {
    SourceConfig config = ingest.sources().get(source);
    if (config == null) {
      throw new CdpException(
          ErrorCode.CONFIG_INVALID, "ingest.sources has no source '" + source + "'");
    }
    return Path.of(LandingPaths.toUri(ingest.location(config)));
  }

  /** Cancels the stream (its checkpoints are kept) and stops the collector. */
  @Override
  public void close() {
    job.cancel();
    try {
      runner.join(Duration.ofSeconds(60).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    collector.stop();
  }
}
