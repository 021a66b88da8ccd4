package io.opencdp.api;

import static java.util.Objects.requireNonNull;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.Result;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.DeleteResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.schemas.audience.Sha256;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.json.Json;
import io.opencdp.schemas.normalize.PhoneNormalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The suppression list ({@code cdp-<ws>-suppressions}, docs/segments.md "Suppression list"):
 * identifiers that must never be sent to an ad platform or an internal list. One document per
 * identifier, {@code _id} = {@link #key}: the SHA-256 of {@code <type>:<normalized value>}; the
 * value itself is not kept. Values are normalized as ingest normalizes them ({@link
 * IdentifierValues}), so the key of a value an admin typed is the key of the value a profile holds.
 * Used by the API's {@code /v1/suppressions} routes, {@code cdp suppressions} and the export job.
 */
public final class SuppressionList {
  private static final Logger LOG = LoggerFactory.getLogger(SuppressionList.class);
  static final String MAPPING = "/io/opencdp/api/store/suppressions-mapping.json";
  static final int MAX_SOURCE_LENGTH = 200;

  /** Keys looked up per request by {@link #suppressedKeys}. */
  static final int BATCH = 1_000;

  /** Why an identifier is suppressed. */
  public enum Reason {
    MANUAL,
    UNSUBSCRIBE,
    HARD_BOUNCE,
    SPAM_REPORT,
    ERASURE;

    /** The spelling in bodies and commands: {@code hard_bounce}. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The reason spelled {@code text}; a {@code BAD_ARGUMENT} naming {@code reason} otherwise. */
    public static Reason parse(String text) {
      for (Reason reason : values()) {
        if (reason.wireName().equals(text)) {
          return reason;
        }
      }
      throw bad(
          "reason",
          "field 'reason' must be one of " + wireNames(values()) + ", got '" + text + "'");
    }
  }

  /**
   * One suppressed identifier, as stored.
   *
   * @param identifierType {@code email}, {@code phone}, ... ({@link IdentifierType#wireName})
   * @param valueHash {@link #key} of the type and the normalized value
   * @param reason {@link Reason#wireName}
   * @param source where it came from ({@code api}, {@code cli}, a bounce feed)
   * @param addedBy the API key id or the operator
   */
  public record Entry(
      String identifierType,
      String valueHash,
      String reason,
      String source,
      String addedBy,
      Instant addedAt) {
    public Entry {
      requireNonNull(identifierType, "identifierType is null");
      requireNonNull(valueHash, "valueHash is null");
      requireNonNull(reason, "reason is null");
    }

    /** The stored document (also the API's view of it). */
    public ObjectNode toJson() {
      ObjectNode doc = Json.mapper().createObjectNode();
      doc.put("identifier_type", identifierType);
      doc.put("value_hash", valueHash);
      doc.put("reason", reason);
      doc.put("source", source);
      doc.put("added_by", addedBy);
      doc.put("added_at", addedAt == null ? null : addedAt.toString());
      return doc;
    }

    static Entry fromJson(ObjectNode doc) {
      String at = doc.path("added_at").asText(null);
      return new Entry(
          doc.path("identifier_type").asText(),
          doc.path("value_hash").asText(),
          doc.path("reason").asText(),
          doc.path("source").asText(null),
          doc.path("added_by").asText(null),
          at == null ? null : Instant.parse(at));
    }
  }

  /**
   * What {@link #add} did.
   *
   * @param entry the stored entry: the new one, or the one that was there
   * @param created false when the identifier was suppressed already (nothing changed)
   */
  public record Added(Entry entry, boolean created) {}

  /** One page of {@link #list}: entries oldest first, and the cursor of the next page (or null). */
  public record Listing(List<Entry> entries, String nextCursor) {
    public Listing {
      entries = List.copyOf(entries);
    }
  }

  private final ElasticsearchClient es;
  private final OwnedIndex index;
  private final String workspace;
  private final IdentifierValues values;
  private final Clock clock;

  SuppressionList(
      ElasticsearchClient es, StoreIndices indices, IdentifierValues values, Clock clock) {
    this.es = requireNonNull(es, "es is null");
    this.index = new OwnedIndex(es, indices.suppressionsIndex(), MAPPING);
    this.workspace = indices.workspace();
    this.values = requireNonNull(values, "values is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /**
   * The suppression list of the workspace {@code indices} names; a phone number without {@code
   * +country} is read in {@code defaultPhoneRegion} ({@code api.default_phone_region}).
   */
  public static SuppressionList of(
      ElasticsearchClient es, StoreIndices indices, String defaultPhoneRegion) {
    return new SuppressionList(
        es,
        indices,
        new IdentifierValues(new PhoneNormalizer(defaultPhoneRegion)),
        Clock.systemUTC());
  }

  /**
   * The document id of a suppressed identifier: SHA-256 hex of {@code <type>:<value>}, with {@code
   * identifierType} a wire name ({@code email}) and {@code normalizedValue} as ingest stores it (as
   * a profile's {@code identifiers} hold it).
   */
  public static String key(String identifierType, String normalizedValue) {
    return Sha256.hex(identifierType + ":" + normalizedValue);
  }

  /**
   * The keys of every identifier of a profile, from its {@code identifiers} ({@code type} to the
   * normalized values): what {@link #suppressedKeys} looks up for it.
   */
  public static Set<String> keys(Map<String, ? extends Collection<String>> identifiersByType) {
    Set<String> keys = new LinkedHashSet<>();
    identifiersByType.forEach(
        (type, list) -> {
          if (list != null) {
            list.stream().filter(v -> v != null).forEach(v -> keys.add(key(type, v)));
          }
        });
    return keys;
  }

  /**
   * The key of {@code value} of {@code identifierType} as someone typed it: the type checked and
   * the value normalized as ingest normalizes it. A {@code BAD_ARGUMENT} naming {@code
   * identifier_type} or {@code value} when either is not valid.
   */
  public String keyOf(String identifierType, String value) {
    IdentifierType type = type(identifierType);
    return key(type.wireName(), normalize(type, value));
  }

  /**
   * Suppresses an identifier. Already suppressed: nothing changes and the entry that was there is
   * answered ({@link Added#created} false).
   *
   * @param reason a {@link Reason} wire name
   * @param source where the request came from ({@code api}, {@code cli}); null: {@code api}
   * @param addedBy who asked (an API key id, an operator)
   */
  public Added add(
      String identifierType, String value, String reason, String source, String addedBy) {
    IdentifierType type = type(identifierType);
    String key = key(type.wireName(), normalize(type, value));
    Reason why = Reason.parse(reason);
    String from = source == null ? "api" : source.strip();
    if (from.isEmpty() || from.length() > MAX_SOURCE_LENGTH) {
      throw bad("source", "field 'source' must be 1-" + MAX_SOURCE_LENGTH + " characters");
    }
    Entry entry =
        new Entry(
            type.wireName(),
            key,
            why.wireName(),
            from,
            requireNonNull(addedBy, "addedBy is null"),
            clock.instant());
    Optional<Entry> existing = get(key);
    if (existing.isPresent()) {
      return new Added(existing.get(), false);
    }
    index.ensure();
    ObjectNode doc = entry.toJson().put("workspace_id", workspace);
    if (!EsCalls.createDocument(es, index.name(), key, doc)) {
      // another writer added it between the get and the create
      return new Added(get(key).orElse(entry), false);
    }
    LOG.info("suppressed a {} ({}, by {})", type.wireName(), why.wireName(), addedBy);
    return new Added(entry, true);
  }

  /** Lifts the suppression of an identifier; false when it was not suppressed. */
  public boolean remove(String identifierType, String value) {
    String key = keyOf(identifierType, value);
    DeleteResponse deleted;
    try {
      deleted =
          EsCalls.callOr(
              () -> es.delete(d -> d.index(index.name()).id(key).refresh(Refresh.WaitFor)), null);
    } catch (ElasticsearchException e) {
      if (e.status() == 404) {
        return false;
      }
      throw e;
    }
    boolean removed = deleted != null && deleted.result() == Result.Deleted;
    if (removed) {
      LOG.info("lifted the suppression of a {}", identifierType);
    }
    return removed;
  }

  /** The entry stored under {@code key}, if any. */
  public Optional<Entry> get(String key) {
    GetResponse<ObjectNode> got =
        EsCalls.callOr(() -> es.get(g -> g.index(index.name()).id(key), ObjectNode.class), null);
    if (got == null || !got.found() || got.source() == null) {
      return Optional.empty();
    }
    return Optional.of(Entry.fromJson(got.source()));
  }

  /**
   * One page of the list, oldest first ({@code added_at}, then {@code value_hash}).
   *
   * @param limit entries per page, at least 1
   * @param cursor the previous page's {@link Listing#nextCursor}; null for the first page (a cursor
   *     this list did not give out is a {@code BAD_ARGUMENT} naming {@code cursor})
   */
  public Listing list(int limit, String cursor) {
    if (limit < 1) {
      throw bad("limit", "parameter 'limit' must be at least 1");
    }
    Page.Request request =
        new Page.Request(
            limit, cursor == null ? null : Cursor.decode(cursor, Cursor.Shape.TIME_THEN_ID));
    Page page =
        ProfileStore.searchPage(
            es,
            request,
            s ->
                s.index(index.name())
                    .sort(ProfileStore.byField("added_at", SortOrder.Asc))
                    .sort(ProfileStore.byField("value_hash", SortOrder.Asc)));
    return new Listing(page.items().stream().map(Entry::fromJson).toList(), page.nextCursor());
  }

  /**
   * Which of {@code keys} ({@link #key}) are suppressed, looked up {@value #BATCH} at a time. No
   * list yet (the index does not exist): none.
   */
  public Set<String> suppressedKeys(Collection<String> keys) {
    List<String> all = new ArrayList<>(new LinkedHashSet<>(keys));
    Set<String> suppressed = new HashSet<>();
    for (int from = 0; from < all.size(); from += BATCH) {
      List<String> batch = all.subList(from, Math.min(all.size(), from + BATCH));
      SearchResponse<ObjectNode> found =
          EsCalls.callOr(
              () ->
                  es.search(
                      s ->
                          s.index(index.name())
                              .query(q -> q.ids(ids -> ids.values(batch)))
                              .source(src -> src.fetch(false))
                              .size(batch.size()),
                      ObjectNode.class),
              null);
      if (found == null) {
        return Set.of();
      }
      found.hits().hits().stream().map(Hit::id).forEach(suppressed::add);
    }
    return suppressed;
  }

  /**
   * Whether any identifier of a profile ({@code identifiers}: type to normalized values) is
   * suppressed. One request per call; for many profiles, collect their {@link #keys} and call
   * {@link #suppressedKeys} once per page.
   */
  public boolean anySuppressed(Map<String, ? extends Collection<String>> identifiersByType) {
    return !suppressedKeys(keys(identifiersByType)).isEmpty();
  }

  private static IdentifierType type(String identifierType) {
    return Arrays.stream(IdentifierType.values())
        .filter(t -> t.wireName().equals(identifierType))
        .findFirst()
        .orElseThrow(
            () ->
                bad(
                    "identifier_type",
                    "field 'identifier_type' must be one of "
                        + wireNames(IdentifierType.values())
                        + ", got '"
                        + identifierType
                        + "'"));
  }

  private String normalize(IdentifierType type, String value) {
    return values
        .forLookup(type, value)
        .orElseThrow(() -> bad("value", "field 'value' " + values.refusal(type)));
  }

  private static String wireNames(Enum<?>[] values) {
    return Arrays.stream(values)
        .map(v -> v.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
  }

  private static ApiException bad(String field, String detail) {
    return new ApiException(ErrorCode.BAD_ARGUMENT, detail, field);
  }
}
