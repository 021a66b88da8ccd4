package io.opencdp.api.export;

import static java.util.Objects.requireNonNull;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.api.EsCalls;
import io.opencdp.api.OwnedIndex;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What each destination was last sent: {@code cdp-<ws>-export-state}, one document per (segment,
 * destination, profile) with the row as sent, {@code _id} {@code
 * <segment>/<destination>/<profile>}. Read whole for one (segment, destination) by {@code
 * profile_id}; changed in bulk.
 */
final class ExportState {
  static final String MAPPING = "/io/opencdp/api/export/export-state-mapping.json";
  static final int PAGE = 5_000;
  static final int BULK = 1_000;

  private final ElasticsearchClient es;
  private final String workspace;
  private final OwnedIndex index;

  ExportState(ElasticsearchClient es, StoreIndices indices) {
    this.es = requireNonNull(es, "es is null");
    this.workspace = indices.workspace();
    this.index = new OwnedIndex(es, indexName(indices), MAPPING);
  }

  static String indexName(StoreIndices indices) {
    return "cdp-" + indices.workspace() + "-export-state";
  }

  /** The rows last sent to {@code destination} for {@code segmentId}, by profile id. */
  Map<String, List<String>> read(String segmentId, String destination) {
    Query query =
        Query.of(
            q ->
                q.bool(
                    b ->
                        b.filter(f -> f.term(t -> t.field("segment_id").value(segmentId)))
                            .filter(f -> f.term(t -> t.field("destination").value(destination)))));
    Map<String, List<String>> rows = new LinkedHashMap<>();
    forEach(
        query,
        List.of("profile_id"),
        doc -> {
          List<String> row = new ArrayList<>();
          doc.path("row").forEach(v -> row.add(v.asText()));
          rows.put(doc.path("profile_id").asText(), row);
        });
    return rows;
  }

  /**
   * Every row last sent of the profiles {@code profileIds} (a survivor and its alias ids), to any
   * segment and destination, as stored ({@code segment_id}, {@code destination}, {@code format},
   * {@code export_id}, {@code exported_at}, {@code row}); none before the first export.
   */
  List<ObjectNode> sentTo(Collection<String> profileIds) {
    List<FieldValue> ids = profileIds.stream().map(FieldValue::of).toList();
    Query query = Query.of(q -> q.terms(t -> t.field("profile_id").terms(v -> v.value(ids))));
    List<ObjectNode> rows = new ArrayList<>();
    forEach(query, List.of("segment_id", "destination", "profile_id"), rows::add);
    return rows;
  }

  /**
   * Every document {@code query} matches, {@value #PAGE} per search after the last one's {@code
   * sort} (fields ascending, unique together); none while the index does not exist.
   */
  private void forEach(Query query, List<String> sort, Consumer<ObjectNode> sink) {
    List<FieldValue> after = null;
    while (true) {
      List<FieldValue> from = after;
      SearchResponse<ObjectNode> page =
          EsCalls.callOr(
              () ->
                  es.search(
                      s -> {
                        s.index(index.name()).query(query).size(PAGE);
                        sort.forEach(
                            field ->
                                s.sort(o -> o.field(f -> f.field(field).order(SortOrder.Asc))));
                        if (from != null) {
                          s.searchAfter(from);
                        }
                        return s;
                      },
                      ObjectNode.class),
              null);
      if (page == null) {
        return;
      }
      List<Hit<ObjectNode>> hits = page.hits().hits();
      hits.forEach(hit -> sink.accept(hit.source()));
      if (hits.size() < PAGE) {
        return;
      }
      after = hits.get(hits.size() - 1).sort();
    }
  }

  /**
   * Records {@code sent} (new or changed rows by profile id) and forgets {@code removed} for
   * (segment, destination); visible to the next {@link #read} when it returns.
   */
  void apply(
      String segmentId,
      String destination,
      String format,
      String exportId,
      Instant at,
      Map<String, List<String>> sent,
      Collection<String> removed) {
    index.ensure();
    List<BulkOperation> batch = new ArrayList<>();
    for (Map.Entry<String, List<String>> entry : sent.entrySet()) {
      ObjectNode doc = Json.mapper().createObjectNode();
      doc.put("workspace_id", workspace);
      doc.put("segment_id", segmentId);
      doc.put("destination", destination);
      doc.put("profile_id", entry.getKey());
      doc.put("format", format);
      ArrayNode row = doc.putArray("row");
      entry.getValue().forEach(row::add);
      doc.put("export_id", exportId);
      doc.put("exported_at", at.toString());
      String id = id(segmentId, destination, entry.getKey());
      batch.add(BulkOperation.of(o -> o.index(i -> i.index(index.name()).id(id).document(doc))));
      flushIfFull(batch);
    }
    for (String profileId : removed) {
      String id = id(segmentId, destination, profileId);
      batch.add(BulkOperation.of(o -> o.delete(d -> d.index(index.name()).id(id))));
      flushIfFull(batch);
    }
    flush(batch);
    EsCalls.call(() -> es.indices().refresh(r -> r.index(index.name())));
  }

  private void flushIfFull(List<BulkOperation> batch) {
    if (batch.size() >= BULK) {
      flush(batch);
    }
  }

  private void flush(List<BulkOperation> batch) {
    if (batch.isEmpty()) {
      return;
    }
    List<BulkOperation> operations = List.copyOf(batch);
    batch.clear();
    BulkResponse response = EsCalls.call(() -> es.bulk(b -> b.operations(operations)));
    if (response.errors()) {
      for (BulkResponseItem item : response.items()) {
        if (item.error() != null) {
          throw new CdpException(
              ErrorCode.INDEX_FAILED,
              "Elasticsearch refused export state "
                  + item.id()
                  + " in "
                  + index.name()
                  + ": "
                  + item.error().reason());
        }
      }
    }
  }

  private static String id(String segmentId, String destination, String profileId) {
    return segmentId + "/" + destination + "/" + profileId;
  }
}
