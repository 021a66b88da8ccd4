package io.opencdp.api;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.opencdp.schemas.error.ErrorCode;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /healthz} (the process serves: always 200) and {@code GET /readyz} (Elasticsearch
 * answers with a green or yellow cluster: 200, otherwise a 503 problem body). Neither needs a key,
 * so neither says where Elasticsearch is.
 */
final class HealthController {
  private final Readiness readiness;

  HealthController(Readiness readiness) {
    this.readiness = requireNonNull(readiness, "readiness is null");
  }

  void healthz(Context ctx) {
    ctx.json(Map.of("status", "ok"));
  }

  void readyz(Context ctx) {
    Optional<String> status = readiness.clusterStatus();
    if (status.isEmpty()) {
      throw new ApiException(
          ErrorCode.ELASTICSEARCH_UNAVAILABLE,
          "Elasticsearch does not answer; the API serves health only until it does");
    }
    if (status.get().equals("red")) {
      throw new ApiException(
          ErrorCode.ELASTICSEARCH_UNAVAILABLE, "the Elasticsearch cluster is red");
    }
    ctx.json(Map.of("status", "ready", "elasticsearch", status.get()));
  }
}
