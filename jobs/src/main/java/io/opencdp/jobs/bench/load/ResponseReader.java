package io.opencdp.jobs.bench.load;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads HTTP/1.1 responses off one keep-alive connection and throws their bodies away: the status
 * line, the headers, then a {@code Content-Length} or chunked body (or, without either, everything
 * up to the close). Buffered, allocation-free per response apart from the status line.
 */
final class ResponseReader {
  private static final int MAX_LINE = 16 * 1024;

  private final InputStream in;
  private final byte[] buffer = new byte[64 * 1024];
  private final byte[] line = new byte[MAX_LINE];
  private int position;
  private int limit;
  private boolean closeAfter;

  ResponseReader(InputStream in) {
    this.in = in;
  }

  /** Whether the last response said {@code Connection: close} (or was delimited by the close). */
  boolean closeAfter() {
    return closeAfter;
  }

  /** Reads one whole response and returns its status. */
  int read() throws IOException {
    int status;
    do {
      status = parseStatus(readLine());
      readHeadersAndBody(status);
    } while (status >= 100 && status < 200);
    return status;
  }

  private void readHeadersAndBody(int status) throws IOException {
    long contentLength = -1;
    boolean chunked = false;
    closeAfter = false;
    while (true) {
      int length = readLineInto();
      if (length == 0) {
        break;
      }
      int colon = indexOf(line, length, (byte) ':');
      if (colon <= 0) {
        continue;
      }
      String name = new String(line, 0, colon, StandardCharsets.US_ASCII).strip();
      if (name.equalsIgnoreCase("content-length")) {
        contentLength = Long.parseLong(value(colon, length));
      } else if (name.equalsIgnoreCase("transfer-encoding")) {
        chunked = value(colon, length).toLowerCase(Locale.ROOT).contains("chunked");
      } else if (name.equalsIgnoreCase("connection")) {
        closeAfter = value(colon, length).equalsIgnoreCase("close");
      }
    }
    if ((status >= 100 && status < 200) || status == 204 || status == 304) {
      return;
    }
    if (chunked) {
      skipChunks();
    } else if (contentLength >= 0) {
      skip(contentLength);
    } else {
      while (fill()) {
        position = limit;
      }
      closeAfter = true;
    }
  }

  private void skipChunks() throws IOException {
    while (true) {
      int length = readLineInto();
      String size = new String(line, 0, length, StandardCharsets.US_ASCII);
      int semicolon = size.indexOf(';');
      long chunk =
          Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
      if (chunk == 0) {
        while (readLineInto() != 0) {
          // trailers
        }
        return;
      }
      skip(chunk);
      readLineInto();
    }
  }

  private String value(int colon, int length) {
    return new String(line, colon + 1, length - colon - 1, StandardCharsets.US_ASCII).strip();
  }

  static int parseStatus(String statusLine) throws IOException {
    // HTTP/1.1 200 OK
    if (!statusLine.startsWith("HTTP/") || statusLine.length() < 12) {
      throw new IOException("not an HTTP status line: '" + statusLine + "'");
    }
    try {
      return Integer.parseInt(statusLine.substring(9, 12));
    } catch (NumberFormatException e) {
      throw new IOException("not an HTTP status line: '" + statusLine + "'", e);
    }
  }

  private String readLine() throws IOException {
    int length = readLineInto();
    return new String(line, 0, length, StandardCharsets.US_ASCII);
  }

  /** Reads up to CRLF (or LF) into {@link #line}, without it; returns the length. */
  private int readLineInto() throws IOException {
    int length = 0;
    while (true) {
      if (position == limit && !fill()) {
        throw new EOFException("connection closed in the middle of a response");
      }
      byte b = buffer[position++];
      if (b == '\n') {
        return length > 0 && line[length - 1] == '\r' ? length - 1 : length;
      }
      if (length == MAX_LINE) {
        throw new IOException("response line longer than " + MAX_LINE + " bytes");
      }
      line[length++] = b;
    }
  }

  private void skip(long bytes) throws IOException {
    long left = bytes;
    while (left > 0) {
      if (position == limit && !fill()) {
        throw new EOFException("connection closed in the middle of a response body");
      }
      int n = (int) Math.min(left, limit - position);
      position += n;
      left -= n;
    }
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer, 0, buffer.length);
    if (n <= 0) {
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }

  private static int indexOf(byte[] bytes, int length, byte b) {
    for (int i = 0; i < length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
