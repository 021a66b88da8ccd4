package io.opencdp.api.store;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import java.io.IOException;

/**
 * Which bulk failures are worth sending again: 429 (the cluster asks to slow down) and 5xx (a node
 * is overloaded, restarting or unreachable behind a proxy), or no answer at all (connection reset,
 * timeout). Everything else, a 400 mapping error above all, fails the same way on every attempt.
 */
public final class BulkRetry {
  private static final long MAX_BACKOFF_MILLIS = 30_000;

  private BulkRetry() {}

  public static boolean retryable(int status) {
    return status == 429 || (status >= 500 && status <= 599);
  }

  public static boolean retryable(Throwable failure) {
    if (failure instanceof ElasticsearchException es) {
      return retryable(es.status());
    }
    if (failure instanceof TransportException transport) {
      return transport.statusCode() <= 0 || retryable(transport.statusCode());
    }
    return failure instanceof IOException
        || (failure.getCause() != null
            && failure.getCause() != failure
            && retryable(failure.getCause()));
  }

  /** The wait before retry number {@code attempt} (1 for the first): doubles, capped at 30 s. */
  public static long backoffMillis(int initialMillis, int attempt) {
    long wait = (long) initialMillis << Math.min(attempt - 1, 20);
    return Math.min(wait, MAX_BACKOFF_MILLIS);
  }
}
