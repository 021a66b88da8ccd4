package io.opencdp.jobs.bench.load;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Set;

/**
 * What one load run does: the load generator's input.
 *
 * @param label a name for logs and figures, e.g. {@code api.id}
 * @param baseUrl {@code http://host:port} (plain HTTP/1.1 with keep-alive)
 * @param requestsFile the requests, one {@link RequestLine} JSON per line
 * @param mode {@link Mode#OPEN}: fixed rate; {@link Mode#SATURATE}: every connection sends back to
 *     back (throughput only; its latencies are closed-loop and say little)
 * @param rate the fixed rate in requests per second ({@code OPEN}; ignored when saturating)
 * @param warmupSeconds sent but not measured
 * @param durationSeconds measured, after the warm-up
 * @param maxInFlight connections, each with at most one request outstanding
 * @param seed the order in which the requests file is cycled through
 * @param expectedStatuses statuses that count as success; any other is an error
 * @param timeoutMillis connect and read timeout of one request
 */
public record LoadSpec(
    String label,
    String baseUrl,
    Path requestsFile,
    Mode mode,
    double rate,
    double warmupSeconds,
    double durationSeconds,
    int maxInFlight,
    long seed,
    Set<Integer> expectedStatuses,
    int timeoutMillis) {

  /** How requests are paced. */
  public enum Mode {
    OPEN,
    SATURATE
  }

  public LoadSpec {
    requireNonNull(label, "label is null");
    requireNonNull(baseUrl, "base_url is null");
    requireNonNull(requestsFile, "requests_file is null");
    requireNonNull(mode, "mode is null");
    if (!baseUrl.startsWith("http://")) {
      throw new IllegalArgumentException("base_url must be plain http://host:port, got " + baseUrl);
    }
    if (mode == Mode.OPEN && !(rate > 0)) {
      throw new IllegalArgumentException("rate must be positive, got " + rate);
    }
    if (warmupSeconds < 0 || !(durationSeconds > 0)) {
      throw new IllegalArgumentException(
          "warmup_seconds must be >= 0 and duration_seconds > 0, got "
              + warmupSeconds
              + " and "
              + durationSeconds);
    }
    if (maxInFlight < 1 || maxInFlight > 1024) {
      throw new IllegalArgumentException("max_in_flight must be 1..1024, got " + maxInFlight);
    }
    expectedStatuses = Set.copyOf(requireNonNull(expectedStatuses, "expected_statuses is null"));
    if (timeoutMillis < 1) {
      throw new IllegalArgumentException("timeout_millis must be positive, got " + timeoutMillis);
    }
  }

  /** An open-loop run at a fixed rate, expecting 200, with a 10 s request timeout. */
  public static LoadSpec open(
      String label,
      String baseUrl,
      Path requestsFile,
      double rate,
      double warmupSeconds,
      double durationSeconds,
      int maxInFlight,
      long seed) {
    return new LoadSpec(
        label,
        baseUrl,
        requestsFile,
        Mode.OPEN,
        rate,
        warmupSeconds,
        durationSeconds,
        maxInFlight,
        seed,
        Set.of(200),
        10_000);
  }

  public LoadSpec withRate(double newRate) {
    return new LoadSpec(
        label,
        baseUrl,
        requestsFile,
        mode,
        newRate,
        warmupSeconds,
        durationSeconds,
        maxInFlight,
        seed,
        expectedStatuses,
        timeoutMillis);
  }

  public LoadSpec withExpectedStatuses(Set<Integer> statuses) {
    return new LoadSpec(
        label,
        baseUrl,
        requestsFile,
        mode,
        rate,
        warmupSeconds,
        durationSeconds,
        maxInFlight,
        seed,
        statuses,
        timeoutMillis);
  }

  /** The same requests sent back to back on every connection, for the throughput ceiling. */
  public LoadSpec saturating() {
    return new LoadSpec(
        label,
        baseUrl,
        requestsFile,
        Mode.SATURATE,
        rate,
        warmupSeconds,
        durationSeconds,
        maxInFlight,
        seed,
        expectedStatuses,
        timeoutMillis);
  }
}
