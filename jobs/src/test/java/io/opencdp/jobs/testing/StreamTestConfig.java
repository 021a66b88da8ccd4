package io.opencdp.jobs.testing;

import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The config of a stream test (a workspace, a work dir and a landing root under a temp dir), and
 * files landed as the collector lands them.
 */
public final class StreamTestConfig {
  private StreamTestConfig() {}

  /**
   * Writes {@code <dir>/cdp.yaml} with {@code workspace}, {@code work_dir} {@code <dir>/work}, the
   * landing root and {@code moreYaml} (top-level sections), and loads it.
   */
  public static CdpConfig write(Path dir, String workspace, Path landing, String moreYaml)
      throws IOException {
    Path yaml = dir.resolve("cdp.yaml");
    Files.writeString(
        yaml,
        "workspace: "
            + workspace
            + "\nwork_dir: "
            + dir.resolve("work")
            + "\ningest:\n  landing_root: "
            + landing
            + "\n"
            + moreYaml);
    return ConfigLoader.load(yaml);
  }

  /** Lands a file the way the collector does: written as {@code _name}, then renamed. */
  public static void land(Path sourceDir, String name, String content) throws IOException {
    Files.createDirectories(sourceDir);
    Path temp = sourceDir.resolve("_" + name);
    Files.writeString(temp, content);
    Files.move(temp, sourceDir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * The {@code api.keys} lines (below {@code api:}) giving the demo agent key {@code workspace}.
   */
  public static String demoAgentKey(String workspace) {
    return "  keys:\n    - id: stream-agent\n      sha256:"
        + " \"a3854d6880cae6a250797cd159536ed0128e592e795d41f99976934196251b30\"\n"
        + "      role: agent\n      workspace: "
        + workspace
        + "\n";
  }
}
