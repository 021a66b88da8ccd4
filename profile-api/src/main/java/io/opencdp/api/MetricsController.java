package io.opencdp.api;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.util.function.LongSupplier;

/** {@code GET /metrics}: the Prometheus scrape. */
final class MetricsController {
  private final RequestMetrics metrics;
  private final LongSupplier auditDropped;

  /**
   * @param auditDropped the audit entries dropped so far ({@link AuditBuffer})
   */
  MetricsController(RequestMetrics metrics, LongSupplier auditDropped) {
    this.metrics = requireNonNull(metrics, "metrics is null");
    this.auditDropped = requireNonNull(auditDropped, "auditDropped is null");
  }

  void scrape(Context ctx) {
    String audit =
        "# HELP cdp_api_audit_entries_dropped_total Audit entries dropped because the queue was"
            + " full or the API stopped before Elasticsearch took them.\n"
            + "# TYPE cdp_api_audit_entries_dropped_total counter\n"
            + "cdp_api_audit_entries_dropped_total "
            + auditDropped.getAsLong()
            + "\n";
    ctx.contentType(RequestMetrics.CONTENT_TYPE).result(metrics.scrape() + audit);
  }

  /** Javalin's request logger: called once per answered request, matched or not. */
  void record(Context ctx, Float executionMillis) {
    String route = ctx.attribute(AccessController.ROUTE_ATTRIBUTE);
    metrics.observe(
        ctx.method().name(),
        route == null ? "unmatched" : route,
        ctx.statusCode(),
        executionMillis / 1000.0);
  }
}
