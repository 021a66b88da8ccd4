package io.opencdp.jobs.bench.load;

import io.opencdp.schemas.json.Json;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The requests of a run, encoded once as whole HTTP/1.1 requests (request line, {@code Host},
 * headers, body) and shuffled by the seed, so sending one is a single write.
 */
final class EncodedRequests {
  private final byte[][] requests;

  private EncodedRequests(byte[][] requests) {
    this.requests = requests;
  }

  static EncodedRequests of(List<RequestLine> lines, String baseUrl, long seed) {
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("no requests to send");
    }
    URI base = URI.create(baseUrl);
    String host = base.getHost() + ":" + base.getPort();
    byte[][] encoded = new byte[lines.size()][];
    for (int i = 0; i < encoded.length; i++) {
      encoded[i] = encode(lines.get(i), host);
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = encoded.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      byte[] t = encoded[i];
      encoded[i] = encoded[j];
      encoded[j] = t;
    }
    return new EncodedRequests(encoded);
  }

  /** The request to send as the {@code i}-th, cycling through the shuffled requests. */
  byte[] get(long i) {
    return requests[(int) (i % requests.length)];
  }

  static byte[] encode(RequestLine line, String host) {
    StringBuilder head = new StringBuilder(256);
    head.append(line.method()).append(' ').append(line.path()).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(host).append("\r\n");
    for (Map.Entry<String, String> header : line.headers().entrySet()) {
      head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
    }
    byte[] body = line.body() == null ? new byte[0] : line.body().getBytes(StandardCharsets.UTF_8);
    if (line.body() != null) {
      head.append("Content-Type: application/json\r\n");
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, all, 0, headBytes.length);
    System.arraycopy(body, 0, all, headBytes.length, body.length);
    return all;
  }

  /** Writes {@code lines} as a requests file (one JSON object per line). */
  static void write(Path file, List<RequestLine> lines) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (RequestLine line : lines) {
        out.write(Json.mapper().writeValueAsString(line));
        out.newLine();
      }
    }
  }

  static List<RequestLine> read(Path file) throws IOException {
    List<RequestLine> lines = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String text;
      while ((text = in.readLine()) != null) {
        if (!text.isBlank()) {
          lines.add(Json.mapper().readValue(text, RequestLine.class));
        }
      }
    }
    return lines;
  }
}
