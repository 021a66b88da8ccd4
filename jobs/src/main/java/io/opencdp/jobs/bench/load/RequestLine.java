package io.opencdp.jobs.bench.load;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * One request the load generator may send: a line of its requests file (JSON lines).
 *
 * @param method the HTTP method, e.g. {@code GET} or {@code POST}
 * @param path the path and query, starting with {@code /}, already URL-encoded
 * @param headers extra headers, e.g. {@code Authorization: Bearer ...}; none when empty
 * @param body a JSON body (sent with {@code Content-Type: application/json}), or null
 */
public record RequestLine(String method, String path, Map<String, String> headers, String body) {
  public RequestLine {
    requireNonNull(method, "method is null");
    requireNonNull(path, "path is null");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/', got '" + path + "'");
    }
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  public static RequestLine get(String path, Map<String, String> headers) {
    return new RequestLine("GET", path, headers, null);
  }

  public static RequestLine post(String path, Map<String, String> headers, String body) {
    return new RequestLine("POST", path, headers, requireNonNull(body, "body is null"));
  }
}
