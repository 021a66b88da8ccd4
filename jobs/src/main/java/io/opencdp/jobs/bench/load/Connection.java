package io.opencdp.jobs.bench.load;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * One keep-alive HTTP/1.1 connection with at most one request outstanding, (re)connected on demand.
 * Blocking I/O on the worker's own thread: the least client-side work per request.
 */
final class Connection implements AutoCloseable {
  private final InetSocketAddress address;
  private final int timeoutMillis;
  private Socket socket;
  private OutputStream out;
  private ResponseReader reader;

  Connection(InetSocketAddress address, int timeoutMillis) {
    this.address = address;
    this.timeoutMillis = timeoutMillis;
  }

  /** Sends {@code request} (a whole encoded request) and reads the answer; returns its status. */
  int exchange(byte[] request) throws IOException {
    if (socket == null) {
      connect();
    }
    try {
      out.write(request);
      out.flush();
      int status = reader.read();
      if (reader.closeAfter()) {
        close();
      }
      return status;
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  private void connect() throws IOException {
    Socket s = new Socket();
    s.setTcpNoDelay(true);
    s.setKeepAlive(true);
    s.setSoTimeout(timeoutMillis);
    s.connect(address, timeoutMillis);
    socket = s;
    out = s.getOutputStream();
    reader = new ResponseReader(s.getInputStream());
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing a broken connection: nothing left to do with it
      }
      socket = null;
    }
  }
}
