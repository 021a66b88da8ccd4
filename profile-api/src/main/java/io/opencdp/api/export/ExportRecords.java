package io.opencdp.api.export;

import static java.util.Objects.requireNonNull;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.api.EsCalls;
import io.opencdp.api.OwnedIndex;
import io.opencdp.api.store.StoreIndices;
import java.util.List;
import java.util.Optional;

/**
 * The export records: {@code cdp-<ws>-exports}, one document per export, {@code _id} = {@code
 * export_id}. Every write waits until a read sees it.
 */
final class ExportRecords {
  static final String MAPPING = "/io/opencdp/api/export/exports-mapping.json";

  private final ElasticsearchClient es;
  private final OwnedIndex index;

  ExportRecords(ElasticsearchClient es, StoreIndices indices) {
    this.es = requireNonNull(es, "es is null");
    this.index = new OwnedIndex(es, "cdp-" + indices.workspace() + "-exports", MAPPING);
  }

  void create(ObjectNode record) {
    index.ensure();
    String id = record.path("export_id").asText();
    EsCalls.call(
        () ->
            es.index(i -> i.index(index.name()).id(id).refresh(Refresh.WaitFor).document(record)));
  }

  /** Sets the members of {@code changes} on the record {@code exportId}. */
  void update(String exportId, ObjectNode changes) {
    EsCalls.call(
        () ->
            es.update(
                u ->
                    u.index(index.name())
                        .id(exportId)
                        .refresh(Refresh.WaitFor)
                        .doc(changes)
                        .retryOnConflict(3),
                ObjectNode.class));
  }

  Optional<ObjectNode> get(String exportId) {
    GetResponse<ObjectNode> got =
        EsCalls.callOr(
            () -> es.get(g -> g.index(index.name()).id(exportId), ObjectNode.class), null);
    if (got == null || !got.found() || got.source() == null) {
      return Optional.empty();
    }
    return Optional.of(got.source());
  }

  /** The ids of the records still {@code queued} or {@code running} (at most 10,000). */
  List<String> unfinished() {
    List<FieldValue> statuses =
        List.of(FieldValue.of(ExportStatus.QUEUED.id()), FieldValue.of(ExportStatus.RUNNING.id()));
    SearchResponse<ObjectNode> response =
        EsCalls.callOr(
            () ->
                es.search(
                    s ->
                        s.index(index.name())
                            .query(
                                q -> q.terms(t -> t.field("status").terms(v -> v.value(statuses))))
                            .source(src -> src.fetch(false))
                            .size(10_000),
                    ObjectNode.class),
            null);
    return response == null ? List.of() : response.hits().hits().stream().map(Hit::id).toList();
  }
}
