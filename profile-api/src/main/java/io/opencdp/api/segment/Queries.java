package io.opencdp.api.segment;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.List;

/** Small builders of the boolean queries the compiler combines. */
final class Queries {
  private Queries() {}

  /** All of {@code filter} hold and none of {@code mustNot}. */
  static Query bool(List<Query> filter, List<Query> mustNot) {
    return Query.of(q -> q.bool(b -> b.filter(filter).mustNot(mustNot)));
  }

  /** All hold. */
  static Query all(List<Query> queries) {
    return bool(queries, List.of());
  }

  /** At least one holds. */
  static Query any(List<Query> queries) {
    return Query.of(q -> q.bool(b -> b.should(queries).minimumShouldMatch("1")));
  }

  /** {@code query} does not hold. */
  static Query not(Query query) {
    return bool(List.of(), List.of(query));
  }

  /** Every document. */
  static Query matchAll() {
    return Query.of(q -> q.matchAll(m -> m));
  }
}
