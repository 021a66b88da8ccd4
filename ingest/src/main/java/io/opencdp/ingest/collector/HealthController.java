package io.opencdp.ingest.collector;

import io.javalin.http.Context;

/** {@code GET /healthz}: 200 while the collector serves requests. */
final class HealthController {
  void healthz(Context ctx) {
    ctx.status(200).contentType("application/json").result("{\"status\":\"ok\"}");
  }
}
