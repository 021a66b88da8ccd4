package io.opencdp.jobs.privacy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ExpandWildcard;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.api.SuppressionList;
import io.opencdp.api.store.EsConnection;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.schemas.json.Json;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Deletes an erased person's documents from every Elasticsearch index of the workspace ({@code
 * cdp-<ws>-*}: every versioned profiles and identity index, the aliased one and the older ones,
 * every monthly events index, the suppressions and the pending overrides; not the audit log and the
 * erasure requests, which name only profile ids): documents whose id, or {@code profile_id} /
 * {@code event_id}, is one of theirs, the suppression entries of their identifiers, and any
 * document holding one of their identifier values. Search then bulk delete, not {@code
 * _delete_by_query} (not every distribution ships the reindex module).
 */
final class EsEraser {
  private static final int PAGE = 1_000;

  private final ElasticsearchClient client;
  private final String workspace;

  EsEraser(EsConnection es, String workspace) {
    this.client = es.client();
    this.workspace = workspace;
  }

  /** Deletes the documents; how many per index that had any. */
  List<Removed> delete(ErasedPerson person) {
    Query query = Query.of(q -> q.withJson(new StringReader(queryJson(person))));
    String pattern = "cdp-" + workspace + "-*";
    // the audit log and the erasure requests are the records of what was read and erased: they
    // name profile ids (no identifier, no name) and stay
    StoreIndices names = new StoreIndices(workspace);
    List<String> targets = List.of(pattern, "-" + names.auditIndex(), "-" + names.erasuresIndex());
    Map<String, Long> perIndex = new TreeMap<>();
    try {
      while (true) {
        client
            .indices()
            .refresh(r -> r.index(pattern).allowNoIndices(true).ignoreUnavailable(true));
        List<Hit<Void>> hits =
            client
                .search(
                    s ->
                        s.index(targets)
                            .allowNoIndices(true)
                            .ignoreUnavailable(true)
                            .expandWildcards(ExpandWildcard.All)
                            .size(PAGE)
                            .source(src -> src.fetch(false))
                            .query(query),
                    Void.class)
                .hits()
                .hits();
        if (hits.isEmpty()) {
          break;
        }
        List<BulkOperation> deletes = new ArrayList<>();
        for (Hit<Void> hit : hits) {
          deletes.add(BulkOperation.of(o -> o.delete(d -> d.index(hit.index()).id(hit.id()))));
          perIndex.merge(hit.index(), 1L, Long::sum);
        }
        BulkResponse response = client.bulk(b -> b.operations(deletes));
        if (response.errors()) {
          throw new IllegalStateException(
              "Elasticsearch refused to delete some of the person's documents: "
                  + response.items().stream()
                      .filter(i -> i.error() != null && i.status() != 404)
                      .map(i -> i.index() + "/" + i.id() + ": " + i.error().reason())
                      .limit(3)
                      .toList());
        }
      }
      client.indices().refresh(r -> r.index(pattern).allowNoIndices(true).ignoreUnavailable(true));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach Elasticsearch: " + e.getMessage(), e);
    }
    Instant now = Instant.now();
    List<Removed> removed = new ArrayList<>();
    perIndex.forEach((index, n) -> removed.add(new Removed("es:" + index, n, null, now)));
    return removed;
  }

  /** The query of the person's documents, as JSON (built with Jackson: values are escaped). */
  static String queryJson(ErasedPerson person) {
    Set<String> ids = new TreeSet<>(person.profileIds());
    ids.addAll(person.eventIds());
    for (String key : person.identifiers()) {
      int colon = key.indexOf(':');
      ids.add(SuppressionList.key(key.substring(0, colon), key.substring(colon + 1)));
    }
    ObjectNode root = Json.mapper().createObjectNode();
    ObjectNode bool = root.putObject("bool");
    ArrayNode should = bool.putArray("should");
    should.addObject().putObject("ids").set("values", strings(ids));
    should.addObject().putObject("terms").set("profile_id", strings(person.profileIds()));
    should.addObject().putObject("terms").set("event_id", strings(person.eventIds()));
    for (String value : person.textValues()) {
      ObjectNode qs = should.addObject().putObject("query_string");
      qs.put("query", "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
      qs.putArray("fields").add("*");
      qs.put("lenient", true);
    }
    bool.put("minimum_should_match", 1);
    return root.toString();
  }

  private static ArrayNode strings(Set<String> values) {
    ArrayNode array = Json.mapper().createArrayNode();
    values.forEach(array::add);
    return array;
  }
}
