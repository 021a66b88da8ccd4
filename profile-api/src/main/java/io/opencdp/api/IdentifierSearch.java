package io.opencdp.api;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import io.opencdp.api.store.ActivityFields;
import io.opencdp.schemas.event.IdentifierType;
import java.util.List;

/**
 * The one Elasticsearch search behind a lookup by identifier ({@code GET /v1/profiles?phone=...}):
 * a {@code term} query on {@code identifiers.<type>} over the profiles alias, sorted by profile id,
 * one more hit than a page so the answer can say it was truncated. Public so that {@code cdp bench
 * api} sends Elasticsearch the very request the API does as its baseline.
 */
public final class IdentifierSearch {
  private IdentifierSearch() {}

  /**
   * The search the API sends to look up {@code value} (already normalized) of {@code type} in
   * {@code profilesAlias}, answering at most {@code maxPageSize} profiles.
   */
  public static SearchRequest request(
      String profilesAlias, IdentifierType type, String value, int maxPageSize) {
    return search(
        profilesAlias,
        term("identifiers." + type.wireName(), value),
        maxPageSize + 1,
        List.of(byField("profile_id", SortOrder.Asc)),
        null);
  }

  /** A search of {@code index} that finds nothing, rather than failing, while it is missing. */
  static SearchRequest search(
      String index, Query query, int size, List<SortOptions> sort, List<FieldValue> after) {
    return SearchRequest.of(
        s -> {
          s.index(index)
              .ignoreUnavailable(true)
              .allowNoIndices(true)
              .query(query)
              .size(size)
              .sort(sort)
              // a profile's events are for segment queries; never fetched with the document
              .source(src -> src.filter(f -> f.excludes(ActivityFields.PATH)));
          if (after != null) {
            s.searchAfter(after);
          }
          return s;
        });
  }

  static SortOptions byField(String field, SortOrder order) {
    return SortOptions.of(s -> s.field(f -> f.field(field).order(order)));
  }

  static Query term(String field, String value) {
    return Query.of(q -> q.term(t -> t.field(field).value(value)));
  }
}
