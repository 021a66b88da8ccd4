package io.opencdp.api;

import static java.util.Objects.requireNonNull;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.api.store.ActivityFields;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.schemas.error.ErrorCode;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates a compiled segment query over the profiles alias: an exact count, a sample, and the
 * members page by page in a point in time ({@code search_after} on {@code profile_id}), so deep
 * paging sees one snapshot of the store whatever is indexed meanwhile. Nothing indexed yet: no
 * members.
 */
final class SegmentAudience {
  private static final Logger LOG = LoggerFactory.getLogger(SegmentAudience.class);

  /** How long a point in time lives after each page. */
  static final String KEEP_ALIVE = "5m";

  static final String SEARCH_CONTEXT_MISSING = "search_context_missing_exception";

  /**
   * Members and the total of a sample, or one page of members.
   *
   * @param count the number of members (exact); -1 when not counted
   * @param profiles the profiles, as stored ({@code activity} left out)
   * @param pitId the point in time to read the next page in; null when there is none
   * @param after the sort values of the last profile, when there are more; null on the last page
   */
  record Members(long count, List<ObjectNode> profiles, String pitId, List<FieldValue> after) {
    Members {
      profiles = List.copyOf(profiles);
    }
  }

  private final ElasticsearchClient es;
  private final String alias;

  SegmentAudience(ElasticsearchClient es, StoreIndices indices) {
    this.es = requireNonNull(es, "es is null");
    this.alias = indices.profilesAlias();
  }

  /** The exact number of members. */
  long count(Query query) {
    return EsCalls.callOr(() -> es.count(c -> c.index(alias).query(query)).count(), 0L);
  }

  /** The exact number of members and the first {@code size} by profile id. */
  Members sample(Query query, int size) {
    SearchResponse<ObjectNode> response =
        EsCalls.callOr(
            () ->
                es.search(
                    s ->
                        s.index(alias)
                            .query(query)
                            .size(size)
                            .trackTotalHits(t -> t.enabled(true))
                            .sort(ProfileStore.byField("profile_id", SortOrder.Asc))
                            .source(src -> src.filter(f -> f.excludes(ActivityFields.PATH))),
                    ObjectNode.class),
            null);
    if (response == null) {
      return new Members(0, List.of(), null, null);
    }
    return new Members(
        response.hits().total() == null ? -1 : response.hits().total().value(),
        response.hits().hits().stream().map(Hit::source).toList(),
        null,
        null);
  }

  /** Opens a point in time over the profiles; null when nothing is indexed yet. */
  String openPointInTime() {
    return EsCalls.callOr(
        () -> es.openPointInTime(o -> o.index(alias).keepAlive(k -> k.time(KEEP_ALIVE))).id(),
        null);
  }

  /**
   * One page of members in point in time {@code pitId}, after {@code after} (null for the first);
   * the point in time is closed after the last page. An expired or unknown point in time is a 400
   * naming {@code cursor}.
   */
  Members page(Query query, String pitId, List<FieldValue> after, int limit) {
    SearchResponse<ObjectNode> response;
    try {
      response =
          EsCalls.call(
              () ->
                  es.search(
                      s -> {
                        s.pit(p -> p.id(pitId).keepAlive(k -> k.time(KEEP_ALIVE)))
                            .query(query)
                            .size(limit + 1)
                            .trackTotalHits(t -> t.enabled(false))
                            .sort(ProfileStore.byField("profile_id", SortOrder.Asc))
                            .source(src -> src.filter(f -> f.excludes(ActivityFields.PATH)));
                        if (after != null) {
                          s.searchAfter(after);
                        }
                        return s;
                      },
                      ObjectNode.class));
    } catch (ElasticsearchException e) {
      if (after != null && (e.status() == 404 || e.status() == 400)) {
        throw badCursor(e);
      }
      throw e;
    }
    List<Hit<ObjectNode>> hits = response.hits().hits();
    String next = response.pitId() == null ? pitId : response.pitId();
    List<ObjectNode> profiles =
        hits.subList(0, Math.min(limit, hits.size())).stream().map(Hit::source).toList();
    if (hits.size() <= limit) {
      close(next);
      return new Members(-1, profiles, null, null);
    }
    return new Members(-1, profiles, next, hits.get(limit - 1).sort());
  }

  private void close(String pitId) {
    try {
      EsCalls.call(() -> es.closePointInTime(c -> c.id(pitId)));
    } catch (ElasticsearchException | ApiException e) {
      // it expires by itself
      LOG.debug("could not close a point in time: {}", e.getMessage());
    }
  }

  private static ApiException badCursor(ElasticsearchException e) {
    boolean expired =
        e.status() == 404
            || e.error() != null
                && (SEARCH_CONTEXT_MISSING.equals(e.error().type())
                    || e.error().rootCause().stream()
                        .anyMatch(c -> SEARCH_CONTEXT_MISSING.equals(c.type())));
    if (!expired) {
      return Cursor.malformed();
    }
    return new ApiException(
        ErrorCode.BAD_ARGUMENT,
        "parameter 'cursor' has expired: a members cursor lives "
            + KEEP_ALIVE
            + " after the page that gave it out; start again without cursor",
        Cursor.PARAMETER);
  }
}
