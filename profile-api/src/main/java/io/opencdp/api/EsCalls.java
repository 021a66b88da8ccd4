package io.opencdp.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.OpType;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.transport.TransportException;
import io.opencdp.schemas.error.ErrorCode;
import java.io.IOException;
import java.util.Set;
import org.elasticsearch.client.ResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one Elasticsearch call for a request. Elasticsearch not answering (connection refused, a
 * timeout) or answering that it cannot serve now (429, 502, 503, 504: a red index, shards not yet
 * allocated) becomes a 503 problem {@code elasticsearch_unavailable}, with no host or cause in the
 * body; the cause goes to the log. A missing index or alias (nothing indexed yet) is the caller's
 * "nothing found" answer. Any other refusal by Elasticsearch is a bug of the API (a malformed
 * query) and surfaces as a 500.
 */
public final class EsCalls {
  private static final Logger LOG = LoggerFactory.getLogger(EsCalls.class);
  private static final Set<Integer> UNAVAILABLE = Set.of(429, 502, 503, 504);
  static final String INDEX_NOT_FOUND = "index_not_found_exception";
  private static final int CONFLICT = 409;

  /** One call to the Elasticsearch client. */
  public interface Call<T> {
    T run() throws IOException;
  }

  private EsCalls() {}

  /** The call's answer; 503 when Elasticsearch is unavailable. */
  public static <T> T call(Call<T> call) {
    try {
      return call.run();
    } catch (TransportException e) {
      if (e.response() != null && e.statusCode() < 500) {
        // Elasticsearch answered, the client could not read it: a bug, not an outage
        throw new IllegalStateException("cannot read the Elasticsearch answer", e);
      }
      LOG.warn("Elasticsearch does not answer: {}", e.toString());
      throw unavailable();
    } catch (IOException e) {
      LOG.warn("Elasticsearch does not answer: {}", e.toString());
      throw unavailable();
    } catch (ElasticsearchException e) {
      if (UNAVAILABLE.contains(e.status())) {
        LOG.warn("Elasticsearch cannot serve now: {}", e.getMessage());
        throw unavailable();
      }
      throw e;
    }
  }

  /** The call's answer, or {@code whenMissing} when its index or alias does not exist yet. */
  public static <T> T callOr(Call<T> call, T whenMissing) {
    try {
      return call(call);
    } catch (ElasticsearchException e) {
      if (indexMissing(e)) {
        return whenMissing;
      }
      throw e;
    }
  }

  /**
   * Stores {@code doc} as document {@code id} of {@code index} unless that id exists (never
   * overwriting), visible to searches when it returns; false when the id was taken. The 409 of a
   * taken id arrives either as an {@link ElasticsearchException} or, from the low-level client, as
   * a {@link ResponseException} (an IOException that would otherwise read as Elasticsearch being
   * unavailable).
   */
  public static boolean createDocument(
      ElasticsearchClient es, String index, String id, Object doc) {
    try {
      return call(
          () -> {
            try {
              es.index(
                  i ->
                      i.index(index)
                          .id(id)
                          .opType(OpType.Create)
                          .refresh(Refresh.WaitFor)
                          .document(doc));
              return true;
            } catch (ResponseException e) {
              if (e.getResponse().getStatusLine().getStatusCode() == CONFLICT) {
                return false;
              }
              throw e;
            }
          });
    } catch (ElasticsearchException e) {
      if (e.status() == CONFLICT) {
        return false;
      }
      throw e;
    }
  }

  static boolean indexMissing(ElasticsearchException e) {
    return e.error() != null && INDEX_NOT_FOUND.equals(e.error().type());
  }

  private static ApiException unavailable() {
    return new ApiException(
        ErrorCode.ELASTICSEARCH_UNAVAILABLE,
        "Elasticsearch does not answer or cannot serve now; try again when /readyz answers 200");
  }
}
