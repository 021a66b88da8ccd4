package io.opencdp.api.es.local;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who the node runs as. Elasticsearch refuses to run as root, so when the launcher is root the node
 * runs as an unprivileged system user (created if missing) that owns the node's home, started
 * through {@code runuser}. Otherwise the node runs as the current user and nothing changes hands.
 *
 * @param name the system user the node runs as when the launcher is root
 * @param root whether the launcher runs as root
 */
record NodeUser(String name, boolean root) {
  private static final Logger LOG = LoggerFactory.getLogger(NodeUser.class);
  private static final String NOLOGIN = "/usr/sbin/nologin";

  NodeUser {
    requireNonNull(name, "name is null");
  }

  /** The node user for this process: {@code runAsUser} when running as root. */
  static NodeUser forCurrentProcess(String runAsUser) {
    return new NodeUser(runAsUser, isRoot());
  }

  /** Whether this JVM runs with effective uid 0. */
  static boolean isRoot() {
    if ("root".equals(System.getProperty("user.name"))) {
      return true;
    }
    try {
      // /proc/self belongs to the effective uid of the process reading it
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return false;
    }
  }

  /** The command prefix that runs what follows as the node user (empty when not root). */
  List<String> commandPrefix() {
    return root ? List.of("runuser", "-u", name, "--") : List.of();
  }

  /**
   * As root: creates the system user if it is missing, checks it can reach {@code home}, the
   * distribution and the JVM, and hands the home tree to it. Not root: nothing to do.
   */
  void prepare(Path home, Path distribution, Path javaHome) {
    if (!root) {
      return;
    }
    UserPrincipal user = lookupOrCreate();
    requireReachable(home, "the Elasticsearch home (elasticsearch.home)");
    requireReachable(distribution, "the unpacked Elasticsearch distribution");
    requireReachable(javaHome, "the Java runtime (java.home)");
    try {
      FileTrees.chown(home, user);
    } catch (IOException e) {
      throw new CdpException(
          ErrorCode.ENVIRONMENT, "cannot give " + home + " to user '" + name + "': " + e, e);
    }
  }

  private UserPrincipal lookupOrCreate() {
    try {
      return lookup();
    } catch (UserPrincipalNotFoundException missing) {
      LOG.info("Creating the system user '{}' the Elasticsearch node runs as", name);
      runUseradd();
      try {
        return lookup();
      } catch (IOException e) {
        throw new CdpException(
            ErrorCode.ENVIRONMENT, "user '" + name + "' was created but cannot be looked up", e);
      }
    } catch (IOException e) {
      throw new CdpException(ErrorCode.ENVIRONMENT, "cannot look up user '" + name + "': " + e, e);
    }
  }

  private UserPrincipal lookup() throws IOException {
    return FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(name);
  }

  private void runUseradd() {
    List<String> command =
        List.of("useradd", "--system", "--no-create-home", "--shell", NOLOGIN, name);
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new CdpException(ErrorCode.ENVIRONMENT, "useradd for '" + name + "' timed out");
      }
      // 9: the user exists already (created concurrently)
      if (process.exitValue() != 0 && process.exitValue() != 9) {
        throw new CdpException(
            ErrorCode.ENVIRONMENT,
            "cannot create the system user '"
                + name
                + "' (elasticsearch.run_as_user) that Elasticsearch runs as: "
                + String.join(" ", command)
                + " exited with "
                + process.exitValue()
                + ": "
                + output.strip());
      }
    } catch (IOException e) {
      throw new CdpException(
          ErrorCode.ENVIRONMENT,
          "cannot run useradd to create the system user '" + name + "': " + e.getMessage(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CdpException(ErrorCode.ENVIRONMENT, "interrupted while creating '" + name + "'", e);
    }
  }

  /**
   * Fails when a directory above {@code path} does not let others through (e.g. {@code /root}),
   * which would keep the node user out.
   */
  private void requireReachable(Path path, String what) {
    for (Path dir = path.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
      try {
        if (!Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE)) {
          throw new CdpException(
              ErrorCode.ENVIRONMENT,
              what
                  + " "
                  + path
                  + " is not reachable by user '"
                  + name
                  + "' that Elasticsearch runs as: "
                  + dir
                  + " is not searchable by other users; use a location outside it, e.g. the"
                  + " default /var/tmp/opencdp/es");
        }
      } catch (IOException e) {
        throw new CdpException(ErrorCode.ENVIRONMENT, "cannot read permissions of " + dir, e);
      }
    }
  }
}
