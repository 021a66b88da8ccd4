package io.opencdp.api;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;

/** {@code GET /metrics}: the Prometheus scrape. */
final class MetricsController {
  private final RequestMetrics metrics;

  MetricsController(RequestMetrics metrics) {
    this.metrics = requireNonNull(metrics, "metrics is null");
  }

  void scrape(Context ctx) {
    ctx.contentType(RequestMetrics.CONTENT_TYPE).result(metrics.scrape());
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
