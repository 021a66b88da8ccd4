package io.opencdp.jobs.privacy;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.api.ErasureQueue;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.json.Json;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The erasure requests queued through the API, carried out by {@link ErasureJob} ({@code cdp
 * privacy erase --queued}, and first in every {@code cdp resolve}): each request keeps its id, and
 * its queue document follows the Delta request's status, up to {@code done} after {@code cdp
 * privacy erase --complete}.
 */
public final class QueuedErasures {
  private final SparkSession spark;
  private final CdpConfig config;
  private final String esUrl;
  private final Clock clock;

  public QueuedErasures(SparkSession spark, CdpConfig config, String esUrl, Clock clock) {
    this.spark = requireNonNull(spark, "spark is null");
    this.config = requireNonNull(config, "config is null");
    this.esUrl = requireNonNull(esUrl, "esUrl is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** Erases every queued request. */
  public ErasureQueueDrain.Result run() {
    ErasureJob job = new ErasureJob(spark, config, esUrl);
    return new ErasureQueueDrain(config.workspace(), esUrl, clock)
        .run(request -> outcome(job.erase(requestOf(request))));
  }

  /** Brings the queue documents of {@code states} (requests from the queue) up to date. */
  public void follow(List<ErasureState> states) {
    new ErasureQueueDrain(config.workspace(), esUrl, clock)
        .follow(states.stream().map(s -> Map.entry(s.requestId(), outcome(s))).toList());
  }

  static ErasureRequest requestOf(ErasureQueue.Request queued) {
    return new ErasureRequest(
        queued.requestId(),
        queued.identifierType(),
        queued.identifierValue(),
        queued.profileId(),
        queued.requestedBy() == null ? "api" : queued.requestedBy(),
        queued.requestedAt());
  }

  /** A request's state as its queue document shows it: status, message, what went where. */
  static ErasureQueueDrain.Outcome outcome(ErasureState state) {
    ObjectNode result = Json.mapper().createObjectNode();
    ArrayNode profiles = result.putArray("profile_ids");
    state.profileIds().forEach(profiles::add);
    ArrayNode removed = result.putArray("removed");
    for (Removed r : state.removed()) {
      ObjectNode entry = removed.addObject();
      entry.put("location", r.location());
      entry.put("rows", r.rows());
      if (r.deltaVersion() != null) {
        entry.put("delta_version", r.deltaVersion());
      }
      entry.put("at", r.at().toString());
    }
    result.put(
        "logically_deleted_at",
        state.logicallyDeletedAt() == null ? null : state.logicallyDeletedAt().toString());
    result.put(
        "physically_deleted_at",
        state.physicallyDeletedAt() == null ? null : state.physicallyDeletedAt().toString());
    result.put("done_at", state.doneAt() == null ? null : state.doneAt().toString());
    return new ErasureQueueDrain.Outcome(state.status(), state.message(), result);
  }
}
