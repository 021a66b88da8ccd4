package io.opencdp.jobs.kafka;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single-node KRaft Kafka broker the platform starts for the demo and the tests ({@code cdp
 * kafka start|stop|status}): broker and controller in one JVM of its own, bound on 127.0.0.1, run
 * from the Kafka server jars of Maven Central (the class path the {@code kafka-broker} module of
 * the build lists; never the jobs' class path, whose Scala and Jackson differ), in the background
 * (own session, output in {@code <home>/logs/console.log}) so it outlives the command that started
 * it. Its log directory {@code <home>/data} persists across restarts; it is formatted once.
 */
public final class LocalKafkaBroker {
  private static final Logger LOG = LoggerFactory.getLogger(LocalKafkaBroker.class);
  private static final String HOST = "127.0.0.1";
  private static final String BUILD_PROPERTIES = "kafka-broker.properties";
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);
  private static final int HEAP_MB = 512;

  /**
   * What {@link #status()} reports.
   *
   * @param running whether the broker's process is alive
   * @param pid its process id, -1 when not running
   * @param bootstrapServers {@code 127.0.0.1:<port>} (of the running broker, else of the last
   *     start, else the configured port)
   * @param home its home directory
   */
  public record Status(boolean running, long pid, String bootstrapServers, Path home) {
    public Status {
      requireNonNull(bootstrapServers, "bootstrapServers is null");
      requireNonNull(home, "home is null");
    }
  }

  private final Path home;
  private final int port;

  /**
   * The broker whose files live under {@code home} ({@code <work_dir>/kafka} for {@code cdp
   * kafka}), listening on {@code port} (0 picks a free one at start).
   */
  public LocalKafkaBroker(Path home, int port) {
    this.home = requireNonNull(home, "home is null").toAbsolutePath().normalize();
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    this.port = port;
  }

  /**
   * Starts the broker (formatting its log directory on the first start) and waits until it answers.
   * Idempotent: a running broker is left as it is.
   *
   * @throws CdpException PORT_IN_USE when the port is taken; ENVIRONMENT when the broker's class
   *     path was not built or it does not start in time (with its log tail)
   */
  public Status start() {
    Optional<ProcessHandle> running = process();
    if (running.isPresent()) {
      LOG.info("Kafka is already running (pid {})", running.get().pid());
      return status();
    }
    int brokerPort = port == 0 ? freePort() : requireFree(port);
    int controllerPort = freePort();
    String classPath = classPath();
    try {
      Files.createDirectories(home.resolve("logs"));
      Files.writeString(
          home.resolve("server.properties"), serverProperties(brokerPort, controllerPort));
      Files.writeString(home.resolve("log4j2.properties"), LOG4J);
      Files.writeString(home.resolve("port"), Integer.toString(brokerPort));
    } catch (IOException e) {
      throw new CdpException(ErrorCode.ENVIRONMENT, "cannot prepare " + home + ": " + e, e);
    }
    if (!Files.exists(home.resolve("data").resolve("meta.properties"))) {
      format(classPath);
    }
    Process process = launch(classPath, List.of("kafka.Kafka", "server.properties"), true);
    write(home.resolve("broker.pid"), Long.toString(process.pid()));
    String servers = HOST + ":" + brokerPort;
    try {
      awaitReady(servers, process);
    } catch (CdpException e) {
      process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw e;
    }
    LOG.info("Kafka is running at {} (pid {}), home {}", servers, process.pid(), home);
    return status();
  }

  /** Stops the broker: SIGTERM, then SIGKILL after a grace period. No-op when not running. */
  public void stop() {
    Optional<ProcessHandle> running = process();
    if (running.isEmpty()) {
      return;
    }
    ProcessHandle broker = running.get();
    broker.destroy();
    try {
      broker.onExit().get(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("Kafka (pid {}) did not stop in {}; killing it", broker.pid(), STOP_GRACE);
      broker.destroyForcibly();
    }
    try {
      Files.deleteIfExists(home.resolve("broker.pid"));
    } catch (IOException e) {
      LOG.warn("cannot delete {}: {}", home.resolve("broker.pid"), e.toString());
    }
  }

  /** Whether the broker runs, and where. Changes nothing. */
  public Status status() {
    String servers = HOST + ":" + read(home.resolve("port")).orElse(Integer.toString(port));
    return process()
        .map(p -> new Status(true, p.pid(), servers, home))
        .orElseGet(() -> new Status(false, -1, servers, home));
  }

  /** What the command line of this broker's JVM holds, among its first arguments. */
  private String marker() {
    return "-Dcdp.kafka.home=" + home;
  }

  /** The live process the pid file names, if it is this broker. */
  private Optional<ProcessHandle> process() {
    return read(home.resolve("broker.pid"))
        .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid.strip())))
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().commandLine().map(line -> line.contains(marker())).orElse(true));
  }

  private String serverProperties(int brokerPort, int controllerPort) {
    Map<String, String> settings =
        Map.ofEntries(
            Map.entry("process.roles", "broker,controller"),
            Map.entry("node.id", "1"),
            Map.entry("controller.quorum.voters", "1@" + HOST + ":" + controllerPort),
            Map.entry(
                "listeners",
                "PLAINTEXT://"
                    + HOST
                    + ":"
                    + brokerPort
                    + ",CONTROLLER://"
                    + HOST
                    + ":"
                    + controllerPort),
            Map.entry("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort),
            Map.entry("controller.listener.names", "CONTROLLER"),
            Map.entry("inter.broker.listener.name", "PLAINTEXT"),
            Map.entry("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT"),
            Map.entry("log.dirs", home.resolve("data").toString()),
            Map.entry("num.partitions", "1"),
            Map.entry("offsets.topic.replication.factor", "1"),
            Map.entry("offsets.topic.num.partitions", "1"),
            Map.entry("transaction.state.log.replication.factor", "1"),
            Map.entry("transaction.state.log.min.isr", "1"),
            Map.entry("share.coordinator.state.topic.replication.factor", "1"),
            Map.entry("share.coordinator.state.topic.min.isr", "1"),
            Map.entry("group.initial.rebalance.delay.ms", "0"),
            Map.entry("auto.create.topics.enable", "true"));
    StringBuilder out = new StringBuilder("# written by cdp kafka start; rewritten each start\n");
    settings.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> out.append(e.getKey()).append('=').append(e.getValue()).append('\n'));
    return out.toString();
  }

  private void format(String classPath) {
    byte[] id = new byte[16];
    new SecureRandom().nextBytes(id);
    String clusterId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    Process format =
        launch(
            classPath,
            List.of(
                "kafka.tools.StorageTool",
                "format",
                "-t",
                clusterId,
                "-c",
                "server.properties",
                "--ignore-formatted"),
            false);
    try {
      if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
        format.destroyForcibly();
        throw new CdpException(
            ErrorCode.ENVIRONMENT,
            "formatting the Kafka log directory failed\n" + tail(home.resolve("logs/format.log")));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CdpException(ErrorCode.ENVIRONMENT, "interrupted while formatting Kafka", e);
    }
  }

  private Process launch(String classPath, List<String> mainAndArgs, boolean background) {
    List<String> command = new ArrayList<>();
    if (background) {
      List.of("/usr/bin/setsid", "/bin/setsid").stream()
          .filter(p -> Files.isExecutable(Path.of(p)))
          .findFirst()
          .ifPresent(command::add);
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            // first, so it is in the 4 KiB of the command line the process table shows
            marker(),
            "-Xms" + HEAP_MB + "m",
            "-Xmx" + HEAP_MB + "m",
            "-Dlog4j2.configurationFile=" + home.resolve("log4j2.properties"),
            "-cp",
            classPath));
    command.addAll(mainAndArgs);
    Path log = home.resolve(background ? "logs/console.log" : "logs/format.log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    List.of("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS")
        .forEach(builder.environment()::remove);
    try {
      return builder.start();
    } catch (IOException e) {
      throw new CdpException(ErrorCode.ENVIRONMENT, "cannot start Kafka: " + e.getMessage(), e);
    }
  }

  private void awaitReady(String servers, Process process) {
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
    try (Admin admin = Admin.create(props)) {
      while (true) {
        if (!process.isAlive()) {
          throw notStarted("Kafka exited with code " + process.exitValue());
        }
        try {
          if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (Exception e) {
          LOG.debug("Kafka not ready yet: {}", e.toString());
        }
        if (System.nanoTime() > deadline) {
          throw notStarted("Kafka did not answer at " + servers + " within " + STARTUP_TIMEOUT);
        }
        Thread.sleep(300);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw notStarted("interrupted while waiting for Kafka");
    }
  }

  private CdpException notStarted(String what) {
    return new CdpException(
        ErrorCode.ENVIRONMENT,
        what
            + "\n--- last lines of "
            + home.resolve("logs/console.log")
            + " ---\n"
            + tail(home.resolve("logs/console.log")));
  }

  /** The broker's class path, listed by the build ({@code kafka-broker/target/classpath.txt}). */
  static String classPath() {
    Properties build = new Properties();
    try (InputStream in = LocalKafkaBroker.class.getResourceAsStream(BUILD_PROPERTIES)) {
      if (in == null) {
        throw new IllegalStateException(BUILD_PROPERTIES + " is missing from the class path");
      }
      build.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path file = Path.of(build.getProperty("classpath.file"));
    return read(file)
        .map(String::strip)
        .filter(cp -> !cp.isEmpty())
        .orElseThrow(
            () ->
                new CdpException(
                    ErrorCode.ENVIRONMENT,
                    "the Kafka broker's class path "
                        + file
                        + " is missing; build it: mvn -q -B generate-resources -f "
                        + file.getParent().getParent().resolve("pom.xml")));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(HOST, 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new CdpException(ErrorCode.ENVIRONMENT, "cannot find a free port: " + e, e);
    }
  }

  private static int requireFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(HOST, port));
      return port;
    } catch (IOException e) {
      throw new CdpException(
          ErrorCode.PORT_IN_USE,
          "port " + port + " is in use; stop what holds it or pass --port 0 (a free port)");
    }
  }

  private static Optional<String> read(Path file) {
    try {
      return Files.isRegularFile(file)
          ? Optional.of(Files.readString(file, StandardCharsets.UTF_8))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static void write(Path file, String content) {
    try {
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String tail(Path file) {
    List<String> lines = read(file).map(String::lines).map(s -> s.toList()).orElse(List.of());
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  private static final String LOG4J =
      """
      status = warn
      appender.console.type = Console
      appender.console.name = console
      appender.console.layout.type = PatternLayout
      appender.console.layout.pattern = [%d] %p %m (%c)%n
      rootLogger.level = info
      rootLogger.appenderRef.console.ref = console
      logger.kafka.name = kafka
      logger.kafka.level = info
      logger.apache.name = org.apache.kafka
      logger.apache.level = warn
      """;
}
