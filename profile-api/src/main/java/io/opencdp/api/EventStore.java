package io.opencdp.api;

import static java.util.Objects.requireNonNull;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.api.store.StoreIndices;
import java.util.Collection;
import java.util.List;

/**
 * Reads events from the events alias ({@code cdp-<ws>-events}, monthly indices behind it): a
 * profile's timeline, newest first, and the profiles an order id belongs to. A missing alias
 * (nothing indexed yet) finds nothing; Elasticsearch down is a 503 ({@link EsCalls}).
 */
final class EventStore {
  private static final String PROFILES_AGGREGATION = "profiles";

  private final ElasticsearchClient es;
  private final StoreIndices indices;

  EventStore(ElasticsearchClient es, StoreIndices indices) {
    this.es = requireNonNull(es, "es is null");
    this.indices = requireNonNull(indices, "indices is null");
  }

  /**
   * One page of the events of {@code profileIds} (a survivor and its alias ids, in case the indexer
   * has not rewritten an event's profile yet), newest first: {@code occurred_at} then {@code
   * event_id}, both descending.
   */
  Page timeline(Collection<String> profileIds, TimelineFilter filter, Page.Request page) {
    BoolQuery.Builder bool = new BoolQuery.Builder();
    List<FieldValue> ids = profileIds.stream().map(FieldValue::of).toList();
    bool.filter(f -> f.terms(t -> t.field("profile_id").terms(v -> v.value(ids))));
    filter.type().ifPresent(type -> bool.filter(ProfileStore.term("event_type", type)));
    filter.channel().ifPresent(c -> bool.filter(ProfileStore.term("channel", c.wireName())));
    if (filter.from().isPresent() || filter.to().isPresent()) {
      bool.filter(TimelineFilter.range("occurred_at", filter.from(), filter.to()));
    }
    Query query = Query.of(q -> q.bool(bool.build()));
    return ProfileStore.searchPage(
        es,
        page,
        s ->
            s.index(indices.eventsAlias())
                .ignoreUnavailable(true)
                .allowNoIndices(true)
                .query(query)
                .sort(ProfileStore.byField("occurred_at", SortOrder.Desc))
                .sort(ProfileStore.byField("event_id", SortOrder.Desc)));
  }

  /**
   * Every event of {@code profileIds} (a survivor and its alias ids), oldest first ({@code
   * occurred_at} then {@code event_id}), {@code pageSize} per search with {@code search_after},
   * each handed to {@code sink} as stored: nothing is left out however many there are.
   */
  void forEachEvent(
      Collection<String> profileIds, int pageSize, java.util.function.Consumer<ObjectNode> sink) {
    List<FieldValue> ids = profileIds.stream().map(FieldValue::of).toList();
    Query query = Query.of(q -> q.terms(t -> t.field("profile_id").terms(v -> v.value(ids))));
    Page.Request page = new Page.Request(pageSize, null);
    while (true) {
      Page.Request request = page;
      SearchResponse<ObjectNode> response =
          EsCalls.callOr(
              () ->
                  es.search(
                      s -> {
                        s.index(indices.eventsAlias())
                            .ignoreUnavailable(true)
                            .allowNoIndices(true)
                            .query(query)
                            .size(request.limit())
                            .sort(ProfileStore.byField("occurred_at", SortOrder.Asc))
                            .sort(ProfileStore.byField("event_id", SortOrder.Asc));
                        if (request.after() != null) {
                          s.searchAfter(request.after());
                        }
                        return s;
                      },
                      ObjectNode.class),
              null);
      List<Hit<ObjectNode>> hits = response == null ? List.of() : response.hits().hits();
      hits.forEach(hit -> sink.accept(hit.source()));
      if (hits.size() < pageSize) {
        return;
      }
      page = new Page.Request(pageSize, hits.get(hits.size() - 1).sort());
    }
  }

  /** The profile ids of the events of order {@code orderId}; at most max. */
  List<String> profilesOfOrder(String orderId, int max) {
    SearchResponse<Void> response =
        EsCalls.callOr(
            () ->
                es.search(
                    s ->
                        s.index(indices.eventsAlias())
                            .ignoreUnavailable(true)
                            .allowNoIndices(true)
                            .size(0)
                            .query(ProfileStore.term("order_id", orderId))
                            .aggregations(
                                PROFILES_AGGREGATION,
                                a -> a.terms(t -> t.field("profile_id").size(max))),
                    Void.class),
            null);
    if (response == null || !response.aggregations().containsKey(PROFILES_AGGREGATION)) {
      return List.of();
    }
    Aggregate profiles = response.aggregations().get(PROFILES_AGGREGATION);
    if (!profiles.isSterms()) {
      return List.of(); // no index held the field: an unmapped aggregation
    }
    return profiles.sterms().buckets().array().stream()
        .map(StringTermsBucket::key)
        .map(FieldValue::stringValue)
        .toList();
  }
}
