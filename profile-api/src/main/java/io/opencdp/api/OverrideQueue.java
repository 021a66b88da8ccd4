package io.opencdp.api;

import static java.util.Objects.requireNonNull;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.api.store.PendingOverrides;
import io.opencdp.api.store.StoreIndices;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable queue of identity overrides recorded through the API ({@code cdp-<ws>-overrides},
 * docs/profile-store.md): the API does not depend on Spark, so it cannot append to the Delta table
 * {@code identity_overrides}; it appends here, with the same fields as a Delta row plus {@code
 * status: pending}, and the next {@code cdp resolve} copies pending documents into Delta. The index
 * is created with its strict mapping on the first append (never by Elasticsearch's auto-create,
 * whose dynamic mapping would guess field types).
 */
final class OverrideQueue {
  private static final Logger LOG = LoggerFactory.getLogger(OverrideQueue.class);
  static final String MAPPING = "/io/opencdp/api/store/overrides-mapping.json";
  static final String PENDING = PendingOverrides.PENDING;

  private final ElasticsearchClient es;
  private final OwnedIndex index;

  OverrideQueue(ElasticsearchClient es, StoreIndices indices) {
    this.es = requireNonNull(es, "es is null");
    this.index = new OwnedIndex(es, indices.overridesIndex(), MAPPING);
  }

  /**
   * Appends {@code override} (its {@code override_id} is the document id; never overwritten) and
   * waits until a search sees it.
   */
  void append(ObjectNode override) {
    String id = override.get("override_id").asText();
    index.ensure();
    if (!EsCalls.createDocument(es, index.name(), id, override)) {
      // ids carry a timestamp and a random part: only a retried request finds its own override
      LOG.info("override {} was queued already", id);
      return;
    }
    LOG.info("queued {} override {}", override.get("kind").asText(), id);
  }

  /**
   * The pending overrides that name profile {@code profileId} or one of {@code values} (identifier
   * values), oldest first; at most max.
   */
  List<ObjectNode> pending(String profileId, Collection<String> values, int max) {
    List<FieldValue> named = values.stream().map(FieldValue::of).toList();
    Query query =
        Query.of(
            q ->
                q.bool(
                    b ->
                        b.filter(ProfileStore.term("status", PENDING))
                            .should(ProfileStore.term("profile_id", profileId))
                            .should(
                                s -> s.terms(t -> t.field("left_value").terms(v -> v.value(named))))
                            .should(
                                s ->
                                    s.terms(t -> t.field("right_value").terms(v -> v.value(named))))
                            .minimumShouldMatch("1")));
    SearchResponse<ObjectNode> response =
        EsCalls.callOr(
            () ->
                es.search(
                    s ->
                        s.index(index.name())
                            .ignoreUnavailable(true)
                            .allowNoIndices(true)
                            .query(query)
                            .size(max)
                            .sort(ProfileStore.byField("created_at", SortOrder.Asc))
                            .sort(ProfileStore.byField("override_id", SortOrder.Asc)),
                    ObjectNode.class),
            null);
    return response == null ? List.of() : response.hits().hits().stream().map(Hit::source).toList();
  }
}
