package io.opencdp.api;

import static java.util.Objects.requireNonNull;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.schemas.error.ErrorCode;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The saved segment definitions ({@code cdp-<ws>-segments}, docs/profile-store.md), one document
 * per segment, {@code _id} = {@code segment_id}. Writes wait until a search sees them ({@code
 * refresh=wait_for}), so "who uses this segment" is always current; a change or deletion names the
 * document's sequence number, so two concurrent changes cannot both win.
 */
final class SegmentStore {
  private static final Logger LOG = LoggerFactory.getLogger(SegmentStore.class);
  static final String MAPPING = "/io/opencdp/api/store/segments-mapping.json";
  static final String REFERENCES = "references";

  /** A stored document and the sequence number and primary term it was read at. */
  record Stored(ObjectNode doc, long seqNo, long primaryTerm) {
    Stored {
      requireNonNull(doc, "doc is null");
    }

    String id() {
      return doc.path("segment_id").asText();
    }

    long version() {
      return doc.path("version").asLong();
    }
  }

  private final ElasticsearchClient es;
  private final OwnedIndex index;

  SegmentStore(ElasticsearchClient es, StoreIndices indices) {
    this.es = requireNonNull(es, "es is null");
    this.index = new OwnedIndex(es, indices.segmentsIndex(), MAPPING);
  }

  /** The segment {@code id}; empty when there is none (or no segment was ever saved). */
  Optional<Stored> get(String id) {
    GetResponse<ObjectNode> got =
        EsCalls.callOr(() -> es.get(g -> g.index(index.name()).id(id), ObjectNode.class), null);
    if (got == null || !got.found() || got.source() == null) {
      return Optional.empty();
    }
    return Optional.of(new Stored(got.source(), got.seqNo(), got.primaryTerm()));
  }

  /** Saves a new segment; false when its id is taken. */
  boolean create(ObjectNode doc) {
    index.ensure();
    String id = doc.path("segment_id").asText();
    boolean created = EsCalls.createDocument(es, index.name(), id, doc);
    if (!created) {
      return false;
    }
    LOG.info("saved segment {}", id);
    return true;
  }

  /** Replaces {@code previous} with {@code doc}; a 409 when it changed since it was read. */
  void replace(Stored previous, ObjectNode doc) {
    try {
      EsCalls.call(
          () ->
              es.index(
                  i ->
                      i.index(index.name())
                          .id(previous.id())
                          .ifSeqNo(previous.seqNo())
                          .ifPrimaryTerm(previous.primaryTerm())
                          .refresh(Refresh.WaitFor)
                          .document(doc)));
    } catch (ElasticsearchException e) {
      throw changedMeanwhile(e, previous.id());
    }
    LOG.info("changed segment {} to version {}", previous.id(), doc.path("version").asLong());
  }

  /** Deletes {@code previous}; a 409 when it changed since it was read. */
  void delete(Stored previous) {
    try {
      EsCalls.call(
          () ->
              es.delete(
                  d ->
                      d.index(index.name())
                          .id(previous.id())
                          .ifSeqNo(previous.seqNo())
                          .ifPrimaryTerm(previous.primaryTerm())
                          .refresh(Refresh.WaitFor)));
    } catch (ElasticsearchException e) {
      throw changedMeanwhile(e, previous.id());
    }
    LOG.info("deleted segment {}", previous.id());
  }

  /**
   * The ids of the segments whose definition references {@code id} directly, by id; at most max.
   */
  List<String> usedBy(String id, int max) {
    SearchResponse<ObjectNode> response =
        EsCalls.callOr(
            () ->
                es.search(
                    s ->
                        s.index(index.name())
                            .query(ProfileStore.term(REFERENCES, id))
                            .source(src -> src.fetch(false))
                            .size(max)
                            .sort(ProfileStore.byField("segment_id", SortOrder.Asc)),
                    ObjectNode.class),
            null);
    return response == null ? List.of() : response.hits().hits().stream().map(Hit::id).toList();
  }

  /** One page of the segments, oldest first ({@code created_at}, then {@code segment_id}). */
  Page list(Page.Request page) {
    return ProfileStore.searchPage(
        es,
        page,
        s ->
            s.index(index.name())
                .sort(ProfileStore.byField("created_at", SortOrder.Asc))
                .sort(ProfileStore.byField("segment_id", SortOrder.Asc)));
  }

  private static RuntimeException changedMeanwhile(ElasticsearchException e, String id) {
    if (e.status() == 409 || e.status() == 404) {
      return new ApiException(
          ErrorCode.CONFLICT,
          "segment '" + id + "' was changed or deleted by another request meanwhile; read it again",
          "id");
    }
    return e;
  }
}
