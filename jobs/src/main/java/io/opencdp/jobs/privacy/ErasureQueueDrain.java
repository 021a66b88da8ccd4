package io.opencdp.jobs.privacy;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.opencdp.api.ErasureQueue;
import io.opencdp.api.store.EsConnection;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the erasure requests queued through the API ({@code cdp-<ws>-erasures},
 * docs/privacy.md): each {@code received} request is marked {@code deleting}, erased, and its
 * document then says the erasure's status and what was removed where, without the identifier value.
 * A request whose erasure fails stays {@code received} with the failure as its message, so the next
 * drain tries again. Run by {@code cdp privacy erase --queued} and at the start of every {@code cdp
 * resolve}.
 */
public final class ErasureQueueDrain {
  private static final Logger LOG = LoggerFactory.getLogger(ErasureQueueDrain.class);

  /** How long one call to Elasticsearch may take; the queue is small. */
  static final int TIMEOUT_MILLIS = 30_000;

  /** Requests taken per drain; more wait for the next one. */
  static final int MAX_PER_DRAIN = 100;

  /** Status while the job works on a request. */
  public static final String DELETING = "deleting";

  /** What erasing one request ended in. */
  public record Outcome(String status, String message, JsonNode result) {
    public Outcome {
      requireNonNull(status, "status is null");
    }
  }

  /** Erases the person one request names. */
  @FunctionalInterface
  public interface Eraser {
    Outcome erase(ErasureQueue.Request request);
  }

  /**
   * What a drain did.
   *
   * @param reachable whether Elasticsearch answered (false: queued requests, if any, wait)
   * @param carriedOut requests erased
   * @param failed requests whose erasure failed (left {@code received})
   */
  public record Result(boolean reachable, int carriedOut, int failed) {}

  private final String workspace;
  private final String esUrl;
  private final Clock clock;

  public ErasureQueueDrain(String workspace, String esUrl, Clock clock) {
    this.workspace = requireNonNull(workspace, "workspace is null");
    this.esUrl = requireNonNull(esUrl, "esUrl is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** Erases every queued request with {@code eraser}, oldest first. */
  public Result run(Eraser eraser) {
    StoreIndices indices = new StoreIndices(workspace);
    try (EsConnection es = EsConnection.open(esUrl, TIMEOUT_MILLIS)) {
      ErasureQueue queue = new ErasureQueue(es.client(), indices);
      List<ErasureQueue.Request> received;
      try {
        received = queue.received(MAX_PER_DRAIN);
      } catch (CdpException e) {
        if (e.code() != ErrorCode.ELASTICSEARCH_UNAVAILABLE) {
          throw e;
        }
        LOG.warn(
            "Elasticsearch at {} does not answer ({}): erasure requests queued through the API wait"
                + " in {} for the next drain",
            esUrl,
            e.getMessage(),
            indices.erasuresIndex());
        return new Result(false, 0, 0);
      }
      if (received.isEmpty()) {
        LOG.info("no queued erasure requests in {}", indices.erasuresIndex());
        return new Result(true, 0, 0);
      }
      int done = 0;
      int failed = 0;
      for (ErasureQueue.Request request : received) {
        queue.update(request.moved(DELETING, clock.instant(), null, null));
        try {
          Outcome outcome = eraser.erase(request);
          queue.update(
              request
                  .moved(outcome.status(), clock.instant(), outcome.message(), outcome.result())
                  .forgettingValue());
          LOG.info("erasure request {}: {}", request.requestId(), outcome.status());
          done++;
        } catch (RuntimeException e) {
          failed++;
          LOG.error(
              "erasure request {} failed; it stays queued for the next drain",
              request.requestId(),
              e);
          queue.update(
              request.moved(
                  ErasureQueue.RECEIVED,
                  clock.instant(),
                  "the last attempt failed: " + e.getMessage(),
                  null));
        }
      }
      return new Result(true, done, failed);
    }
  }

  /**
   * Writes the later outcomes of requests (by id) to their queue documents, where the queue has
   * them (a request made with {@code cdp privacy erase} has none); Elasticsearch being down only
   * warns: the Delta table {@code erasure_requests} is the record.
   */
  public void follow(List<Map.Entry<String, Outcome>> outcomes) {
    if (outcomes.isEmpty()) {
      return;
    }
    try (EsConnection es = EsConnection.open(esUrl, TIMEOUT_MILLIS)) {
      ErasureQueue queue = new ErasureQueue(es.client(), new StoreIndices(workspace));
      for (Map.Entry<String, Outcome> e : outcomes) {
        Outcome outcome = e.getValue();
        queue
            .get(e.getKey())
            .ifPresent(
                request ->
                    queue.update(
                        request
                            .moved(
                                outcome.status(),
                                clock.instant(),
                                outcome.message(),
                                outcome.result())
                            .forgettingValue()));
      }
    } catch (CdpException e) {
      if (e.code() != ErrorCode.ELASTICSEARCH_UNAVAILABLE) {
        throw e;
      }
      LOG.warn(
          "Elasticsearch at {} does not answer ({}): the queued requests' documents do not show"
              + " their new status yet; erasure_requests does",
          esUrl,
          e.getMessage());
    }
  }
}
