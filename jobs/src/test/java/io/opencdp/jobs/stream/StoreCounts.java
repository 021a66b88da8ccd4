package io.opencdp.jobs.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.api.store.EsConnection;
import io.opencdp.api.store.StoreIndices;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/** What the stream tests wait for in the store: a count of documents behind an alias. */
final class StoreCounts {
  private StoreCounts() {}

  /** Waits until at least {@code n} event documents are searchable. */
  static void awaitEvents(EsConnection es, StoreIndices names, long n, Duration timeout)
      throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (count(es, names.eventsAlias()) < n) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("fewer than " + n + " event documents after " + timeout);
      }
      Thread.sleep(50);
    }
  }

  /** Documents behind {@code alias} after a refresh; 0 while the alias does not exist. */
  static long count(EsConnection es, String alias) throws IOException {
    try {
      es.client().indices().refresh(r -> r.index(alias));
      return es.client()
          .search(
              s -> s.index(alias).size(0).trackTotalHits(t -> t.enabled(true)), ObjectNode.class)
          .hits()
          .total()
          .value();
    } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException
        | org.elasticsearch.client.ResponseException e) {
      return 0; // the alias does not exist yet, or its new index is not ready
    }
  }
}
