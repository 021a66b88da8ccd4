package io.opencdp.api.store;

import static java.util.Objects.requireNonNull;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.indices.update_aliases.Action;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, loads, swaps and prunes one workspace's indices (docs/profile-store.md): versioned
 * profiles and identity indices built with refresh off and no replicas, moved behind their aliases
 * in one atomic {@code _aliases} call; monthly event indices behind the events alias, created from
 * the strict mapping (and an index template, so an index created any other way gets it too).
 */
public final class IndexAdmin {
  private static final Logger LOG = LoggerFactory.getLogger(IndexAdmin.class);

  /** Ids per delete request. */
  private static final int IDS_PER_DELETE = 5000;

  private final ElasticsearchClient client;
  private final StoreIndices names;

  public IndexAdmin(ElasticsearchClient client, StoreIndices names) {
    this.client = requireNonNull(client, "client is null");
    this.names = requireNonNull(names, "names is null");
  }

  public StoreIndices names() {
    return names;
  }

  /** A new, empty profiles index for a rebuild, refresh off and no replicas while it loads. */
  public void createProfilesIndexForLoad(String index) {
    createForLoad(
        index, StoreMappings.load(StoreMappings.PROFILES), ActivityFields.NESTED_OBJECTS_LIMIT);
  }

  /** A new, empty identity index for a rebuild, refresh off and no replicas while it loads. */
  public void createIdentityIndexForLoad(String index) {
    createForLoad(index, StoreMappings.load(StoreMappings.IDENTITY), null);
  }

  /**
   * Adds to an identity index, written by an older version, the fields of the current mapping it
   * lacks (Elasticsearch adds new fields in place; the ones it has stay as they are), so an
   * incremental run can write documents with every current field.
   */
  public void updateIdentityMapping(String index) {
    TypeMapping mapping = StoreMappings.load(StoreMappings.IDENTITY);
    call(
        "update the mapping of " + index,
        () -> client.indices().putMapping(p -> p.index(index).properties(mapping.properties())));
  }

  /**
   * @param nestedObjects {@code index.mapping.nested_objects.limit}, or null for the default
   */
  private void createForLoad(String index, TypeMapping mapping, Long nestedObjects) {
    call(
        "create index " + index,
        () ->
            client
                .indices()
                .create(
                    c ->
                        c.index(index)
                            .settings(
                                s -> {
                                  s.numberOfShards("1")
                                      .numberOfReplicas("0")
                                      .refreshInterval(t -> t.time("-1"));
                                  if (nestedObjects != null) {
                                    s.mapping(m -> m.nestedObjects(n -> n.limit(nestedObjects)));
                                  }
                                  return s;
                                })
                            .mappings(mapping)));
    LOG.info("created {} for loading (refresh off, no replicas)", index);
  }

  /** After loading: the normal refresh interval, {@code replicas} replicas, and one refresh. */
  public void finishLoad(String index, int replicas) {
    call(
        "restore settings of " + index,
        () ->
            client
                .indices()
                .putSettings(
                    p ->
                        p.index(index)
                            .settings(
                                s ->
                                    s.refreshInterval(t -> t.time("1s"))
                                        .numberOfReplicas(Integer.toString(replicas)))));
    refresh(index);
  }

  /** Makes everything written to {@code indexOrAlias} visible to searches and counts. */
  public void refresh(String indexOrAlias) {
    call("refresh " + indexOrAlias, () -> client.indices().refresh(r -> r.index(indexOrAlias)));
  }

  /** The concrete indices behind {@code alias}; empty when the alias does not exist. */
  public Set<String> indicesOf(String alias) {
    boolean exists =
        call("check alias " + alias, () -> client.indices().existsAlias(e -> e.name(alias)))
            .value();
    if (!exists) {
      return Set.of();
    }
    return new TreeSet<>(
        call("get alias " + alias, () -> client.indices().getAlias(g -> g.name(alias)))
            .result()
            .keySet());
  }

  /**
   * Points the profiles and identity aliases at {@code profilesIndex} and {@code identityIndex},
   * away from whatever they pointed at, in one atomic {@code _aliases} call: a reader sees the old
   * indices or the new ones, never neither. Returns the indices the aliases left.
   */
  public List<String> swapAliases(String profilesIndex, String identityIndex) {
    List<Action> actions = new ArrayList<>();
    List<String> previous = new ArrayList<>();
    for (String[] move :
        new String[][] {
          {names.profilesAlias(), profilesIndex}, {names.identityAlias(), identityIndex}
        }) {
      String alias = move[0];
      String target = move[1];
      actions.add(Action.of(a -> a.add(add -> add.index(target).alias(alias))));
      for (String old : indicesOf(alias)) {
        if (!old.equals(target)) {
          actions.add(Action.of(a -> a.remove(r -> r.index(old).alias(alias))));
          previous.add(old);
        }
      }
    }
    call("move aliases", () -> client.indices().updateAliases(u -> u.actions(actions)));
    LOG.info(
        "aliases {} -> {}, {} -> {} (left {})",
        names.profilesAlias(),
        profilesIndex,
        names.identityAlias(),
        identityIndex,
        previous);
    return previous;
  }

  /** Deletes {@code indices}; ones already gone are ignored. */
  public void delete(Collection<String> indices) {
    if (indices.isEmpty()) {
      return;
    }
    List<String> list = List.copyOf(indices);
    call(
        "delete indices " + list,
        () -> client.indices().delete(d -> d.index(list).ignoreUnavailable(true)));
    LOG.info("deleted {}", list);
  }

  /**
   * The index template of the monthly event indices (strict mapping, the events alias) and the
   * indices of {@code months}, created when missing, with {@code replicas} replicas (0 on a single
   * node, which otherwise stays yellow).
   */
  public void ensureEventIndices(Collection<YearMonth> months, int replicas) {
    TypeMapping mapping = StoreMappings.load(StoreMappings.EVENTS);
    String alias = names.eventsAlias();
    call(
        "put the events index template",
        () ->
            client
                .indices()
                .putIndexTemplate(
                    t ->
                        t.name(alias)
                            .indexPatterns(names.eventsIndexPattern())
                            .priority(200L)
                            .template(
                                tm ->
                                    tm.settings(
                                            s ->
                                                s.numberOfShards("1")
                                                    .numberOfReplicas(Integer.toString(replicas)))
                                        .mappings(mapping)
                                        .aliases(alias, a -> a))));
    for (YearMonth month : new TreeSet<>(months)) {
      String index = eventsIndex(month);
      boolean exists =
          call("check index " + index, () -> client.indices().exists(e -> e.index(index))).value();
      if (exists) {
        continue;
      }
      try {
        client.indices().create(c -> c.index(index).mappings(mapping).aliases(alias, a -> a));
        LOG.info("created {}", index);
      } catch (ElasticsearchException e) {
        if (!"resource_already_exists_exception".equals(e.error().type())) {
          throw unavailable("create index " + index, e);
        }
      } catch (IOException e) {
        throw unavailable("create index " + index, e);
      }
    }
  }

  /** The monthly event index of {@code month}. */
  public String eventsIndex(YearMonth month) {
    return names.eventsIndex(month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
  }

  /** The concrete monthly event indices that exist. */
  public Set<String> eventIndices() {
    return new TreeSet<>(
        call(
                "list event indices",
                () ->
                    client
                        .indices()
                        .get(g -> g.index(names.eventsIndexPattern()).allowNoIndices(true)))
            .result()
            .keySet());
  }

  /**
   * Deletes the monthly event indices that hold only events before {@code cutoff} (their month
   * ended at or before it), and the documents of older events in the month {@code cutoff} falls in.
   */
  public void pruneEventsBefore(Instant cutoff) {
    pruneEventsBefore(cutoff, false);
  }

  /**
   * What pruning removed (or would remove) from one monthly event index.
   *
   * @param index the index
   * @param documents documents removed (counted, on a dry run)
   * @param wholeIndex whether the index itself was deleted (else its older documents were)
   */
  public record Pruned(String index, long documents, boolean wholeIndex) {}

  /**
   * {@link #pruneEventsBefore(Instant)}, saying what it removed; {@code dryRun} counts and changes
   * nothing.
   */
  public List<Pruned> pruneEventsBefore(Instant cutoff, boolean dryRun) {
    YearMonth cutoffMonth = YearMonth.from(cutoff.atOffset(ZoneOffset.UTC));
    List<String> expired = new ArrayList<>();
    List<Pruned> pruned = new ArrayList<>();
    for (String index : eventIndices()) {
      YearMonth month = monthOf(index);
      if (month != null && month.isBefore(cutoffMonth)) {
        expired.add(index);
        pruned.add(new Pruned(index, count(index), true));
      }
    }
    String older = "{\"range\": {\"occurred_at\": {\"lt\": \"" + cutoff + "\"}}}";
    long documents;
    if (dryRun) {
      documents =
          countMatching(names.eventsAlias(), Query.of(q -> q.withJson(new StringReader(older))))
              - pruned.stream().mapToLong(Pruned::documents).sum();
    } else {
      delete(expired);
      documents = deleteByQuery(names.eventsAlias(), older);
    }
    String boundary = eventsIndex(cutoffMonth);
    if (documents > 0 || eventIndices().contains(boundary)) {
      pruned.add(new Pruned(boundary, documents, false));
    }
    return pruned;
  }

  private long countMatching(String alias, Query query) {
    return call(
            "count " + alias,
            () ->
                client.count(
                    c -> c.index(alias).allowNoIndices(true).ignoreUnavailable(true).query(query)))
        .count();
  }

  /** The month of a monthly event index name, or null for another name. */
  YearMonth monthOf(String index) {
    String prefix = names.eventsAlias() + "-";
    if (!index.startsWith(prefix)) {
      return null;
    }
    try {
      return YearMonth.parse(index.substring(prefix.length()).replace('.', '-'));
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * Deletes the documents behind {@code alias} written before {@code indexedBefore} (their {@code
   * indexed_at} is older), restricted to {@code ids} when not null: what a run that rewrote
   * everything current leaves behind (an event that moved to another month, or lost its profile).
   *
   * @return documents deleted
   */
  public long deleteStale(String alias, Instant indexedBefore, Collection<String> ids) {
    String stale = "{\"range\": {\"indexed_at\": {\"lt\": \"" + indexedBefore + "\"}}}";
    if (ids == null) {
      return deleteByQuery(alias, stale);
    }
    long deleted = 0;
    List<String> list = List.copyOf(ids);
    for (int from = 0; from < list.size(); from += IDS_PER_DELETE) {
      List<String> chunk = list.subList(from, Math.min(list.size(), from + IDS_PER_DELETE));
      StringBuilder values = new StringBuilder();
      for (String id : chunk) {
        values.append(values.isEmpty() ? "" : ",").append('"').append(jsonEscape(id)).append('"');
      }
      deleted +=
          deleteByQuery(
              alias,
              "{\"bool\": {\"filter\": [{\"ids\": {\"values\": ["
                  + values
                  + "]}}, "
                  + stale
                  + "]}}");
    }
    return deleted;
  }

  /**
   * Deletes the documents behind {@code alias} that match {@code queryJson}: search a page of their
   * ids, bulk-delete them, refresh, repeat. Not {@code _delete_by_query}: that lives in the reindex
   * module, which not every distribution (the integration-test one included) ships.
   */
  private long deleteByQuery(String alias, String queryJson) {
    Query query = Query.of(q -> q.withJson(new StringReader(queryJson)));
    long deleted = 0;
    while (true) {
      refresh(alias);
      List<Hit<Void>> hits =
          call(
                  "search " + alias,
                  () ->
                      client.search(
                          s ->
                              s.index(alias)
                                  .allowNoIndices(true)
                                  .ignoreUnavailable(true)
                                  .size(IDS_PER_DELETE)
                                  .source(src -> src.fetch(false))
                                  .query(query),
                          Void.class))
              .hits()
              .hits();
      if (hits.isEmpty()) {
        return deleted;
      }
      List<BulkOperation> deletes = new ArrayList<>();
      for (Hit<Void> hit : hits) {
        deletes.add(BulkOperation.of(o -> o.delete(d -> d.index(hit.index()).id(hit.id()))));
      }
      bulk("delete document", deletes, Set.of(404));
      deleted += hits.size();
    }
  }

  /**
   * Writes again into {@code to} the profile documents the stream wrote into {@code from} since
   * {@code since} ({@code delta_version} {@code streamDeltaVersion}, {@code indexed_at} at or after
   * it), each with its version as an external version (a newer write already in {@code to} wins),
   * and deletes there the ids each lists in {@code merged_from} under the same version: what a full
   * re-index does after moving the alias away from the index the stream was writing to.
   *
   * @return documents replayed
   */
  public long replayStreamWrites(String from, String to, Instant since, long streamDeltaVersion) {
    Query query =
        Query.of(
            q ->
                q.withJson(
                    new StringReader(
                        "{\"bool\": {\"filter\": [{\"term\": {\"delta_version\": "
                            + streamDeltaVersion
                            + "}}, {\"range\": {\"indexed_at\": {\"gte\": \""
                            + since
                            + "\"}}}]}}")));
    refresh(from);
    long replayed = 0;
    List<FieldValue> after = null;
    while (true) {
      List<FieldValue> searchAfter = after;
      List<Hit<ObjectNode>> hits =
          call(
                  "search " + from,
                  () ->
                      client.search(
                          s -> {
                            s.index(from)
                                .size(IDS_PER_DELETE)
                                .version(true)
                                .query(query)
                                .sort(o -> o.field(f -> f.field("profile_id")));
                            return searchAfter == null ? s : s.searchAfter(searchAfter);
                          },
                          ObjectNode.class))
              .hits()
              .hits();
      if (hits.isEmpty()) {
        return replayed;
      }
      List<BulkOperation> writes = new ArrayList<>();
      for (Hit<ObjectNode> hit : hits) {
        long version = hit.version();
        writes.add(
            BulkOperation.of(
                o ->
                    o.index(
                        i ->
                            i.index(to)
                                .id(hit.id())
                                .version(version)
                                .versionType(VersionType.External)
                                .document(hit.source()))));
        for (JsonNode alias : hit.source().path("merged_from")) {
          writes.add(
              BulkOperation.of(
                  o ->
                      o.delete(
                          d ->
                              d.index(to)
                                  .id(alias.asText())
                                  .version(version)
                                  .versionType(VersionType.External))));
        }
      }
      // 409: the target holds a newer write; 404: the merged-away id was never there
      bulk("replay the stream's document", writes, Set.of(404, 409));
      replayed += hits.size();
      after = hits.get(hits.size() - 1).sort();
    }
  }

  /** Sends {@code operations}; an item refused with a status not in {@code tolerated} fails. */
  private void bulk(String what, List<BulkOperation> operations, Set<Integer> tolerated) {
    BulkResponse response = call(what, () -> client.bulk(b -> b.operations(operations)));
    for (BulkResponseItem item : response.items()) {
      if (item.error() != null && !tolerated.contains(item.status())) {
        throw new CdpException(
            ErrorCode.INDEX_FAILED,
            "Elasticsearch refused to "
                + what
                + " '"
                + item.id()
                + "' in "
                + item.index()
                + ": "
                + item.error().reason());
      }
    }
  }

  /** Documents behind {@code indexOrAlias}; 0 when it does not exist. */
  public long count(String indexOrAlias) {
    return call(
            "count " + indexOrAlias,
            () ->
                client.count(
                    c -> c.index(indexOrAlias).allowNoIndices(true).ignoreUnavailable(true)))
        .count();
  }

  /**
   * The profile documents of {@code alias} whose {@code activity} holds only the most recent {@link
   * ActivityFields#MAX_EVENTS} events.
   */
  public long countTruncatedActivity(String alias) {
    return countMatching(
        alias, Query.of(q -> q.term(t -> t.field(ActivityFields.TRUNCATED).value(true))));
  }

  private static String jsonEscape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private interface EsCall<T> {
    T run() throws IOException;
  }

  private static <T> T call(String what, EsCall<T> call) {
    try {
      return call.run();
    } catch (IOException e) {
      throw unavailable(what, e);
    } catch (ElasticsearchException e) {
      throw new CdpException(
          ErrorCode.INDEX_FAILED,
          "Elasticsearch refused to " + what + ": " + e.error().type() + ": " + e.error().reason(),
          e);
    }
  }

  private static CdpException unavailable(String what, Exception e) {
    return new CdpException(
        ErrorCode.ELASTICSEARCH_UNAVAILABLE,
        "could not "
            + what
            + ": "
            + e.getMessage()
            + " (is Elasticsearch running? `cdp es status`)",
        e);
  }
}
