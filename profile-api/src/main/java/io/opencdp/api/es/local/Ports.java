package io.opencdp.api.es.local;

import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** TCP ports on the loopback address the node binds. */
final class Ports {
  static final String HOST = "127.0.0.1";

  private Ports() {}

  /** A port that was free a moment ago. */
  static int pickFree() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port on " + HOST, e);
    }
  }

  /**
   * Whether a listener could bind the port. SO_REUSEADDR as Elasticsearch sets it, so connections
   * of a node that just stopped (TIME_WAIT) do not count as in use.
   */
  static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port), 1);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Fails with {@link ErrorCode#PORT_IN_USE} naming the port when something holds it. */
  static void requireFree(int port) {
    if (!isFree(port)) {
      throw new CdpException(
          ErrorCode.PORT_IN_USE,
          "port "
              + port
              + " on "
              + HOST
              + " is already in use by another process; stop it or set elasticsearch.port in"
              + " cdp.yaml (0 picks a free port)");
    }
  }
}
