package io.opencdp.api.store;

import static java.util.Objects.requireNonNull;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.json.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The reading side of the identity-overrides queue ({@code cdp-<ws>-overrides},
 * docs/profile-store.md), for {@code cdp resolve}: the documents still {@code pending}, oldest
 * first, and marking them {@code applied} once they are in Delta {@code identity_overrides}. The
 * API appends the documents; this class never creates the index.
 *
 * <p>Elasticsearch not answering, or answering 429/502/503/504, is a {@link CdpException} {@link
 * ErrorCode#ELASTICSEARCH_UNAVAILABLE}; any other refusal is {@link ErrorCode#INDEX_FAILED}.
 */
public final class PendingOverrides {
  /** {@code status} of a document not yet copied into Delta. */
  public static final String PENDING = "pending";

  /** {@code status} of a document copied into Delta by a resolve run. */
  public static final String APPLIED = "applied";

  static final int PAGE_SIZE = 500;
  private static final Set<Integer> UNAVAILABLE = Set.of(429, 502, 503, 504);

  private final ElasticsearchClient es;
  private final String workspace;
  private final String index;

  public PendingOverrides(ElasticsearchClient es, StoreIndices indices) {
    this.es = requireNonNull(es, "es is null");
    this.workspace = indices.workspace();
    this.index = indices.overridesIndex();
  }

  /** The queue's index. */
  public String index() {
    return index;
  }

  /**
   * Every pending document of the workspace as stored, sorted by {@code created_at}, {@code
   * override_id}; none when the queue index does not exist (nothing was ever recorded).
   */
  public List<ObjectNode> read() {
    if (!call("check the queue " + index, () -> es.indices().exists(e -> e.index(index)).value())) {
      return List.of();
    }
    Query query =
        Query.of(
            q ->
                q.bool(
                    b ->
                        b.filter(term("status", PENDING)).filter(term("workspace_id", workspace))));
    List<SortOptions> sort =
        List.of(
            SortOptions.of(s -> s.field(f -> f.field("created_at").order(SortOrder.Asc))),
            SortOptions.of(s -> s.field(f -> f.field("override_id").order(SortOrder.Asc))));
    List<ObjectNode> pending = new ArrayList<>();
    List<FieldValue> after = null;
    while (true) {
      List<FieldValue> from = after;
      SearchResponse<ObjectNode> page =
          call(
              "read the queue " + index,
              () ->
                  es.search(
                      s -> {
                        s.index(index).query(query).size(PAGE_SIZE).sort(sort);
                        if (from != null) {
                          s.searchAfter(from);
                        }
                        return s;
                      },
                      ObjectNode.class));
      List<Hit<ObjectNode>> hits = page.hits().hits();
      hits.forEach(h -> pending.add(h.source()));
      if (hits.size() < PAGE_SIZE) {
        return pending;
      }
      after = hits.get(hits.size() - 1).sort();
    }
  }

  /**
   * Marks the documents {@code overrideIds} (their {@code _id}) applied by run {@code runId} at
   * {@code at}, in one bulk update, visible to searches when it returns.
   *
   * @throws CdpException {@link ErrorCode#INDEX_FAILED} naming the first document Elasticsearch
   *     refused
   */
  public void markApplied(List<String> overrideIds, String runId, Instant at) {
    requireNonNull(runId, "runId is null");
    requireNonNull(at, "at is null");
    if (overrideIds.isEmpty()) {
      return;
    }
    ObjectNode applied = Json.mapper().createObjectNode();
    applied.put("status", APPLIED);
    applied.put("applied_at", at.toString());
    applied.put("applied_run_id", runId);
    List<BulkOperation> updates =
        overrideIds.stream()
            .map(
                id ->
                    BulkOperation.of(
                        o -> o.update(u -> u.index(index).id(id).action(a -> a.doc(applied)))))
            .toList();
    BulkResponse response =
        call(
            "mark overrides applied in " + index,
            () -> es.bulk(b -> b.operations(updates).refresh(Refresh.WaitFor)));
    if (response.errors()) {
      List<BulkResponseItem> failed =
          response.items().stream().filter(i -> i.error() != null).toList();
      BulkResponseItem first = failed.get(0);
      throw new CdpException(
          ErrorCode.INDEX_FAILED,
          "Elasticsearch refused to mark override '"
              + first.id()
              + "' applied in "
              + index
              + ": "
              + first.error().reason()
              + (failed.size() > 1 ? " (and " + (failed.size() - 1) + " more)" : "")
              + "; they are in identity_overrides already, the next cdp resolve marks them again");
    }
  }

  private static Query term(String field, String value) {
    return Query.of(q -> q.term(t -> t.field(field).value(value)));
  }

  private interface EsCall<T> {
    T run() throws IOException;
  }

  private <T> T call(String what, EsCall<T> call) {
    try {
      return call.run();
    } catch (IOException e) {
      throw unavailable(what, e.toString(), e);
    } catch (ElasticsearchException e) {
      if (UNAVAILABLE.contains(e.status())) {
        throw unavailable(what, e.getMessage(), e);
      }
      throw new CdpException(
          ErrorCode.INDEX_FAILED, "Elasticsearch refused to " + what + ": " + e.getMessage(), e);
    }
  }

  private static CdpException unavailable(String what, String cause, Exception e) {
    return new CdpException(
        ErrorCode.ELASTICSEARCH_UNAVAILABLE,
        "could not " + what + ": " + cause + " (is Elasticsearch running? `cdp es status`)",
        e);
  }
}
