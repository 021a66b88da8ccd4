package io.opencdp.api.es.local;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.config.ElasticsearchConfig;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single local Elasticsearch node the platform starts itself ({@code cdp es start|stop|status}
 * and the integration tests): one node bound on 127.0.0.1, security off, pinned heap, running in
 * the background (its own session, output in {@code <home>/logs/console.log}) so it outlives the
 * command that started it. Its data under {@code <home>/data} persists across restarts.
 *
 * <p>When the launcher runs as root the node runs as the system user {@code
 * elasticsearch.run_as_user} (created if missing) through {@code runuser}, because Elasticsearch
 * refuses root; the home then defaults to {@code /var/tmp/opencdp/es}, which that user can reach.
 * See {@link NodeLayout} for the files under the home.
 */
public final class LocalEsNode {
  private static final Logger LOG = LoggerFactory.getLogger(LocalEsNode.class);
  private static final Path ROOT_HOME = Path.of("/var/tmp/opencdp/es");
  private static final Duration STOP_GRACE = Duration.ofSeconds(60);
  private static final long POLL_MILLIS = 500;
  private static final int LOG_TAIL_LINES = 40;

  /**
   * What {@link #status()} reports.
   *
   * @param running whether the node's process is alive
   * @param pid the node's process id, -1 when not running
   * @param port the HTTP port (of the running node, else of the last start, else configured)
   * @param url the node's base URL
   * @param home the node's home directory
   * @param health the cluster status ({@code green}, {@code yellow}, {@code red}); {@code
   *     unreachable} when running but not answering, {@code stopped} when not running
   */
  public record EsNodeStatus(
      boolean running, long pid, int port, String url, Path home, String health) {
    public EsNodeStatus {
      requireNonNull(url, "url is null");
      requireNonNull(home, "home is null");
      requireNonNull(health, "health is null");
    }
  }

  private final ElasticsearchConfig config;
  private final Path home;
  private final Path distributionRoot;
  private final EsDistribution distribution;
  private final NodeUser user;
  private final HealthProbe probe = new HealthProbe();

  private LocalEsNode(ElasticsearchConfig config, Path home, Path distributionRoot) {
    this.config = requireNonNull(config, "config is null");
    this.home = home.toAbsolutePath().normalize();
    this.distributionRoot = distributionRoot.toAbsolutePath().normalize();
    this.distribution = EsDistribution.fromBuild();
    this.user = NodeUser.forCurrentProcess(config.runAsUser());
  }

  /**
   * The node described by {@code config}. Its home is {@code elasticsearch.home}, else {@code
   * /var/tmp/opencdp/es} when running as root, else {@code <workDir>/es}; the distribution is
   * unpacked under the home.
   */
  public static LocalEsNode fromConfig(ElasticsearchConfig config, Path workDir) {
    requireNonNull(config, "config is null");
    requireNonNull(workDir, "workDir is null");
    Path home =
        config.home() != null
            ? config.home()
            : NodeUser.isRoot() ? ROOT_HOME : workDir.resolve("es");
    return new LocalEsNode(config, home, home);
  }

  /**
   * The same node with the distribution unpacked under {@code root} instead of its home, so that
   * several nodes (e.g. short-lived test nodes) share one unpacked copy.
   */
  public LocalEsNode withDistributionRoot(Path root) {
    return new LocalEsNode(config, home, requireNonNull(root, "root is null"));
  }

  /** {@code http://127.0.0.1:<port>}; with port 0 configured, the port is known once started. */
  public String url() {
    return urlFor(currentPort(layout()));
  }

  /**
   * Starts the node and waits until it is healthy. Idempotent: when this node already runs and is
   * healthy, returns its status. A pid file naming a dead process is stale and ignored.
   *
   * @throws CdpException PORT_IN_USE when the HTTP port is held by another process;
   *     ELASTICSEARCH_UNAVAILABLE when the node does not become healthy in time (with its log
   *     tail); ENVIRONMENT or INPUT_NOT_FOUND when it cannot be set up
   */
  public EsNodeStatus start() {
    NodeLayout layout = layout();
    Optional<ProcessHandle> running = NodeProcesses.liveNode(layout);
    if (running.isPresent()) {
      String url = urlFor(currentPort(layout));
      LOG.info("Elasticsearch is already running (pid {}) at {}", running.get().pid(), url);
      awaitHealthy(url, null, layout, System.nanoTime());
      return status();
    }
    int httpPort = config.port() == 0 ? Ports.pickFree() : config.port();
    Ports.requireFree(httpPort);
    int transportPort = pickTransportPort(httpPort);
    distribution.unpackInto(distributionRoot);
    try {
      Files.createDirectories(home);
      NodeSettings.write(layout, httpPort, transportPort);
      layout.writePort(httpPort);
    } catch (IOException e) {
      throw new CdpException(
          ErrorCode.ENVIRONMENT, "cannot prepare the Elasticsearch home " + home + ": " + e, e);
    }
    Path javaHome = Path.of(System.getProperty("java.home"));
    user.prepare(home, layout.distribution(), javaHome);
    String url = urlFor(httpPort);
    long started = System.nanoTime();
    Process process = launch(layout, javaHome);
    LOG.info(
        "Started Elasticsearch {} (launcher pid {}) at {}, home {}, heap {} MiB",
        distribution.version(),
        process.pid(),
        url,
        home,
        config.heapMb());
    try {
      awaitHealthy(url, process, layout, started);
    } catch (CdpException e) {
      abortLaunch(process, layout);
      throw e;
    }
    EsNodeStatus status = status();
    LOG.info(
        "Elasticsearch is {} at {} (pid {}) after {} s",
        status.health(),
        url,
        status.pid(),
        (System.nanoTime() - started) / 1_000_000_000);
    return status;
  }

  /** Stops the node: SIGTERM, then SIGKILL after a grace period. No-op when not running. */
  public void stop() {
    NodeLayout layout = layout();
    Optional<ProcessHandle> running = NodeProcesses.liveNode(layout);
    if (running.isEmpty()) {
      LOG.info("Elasticsearch is not running (home {})", home);
      return;
    }
    long pid = running.get().pid();
    LOG.info("Stopping Elasticsearch (pid {})", pid);
    boolean killed = NodeProcesses.terminate(running.get(), STOP_GRACE);
    NodeProcesses.deleteQuietly(layout.pidFile());
    LOG.info("Elasticsearch (pid {}) {}", pid, killed ? "killed" : "stopped");
  }

  /** Whether the node runs, and its cluster health when it answers. Changes nothing. */
  public EsNodeStatus status() {
    NodeLayout layout = layout();
    int port = currentPort(layout);
    String url = urlFor(port);
    Optional<ProcessHandle> running = NodeProcesses.find(layout);
    if (running.isEmpty()) {
      return new EsNodeStatus(false, -1, port, url, home, "stopped");
    }
    String health = probe.health(url).orElse("unreachable");
    return new EsNodeStatus(true, running.get().pid(), port, url, home, health);
  }

  private NodeLayout layout() {
    return new NodeLayout(home, distribution.directoryUnder(distributionRoot));
  }

  private int currentPort(NodeLayout layout) {
    return layout.readPort().orElse(config.port());
  }

  private static String urlFor(int port) {
    return "http://" + Ports.HOST + ":" + port;
  }

  private static int pickTransportPort(int httpPort) {
    int port = Ports.pickFree();
    while (port == httpPort) {
      port = Ports.pickFree();
    }
    return port;
  }

  private Process launch(NodeLayout layout, Path javaHome) {
    List<String> command = new ArrayList<>();
    setsid().ifPresent(command::add);
    command.addAll(user.commandPrefix());
    // -q: no console logging once started (logs/<cluster>.log has it); startup errors still show
    command.addAll(
        List.of(layout.executable().toString(), "-q", "-p", layout.pidFile().toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(layout.home().toFile())
            .redirectErrorStream(true)
            .redirectOutput(layout.consoleLog().toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Map<String, String> env = builder.environment();
    List.of("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS").forEach(env::remove);
    env.put("ES_JAVA_HOME", javaHome.toString());
    env.put("ES_PATH_CONF", layout.configDir().toString());
    env.put("ES_TMPDIR", layout.tmpDir().toString());
    env.put("ES_JAVA_OPTS", "-Xms" + config.heapMb() + "m -Xmx" + config.heapMb() + "m");
    LOG.info("Starting Elasticsearch: {}", String.join(" ", command));
    try {
      return builder.start();
    } catch (IOException e) {
      throw new CdpException(
          ErrorCode.ENVIRONMENT,
          "cannot start Elasticsearch (" + String.join(" ", command) + "): " + e.getMessage(),
          e);
    }
  }

  private static Optional<String> setsid() {
    return List.of("/usr/bin/setsid", "/bin/setsid").stream()
        .filter(p -> Files.isExecutable(Path.of(p)))
        .findFirst();
  }

  /**
   * Polls the cluster health until green or yellow. Fails early when the launched process exits,
   * and after {@code elasticsearch.startup_timeout_seconds}.
   */
  private void awaitHealthy(String url, Process launched, NodeLayout layout, long startedNanos) {
    long deadline = startedNanos + Duration.ofSeconds(config.startupTimeoutSeconds()).toNanos();
    while (true) {
      if (HealthProbe.isHealthy(probe.health(url))) {
        return;
      }
      if (launched != null && !launched.isAlive()) {
        throw unavailable(
            "Elasticsearch exited with code " + launched.exitValue() + " before it became healthy",
            layout);
      }
      if (System.nanoTime() > deadline) {
        throw unavailable(
            "Elasticsearch at "
                + url
                + " did not become healthy within "
                + config.startupTimeoutSeconds()
                + " s (elasticsearch.startup_timeout_seconds)",
            layout);
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw unavailable("interrupted while waiting for Elasticsearch at " + url, layout);
      }
    }
  }

  private CdpException unavailable(String what, NodeLayout layout) {
    Path mainLog = layout.logsDir().resolve(NodeSettings.CLUSTER_NAME + ".log");
    return new CdpException(
        ErrorCode.ELASTICSEARCH_UNAVAILABLE,
        what
            + "\n--- last lines of "
            + layout.consoleLog()
            + " ---\n"
            + FileTrees.tail(layout.consoleLog(), LOG_TAIL_LINES)
            + "\n--- last lines of "
            + mainLog
            + " ---\n"
            + FileTrees.tail(mainLog, LOG_TAIL_LINES));
  }

  private void abortLaunch(Process process, NodeLayout layout) {
    LOG.warn("Stopping the Elasticsearch that failed to start (launcher pid {})", process.pid());
    NodeProcesses.liveNode(layout).ifPresent(NodeProcesses::killTree);
    NodeProcesses.killTree(process.toHandle());
    NodeProcesses.deleteQuietly(layout.pidFile());
  }
}
