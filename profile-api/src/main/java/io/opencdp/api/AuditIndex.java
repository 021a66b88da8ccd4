package io.opencdp.api;

import static java.util.Objects.requireNonNull;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.api.store.AuditEntry;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit log in Elasticsearch ({@code cdp-<ws>-audit}, docs/profile-store.md): an index the API
 * owns (created with its strict mapping on the first write), where entries are appended under their
 * {@code audit_id} and never changed, except for {@code synced_at}, set once {@code cdp privacy
 * audit-sync} has copied them to the Delta table {@code audit_log}.
 *
 * <p>Errors: Elasticsearch not answering is a {@link CdpException} {@link
 * ErrorCode#ELASTICSEARCH_UNAVAILABLE}; a document it refuses is {@link ErrorCode#INDEX_FAILED}.
 */
public final class AuditIndex {
  private static final String MAPPING = "/io/opencdp/api/store/audit-mapping.json";

  private final ElasticsearchClient es;
  private final String workspace;
  private final OwnedIndex index;

  public AuditIndex(ElasticsearchClient es, StoreIndices indices) {
    this.es = requireNonNull(es, "es is null");
    this.workspace = indices.workspace();
    this.index = new OwnedIndex(es, indices.auditIndex(), MAPPING);
  }

  public String name() {
    return index.name();
  }

  /**
   * Appends {@code entries} in one bulk request; an id that exists already is left as it is (a
   * retried batch). {@code syncedAt} non-null marks them copied to Delta already (a job that
   * appended them there itself).
   *
   * @throws CdpException {@link ErrorCode#INDEX_FAILED} naming the first entry refused
   */
  public void append(List<AuditEntry> entries, Instant syncedAt) {
    if (entries.isEmpty()) {
      return;
    }
    index.ensure();
    List<BulkOperation> creates = new ArrayList<>(entries.size());
    for (AuditEntry entry : entries) {
      ObjectNode doc = entry.toJson();
      if (syncedAt != null) {
        doc.put("synced_at", syncedAt.toString());
      }
      creates.add(
          BulkOperation.of(o -> o.create(c -> c.index(name()).id(entry.auditId()).document(doc))));
    }
    BulkResponse response = EsCalls.call(() -> es.bulk(b -> b.operations(creates)));
    failOnRefusal(response, "append audit entry", 409);
  }

  /** Makes every appended entry visible to searches. */
  public void refresh() {
    EsCalls.callOr(() -> es.indices().refresh(r -> r.index(name())), null);
  }

  /** One page of the entries matching {@code filters}, newest first ({@code at}, then id). */
  Page search(List<Query> filters, Page.Request page) {
    List<Query> all = new ArrayList<>(filters);
    all.add(ProfileStore.term("workspace_id", workspace));
    return ProfileStore.searchPage(
        es,
        page,
        s ->
            s.index(name())
                .ignoreUnavailable(true)
                .allowNoIndices(true)
                .query(q -> q.bool(b -> b.filter(all)))
                .sort(ProfileStore.byField("at", SortOrder.Desc))
                .sort(ProfileStore.byField("audit_id", SortOrder.Desc)));
  }

  /**
   * The entries not yet copied to Delta, oldest first, at most {@code max}; none when the index
   * does not exist (nothing was ever logged).
   */
  public List<AuditEntry> unsynced(int max) {
    Query query =
        Query.of(
            q ->
                q.bool(
                    b ->
                        b.filter(ProfileStore.term("workspace_id", workspace))
                            .mustNot(m -> m.exists(e -> e.field("synced_at")))));
    SearchResponse<ObjectNode> response =
        EsCalls.callOr(
            () ->
                es.search(
                    s ->
                        s.index(name())
                            .query(query)
                            .size(max)
                            .sort(ProfileStore.byField("at", SortOrder.Asc))
                            .sort(ProfileStore.byField("audit_id", SortOrder.Asc)),
                    ObjectNode.class),
            null);
    if (response == null) {
      return List.of();
    }
    return response.hits().hits().stream().map(Hit::source).map(AuditEntry::fromJson).toList();
  }

  /** Marks the entries {@code auditIds} copied to Delta at {@code at}, visible when it returns. */
  public void markSynced(List<String> auditIds, Instant at) {
    if (auditIds.isEmpty()) {
      return;
    }
    ObjectNode synced = Json.mapper().createObjectNode().put("synced_at", at.toString());
    List<BulkOperation> updates =
        auditIds.stream()
            .map(
                id ->
                    BulkOperation.of(
                        o -> o.update(u -> u.index(name()).id(id).action(a -> a.doc(synced)))))
            .toList();
    BulkResponse response =
        EsCalls.call(() -> es.bulk(b -> b.operations(updates).refresh(Refresh.WaitFor)));
    failOnRefusal(response, "mark audit entry synced", -1);
  }

  private void failOnRefusal(BulkResponse response, String what, int tolerated) {
    if (!response.errors()) {
      return;
    }
    List<BulkResponseItem> failed =
        response.items().stream()
            .filter(i -> i.error() != null && i.status() != tolerated)
            .toList();
    if (failed.isEmpty()) {
      return;
    }
    BulkResponseItem first = failed.get(0);
    throw new CdpException(
        ErrorCode.INDEX_FAILED,
        "Elasticsearch refused to "
            + what
            + " '"
            + first.id()
            + "' in "
            + name()
            + ": "
            + first.error().reason()
            + (failed.size() > 1 ? " (and " + (failed.size() - 1) + " more)" : ""));
  }
}
