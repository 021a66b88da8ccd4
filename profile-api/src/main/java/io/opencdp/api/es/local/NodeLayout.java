package io.opencdp.api.es.local;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Where one local node keeps its things. Everything but the distribution lives under {@code home}:
 *
 * <pre>
 * home/config/          the node's own config (ES_PATH_CONF), elasticsearch.yml rewritten per start
 * home/data/            path.data: persists across restarts
 * home/logs/            path.logs; logs/console.log is the node's stdout and stderr
 * home/tmp/             ES_TMPDIR
 * home/es.pid           written by Elasticsearch (-p), removed by it on a clean exit
 * home/es.port          the HTTP port of the last start (the config may say 0)
 * </pre>
 *
 * @param home the node's home
 * @param distribution the unpacked distribution (shared between nodes, read only)
 */
record NodeLayout(Path home, Path distribution) {

  NodeLayout {
    requireNonNull(home, "home is null");
    requireNonNull(distribution, "distribution is null");
    home = home.toAbsolutePath().normalize();
    distribution = distribution.toAbsolutePath().normalize();
  }

  Path configDir() {
    return home.resolve("config");
  }

  Path dataDir() {
    return home.resolve("data");
  }

  Path logsDir() {
    return home.resolve("logs");
  }

  Path tmpDir() {
    return home.resolve("tmp");
  }

  Path consoleLog() {
    return logsDir().resolve("console.log");
  }

  Path pidFile() {
    return home.resolve("es.pid");
  }

  Path portFile() {
    return home.resolve("es.port");
  }

  Path executable() {
    return distribution.resolve("bin").resolve("elasticsearch");
  }

  /** The pid in the pid file, if the file exists and holds a number. */
  OptionalLong readPid() {
    return readNumber(pidFile()).map(OptionalLong::of).orElse(OptionalLong.empty());
  }

  /** The HTTP port recorded by the last start, if any. */
  OptionalInt readPort() {
    return readNumber(portFile())
        .map(n -> OptionalInt.of(n.intValue()))
        .orElse(OptionalInt.empty());
  }

  void writePort(int port) throws IOException {
    Files.writeString(portFile(), port + "\n", StandardCharsets.UTF_8);
  }

  private static Optional<Long> readNumber(Path file) {
    try {
      return Optional.of(Long.parseLong(Files.readString(file).strip()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
