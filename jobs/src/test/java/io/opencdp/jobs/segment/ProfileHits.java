package io.opencdp.jobs.segment;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Every hit of a query on the profile documents, page by page in profile id order. */
final class ProfileHits {
  private static final int PAGE = 1000;

  private ProfileHits() {}

  /**
   * Hands each hit of {@code query} on {@code index} to {@code each}, with the source fields {@code
   * includes} (none when empty).
   */
  static void forEach(
      ElasticsearchClient client,
      String index,
      Query query,
      List<String> includes,
      Consumer<Hit<ObjectNode>> each) {
    List<FieldValue> after = null;
    try {
      while (true) {
        List<FieldValue> from = after;
        SearchResponse<ObjectNode> page =
            client.search(
                s -> {
                  s.index(index)
                      .query(query)
                      .size(PAGE)
                      .source(
                          src ->
                              includes.isEmpty()
                                  ? src.fetch(false)
                                  : src.filter(f -> f.includes(includes)))
                      .sort(o -> o.field(f -> f.field("profile_id").order(SortOrder.Asc)));
                  if (from != null) {
                    s.searchAfter(from);
                  }
                  return s;
                },
                ObjectNode.class);
        List<Hit<ObjectNode>> hits = page.hits().hits();
        hits.forEach(each);
        if (hits.size() < PAGE) {
          return;
        }
        after = new ArrayList<>(hits.get(hits.size() - 1).sort());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
