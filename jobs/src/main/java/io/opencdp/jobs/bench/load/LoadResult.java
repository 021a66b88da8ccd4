package io.opencdp.jobs.bench.load;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one load run measured, over the requests due after the warm-up.
 *
 * @param label the spec's label
 * @param mode the spec's mode
 * @param targetRate the fixed rate asked for (0 when saturating)
 * @param maxInFlight connections used
 * @param requests measured requests: due after the warm-up (abandoned ones included)
 * @param completed measured requests answered (any status)
 * @param statuses answers by HTTP status
 * @param errors unexpected statuses ({@code status_404}) and exceptions ({@code
 *     SocketTimeoutException}) by kind; {@code unfinished} for requests still unanswered when the
 *     drain timed out
 * @param backlogged measured requests that, when due, found every connection busy and waited
 * @param achievedRate answered requests per second over the measured window
 * @param measuredSeconds from the first measured request's due time to the last answer
 * @param latency from the intended send time to the end of the answer (coordinated-omission free;
 *     an unfinished request counts with the time it had waited when the drain ended)
 * @param service from the actual send to the end of the answer
 * @param sendDelay from the intended to the actual send: scheduling lag plus waiting for a
 *     connection
 */
public record LoadResult(
    String label,
    LoadSpec.Mode mode,
    double targetRate,
    int maxInFlight,
    long requests,
    long completed,
    Map<String, Long> statuses,
    Map<String, Long> errors,
    long backlogged,
    double achievedRate,
    double measuredSeconds,
    Percentiles latency,
    Percentiles service,
    Percentiles sendDelay) {

  public LoadResult {
    requireNonNull(label, "label is null");
    requireNonNull(mode, "mode is null");
    statuses = new TreeMap<>(requireNonNull(statuses, "statuses is null"));
    errors = new TreeMap<>(requireNonNull(errors, "errors is null"));
    requireNonNull(latency, "latency is null");
    requireNonNull(service, "service is null");
    requireNonNull(sendDelay, "send_delay is null");
  }

  public long errorCount() {
    return errors.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * Whether the run kept up: no errors, at least 95% of the target rate answered, and p99 (from the
   * intended send time) at most {@code p99LimitMs}.
   */
  public boolean keptUp(double p99LimitMs) {
    return errorCount() == 0 && achievedRate >= 0.95 * targetRate && latency.p99() <= p99LimitMs;
  }
}
