package io.opencdp.api;

import static java.util.Objects.requireNonNull;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.api.store.ActivityFields;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.schemas.event.IdentifierType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads golden profiles and identity graphs from their aliases ({@code cdp-<ws>-profiles}, {@code
 * cdp-<ws>-identity}; docs/profile-store.md). An id that was merged away (an alias id in a
 * document's {@code merged_from}) answers the surviving document. A missing alias (nothing indexed
 * yet) finds nothing; Elasticsearch down is a 503 ({@link EsCalls}).
 */
final class ProfileStore {
  static final String MERGED_FROM = "merged_from";
  private static final List<String> SEARCH_FIELDS =
      List.of("search.name^3", "search.city", "search.email_local");

  private final ElasticsearchClient es;
  private final StoreIndices indices;

  ProfileStore(ElasticsearchClient es, StoreIndices indices) {
    this.es = requireNonNull(es, "es is null");
    this.indices = requireNonNull(indices, "indices is null");
  }

  /** The profile {@code id}, or the one it was merged into. */
  Optional<ObjectNode> profile(String id) {
    return byIdOrAlias(indices.profilesAlias(), id);
  }

  /** The identity document of profile {@code id}, or of the one it was merged into. */
  Optional<ObjectNode> identity(String id) {
    return byIdOrAlias(indices.identityAlias(), id);
  }

  /**
   * The profiles holding identifier {@code value} of {@code type}, by profile id; at most {@code
   * maxPageSize} + 1, so the caller can tell a truncated answer ({@link IdentifierSearch}).
   */
  List<ObjectNode> byIdentifier(IdentifierType type, String value, int maxPageSize) {
    return hits(IdentifierSearch.request(indices.profilesAlias(), type, value, maxPageSize))
        .stream()
        .map(Hit::source)
        .toList();
  }

  /** The profiles with these ids or alias ids, by profile id; at most max. */
  List<ObjectNode> byIds(Collection<String> ids, int max) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<FieldValue> values = ids.stream().map(FieldValue::of).toList();
    Query query =
        Query.of(
            q ->
                q.bool(
                    b ->
                        b.should(s -> s.ids(i -> i.values(List.copyOf(ids))))
                            .should(
                                s -> s.terms(t -> t.field(MERGED_FROM).terms(v -> v.value(values))))
                            .minimumShouldMatch("1")));
    return search(
        indices.profilesAlias(), query, max, List.of(byField("profile_id", SortOrder.Asc)), null);
  }

  /** Ranked fuzzy search, then by profile id; one page. */
  Page search(ProfileSearch search, Page.Request page) {
    List<Hit<ObjectNode>> hits =
        hits(
            indices.profilesAlias(),
            search.query(SEARCH_FIELDS),
            page.limit() + 1,
            List.of(
                SortOptions.of(s -> s.score(sc -> sc.order(SortOrder.Desc))),
                byField("profile_id", SortOrder.Asc)),
            page.after());
    return page(hits, page.limit());
  }

  /**
   * One page of {@code hits} fetched with limit + 1, and the cursor after it when there is more.
   */
  static Page page(List<Hit<ObjectNode>> hits, int limit) {
    List<ObjectNode> items = new ArrayList<>();
    for (int i = 0; i < Math.min(limit, hits.size()); i++) {
      items.add(hits.get(i).source());
    }
    String next = hits.size() > limit ? Cursor.encode(hits.get(limit - 1).sort()) : null;
    return new Page(items, next);
  }

  /**
   * One page of the search {@code request} describes (index, query, sort): limit + 1 hits after the
   * page's cursor; no page when the index does not exist yet.
   */
  static Page searchPage(
      ElasticsearchClient es,
      Page.Request page,
      Function<SearchRequest.Builder, SearchRequest.Builder> request) {
    SearchResponse<ObjectNode> response =
        EsCalls.callOr(
            () ->
                es.search(
                    s -> {
                      request.apply(s).size(page.limit() + 1);
                      if (page.after() != null) {
                        s.searchAfter(page.after());
                      }
                      return s;
                    },
                    ObjectNode.class),
            null);
    return response == null ? Page.empty() : page(response.hits().hits(), page.limit());
  }

  static SortOptions byField(String field, SortOrder order) {
    return IdentifierSearch.byField(field, order);
  }

  static Query term(String field, String value) {
    return IdentifierSearch.term(field, value);
  }

  static Query multiMatch(String text, List<String> fields) {
    return Query.of(
        q ->
            q.multiMatch(
                m ->
                    m.query(text)
                        .fields(fields)
                        .type(TextQueryType.BestFields)
                        .tieBreaker(0.3)
                        .fuzziness("AUTO")
                        .prefixLength(1)));
  }

  private Optional<ObjectNode> byIdOrAlias(String alias, String id) {
    GetResponse<ObjectNode> got =
        EsCalls.callOr(
            () ->
                es.get(
                    g -> g.index(alias).id(id).sourceExcludes(ActivityFields.PATH),
                    ObjectNode.class),
            null);
    if (got == null) {
      return Optional.empty();
    }
    if (got.found() && got.source() != null) {
      return Optional.of(got.source());
    }
    List<ObjectNode> survivors =
        search(
            alias, term(MERGED_FROM, id), 1, List.of(byField("profile_id", SortOrder.Asc)), null);
    return survivors.stream().findFirst();
  }

  private List<ObjectNode> search(
      String index, Query query, int size, List<SortOptions> sort, List<FieldValue> after) {
    return hits(index, query, size, sort, after).stream().map(Hit::source).toList();
  }

  private List<Hit<ObjectNode>> hits(
      String index, Query query, int size, List<SortOptions> sort, List<FieldValue> after) {
    return hits(IdentifierSearch.search(index, query, size, sort, after));
  }

  private List<Hit<ObjectNode>> hits(SearchRequest request) {
    SearchResponse<ObjectNode> response =
        EsCalls.callOr(() -> es.search(request, ObjectNode.class), null);
    return response == null ? List.of() : response.hits().hits();
  }
}
