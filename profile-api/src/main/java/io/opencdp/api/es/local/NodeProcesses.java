package io.opencdp.api.es.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds the node's process from its pid file and ends it. */
final class NodeProcesses {
  private static final Logger LOG = LoggerFactory.getLogger(NodeProcesses.class);
  private static final String ES_MAIN_CLASS = "org.elasticsearch.bootstrap.Elasticsearch";

  private NodeProcesses() {}

  /**
   * The live node process named by the pid file. A pid file naming a dead process, or a process
   * that is not this node's Elasticsearch (the pid was reused), is stale: it is removed.
   */
  static Optional<ProcessHandle> liveNode(NodeLayout layout) {
    OptionalLong pid = layout.readPid();
    Optional<ProcessHandle> process = find(layout);
    if (pid.isPresent() && process.isEmpty()) {
      LOG.info(
          "Removing the stale pid file {}: process {} is not this node's running Elasticsearch",
          layout.pidFile(),
          pid.getAsLong());
      deleteQuietly(layout.pidFile());
    }
    return process;
  }

  /** The live node process named by the pid file; changes nothing. */
  static Optional<ProcessHandle> find(NodeLayout layout) {
    OptionalLong pid = layout.readPid();
    if (pid.isEmpty()) {
      return Optional.empty();
    }
    return ProcessHandle.of(pid.getAsLong()).filter(p -> isThisNode(p, layout));
  }

  /**
   * Whether the process is the Elasticsearch server of this node: its command line runs the
   * server's main class with this node's {@code ES_TMPDIR} (the server's arguments do not name the
   * config directory, that reaches it over stdin). Reads {@code /proc/<pid>/cmdline}; where that is
   * unavailable, trusts any live process.
   */
  static boolean isThisNode(ProcessHandle process, NodeLayout layout) {
    if (!process.isAlive()) {
      return false;
    }
    Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
    String command;
    try {
      command =
          new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).replace('\0', ' ') + " ";
    } catch (IOException e) {
      command = process.info().commandLine().map(c -> c + " ").orElse(null);
    }
    if (command == null) {
      return process.isAlive();
    }
    return command.contains(ES_MAIN_CLASS)
        && command.contains("-Djava.io.tmpdir=" + layout.tmpDir() + " ");
  }

  /**
   * Sends SIGTERM, waits up to {@code grace} for the process to exit, then sends SIGKILL. Returns
   * whether it had to kill.
   */
  static boolean terminate(ProcessHandle process, Duration grace) {
    process.destroy();
    if (awaitExit(process, grace)) {
      return false;
    }
    LOG.warn(
        "Elasticsearch (pid {}) did not exit within {} s of SIGTERM; sending SIGKILL",
        process.pid(),
        grace.toSeconds());
    process.destroyForcibly();
    awaitExit(process, Duration.ofSeconds(30));
    return true;
  }

  /** Ends a launched process and everything it started, without waiting long. */
  static void killTree(ProcessHandle root) {
    root.descendants().forEach(ProcessHandle::destroyForcibly);
    root.destroyForcibly();
    root.descendants().forEach(p -> awaitExit(p, Duration.ofSeconds(10)));
    awaitExit(root, Duration.ofSeconds(10));
  }

  static boolean awaitExit(ProcessHandle process, Duration timeout) {
    try {
      process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return !process.isAlive();
    } catch (ExecutionException e) {
      return !process.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }

  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("Cannot delete {}: {}", file, e.toString());
    }
  }
}
