package io.opencdp.api.es.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * The node's configuration directory: a copy of the distribution's {@code config/} made on the
 * first start (Elasticsearch writes its keystore there, so each node has its own), with {@code
 * elasticsearch.yml} rewritten on every start because the ports may change.
 *
 * <p>Only settings the {@code integ-test-zip} distribution knows are set: it ships the modules
 * {@code transport-netty4}, {@code x-pack-core}, {@code x-pack-security} and {@code apm}, so {@code
 * xpack.security.enabled} exists (and must be false for plain HTTP without credentials).
 */
final class NodeSettings {
  static final String CLUSTER_NAME = "opencdp";

  private NodeSettings() {}

  /** Creates the node's directories and writes its config for the given ports. */
  static void write(NodeLayout layout, int httpPort, int transportPort) throws IOException {
    Files.createDirectories(layout.dataDir());
    Files.createDirectories(layout.logsDir());
    Files.createDirectories(layout.tmpDir());
    if (!Files.isDirectory(layout.configDir())) {
      copyTree(layout.distribution().resolve("config"), layout.configDir());
    }
    Files.writeString(
        layout.configDir().resolve("elasticsearch.yml"),
        yaml(layout, httpPort, transportPort),
        StandardCharsets.UTF_8);
  }

  static String yaml(NodeLayout layout, int httpPort, int transportPort) {
    return String.join(
        "\n",
        "# Written by OpenCDP (LocalEsNode) on every start; edits are overwritten.",
        "cluster.name: " + CLUSTER_NAME,
        "node.name: opencdp-local",
        "network.host: 127.0.0.1",
        "http.port: " + httpPort,
        "transport.port: " + transportPort,
        "discovery.type: single-node",
        "path.data: " + quoted(layout.dataDir()),
        "path.logs: " + quoted(layout.logsDir()),
        "xpack.security.enabled: false",
        "cluster.routing.allocation.disk.threshold_enabled: false",
        "");
  }

  private static String quoted(Path path) {
    return "\"" + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static void copyTree(Path source, Path target) throws IOException {
    Path partial = target.resolveSibling(target.getFileName() + ".partial");
    FileTrees.deleteRecursively(partial);
    try (Stream<Path> entries = Files.walk(source)) {
      for (Path entry : (Iterable<Path>) entries::iterator) {
        Path out = partial.resolve(source.relativize(entry).toString());
        if (Files.isDirectory(entry)) {
          Files.createDirectories(out);
        } else {
          Files.copy(entry, out, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
  }
}
