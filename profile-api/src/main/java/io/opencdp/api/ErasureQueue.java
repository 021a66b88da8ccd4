package io.opencdp.api;

import static java.util.Objects.requireNonNull;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.schemas.json.Json;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The erasure requests received through the API ({@code cdp-<ws>-erasures}, docs/privacy.md): the
 * API does not depend on Spark, so it cannot erase Delta rows itself; it queues the request here
 * ({@code received}) and {@code cdp privacy erase --queued} (run by every {@code cdp resolve} too)
 * carries it out, writing each step's status and, at the end, what was removed where back to the
 * same document. The identifier value is kept only until the request is carried out.
 */
public final class ErasureQueue {
  private static final Logger LOG = LoggerFactory.getLogger(ErasureQueue.class);
  static final String MAPPING = "/io/opencdp/api/store/erasures-mapping.json";

  /** Status of a request nobody has worked on yet. */
  public static final String RECEIVED = "received";

  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ElasticsearchClient es;
  private final OwnedIndex index;
  private final String workspace;

  public ErasureQueue(ElasticsearchClient es, StoreIndices indices) {
    this.es = requireNonNull(es, "es is null");
    this.index = new OwnedIndex(es, indices.erasuresIndex(), MAPPING);
    this.workspace = indices.workspace();
  }

  /**
   * One request as the queue holds it.
   *
   * @param requestId {@code erasure-<utc time>-<random>}
   * @param identifierType how the person was named; null when by profile id
   * @param identifierValue the normalized value, null once carried out (or when by profile id)
   * @param profileId the profile named, or null when by identifier
   * @param status {@code received}, then the erasure job's statuses (docs/privacy.md)
   * @param requestedBy the API key (its id) or {@code cli}
   * @param result what the job reports: where what was removed; null until it ran
   */
  public record Request(
      String requestId,
      String identifierType,
      String identifierValue,
      String profileId,
      String status,
      String requestedBy,
      Instant requestedAt,
      Instant updatedAt,
      String message,
      JsonNode result) {
    public Request {
      requireNonNull(requestId, "requestId is null");
      requireNonNull(status, "status is null");
      requireNonNull(requestedAt, "requestedAt is null");
      if ((identifierType == null) == (profileId == null)) {
        throw new IllegalArgumentException("a request names an identifier or a profile id");
      }
    }

    /** A new request, {@code received} now. */
    public static Request received(
        String identifierType,
        String identifierValue,
        String profileId,
        String requestedBy,
        Instant now) {
      Instant at = now.truncatedTo(ChronoUnit.MILLIS);
      byte[] random = new byte[4];
      RANDOM.nextBytes(random);
      String id = "erasure-" + ID_TIME.format(at) + "-" + HexFormat.of().formatHex(random);
      return new Request(
          id,
          identifierType,
          identifierValue,
          profileId,
          RECEIVED,
          requestedBy,
          at,
          at,
          null,
          null);
    }

    /**
     * This request in {@code status} since {@code now}, with {@code message} and {@code result}.
     */
    public Request moved(String newStatus, Instant now, String newMessage, JsonNode newResult) {
      return new Request(
          requestId,
          identifierType,
          identifierValue,
          profileId,
          newStatus,
          requestedBy,
          requestedAt,
          now.truncatedTo(ChronoUnit.MILLIS),
          newMessage,
          newResult);
    }

    /** This request without the identifier value (once carried out). */
    public Request forgettingValue() {
      return new Request(
          requestId,
          identifierType,
          null,
          profileId,
          status,
          requestedBy,
          requestedAt,
          updatedAt,
          message,
          result);
    }

    /** The document, also the API's answer (without the value, which the caller sent). */
    ObjectNode toJson(String workspace, boolean withValue) {
      ObjectNode doc = Json.mapper().createObjectNode();
      doc.put("workspace_id", workspace);
      doc.put("request_id", requestId);
      doc.put("identifier_type", identifierType);
      if (withValue) {
        doc.put("identifier_value", identifierValue);
      }
      doc.put("profile_id", profileId);
      doc.put("status", status);
      doc.put("requested_by", requestedBy);
      doc.put("requested_at", requestedAt.toString());
      doc.put("updated_at", updatedAt == null ? null : updatedAt.toString());
      doc.put("message", message);
      doc.set("result", result);
      return doc;
    }

    static Request fromJson(JsonNode doc) {
      return new Request(
          doc.get("request_id").asText(),
          text(doc, "identifier_type"),
          text(doc, "identifier_value"),
          text(doc, "profile_id"),
          doc.get("status").asText(),
          text(doc, "requested_by"),
          Instant.parse(doc.get("requested_at").asText()),
          doc.hasNonNull("updated_at") ? Instant.parse(doc.get("updated_at").asText()) : null,
          text(doc, "message"),
          doc.hasNonNull("result") ? doc.get("result") : null);
    }

    private static String text(JsonNode doc, String field) {
      return doc.hasNonNull(field) ? doc.get(field).asText() : null;
    }
  }

  /** Queues {@code request} (its id is the document id) and waits until a search sees it. */
  public void submit(Request request) {
    index.ensure();
    if (!EsCalls.createDocument(
        es, index.name(), request.requestId(), request.toJson(workspace, true))) {
      throw new IllegalStateException("erasure request " + request.requestId() + " exists");
    }
    LOG.info(
        "queued erasure request {} ({})",
        request.requestId(),
        request.profileId() != null
            ? "profile " + request.profileId()
            : "by " + request.identifierType());
  }

  /** Writes the request's new state over the old one, visible to searches when it returns. */
  public void update(Request request) {
    index.ensure();
    EsCalls.call(
        () ->
            es.index(
                i ->
                    i.index(index.name())
                        .id(request.requestId())
                        .refresh(Refresh.WaitFor)
                        .document(request.toJson(workspace, true))));
  }

  /** The request {@code requestId}, if queued. */
  public Optional<Request> get(String requestId) {
    GetResponse<ObjectNode> found =
        EsCalls.callOr(
            () -> es.get(g -> g.index(index.name()).id(requestId), ObjectNode.class), null);
    return found == null || !found.found() || found.source() == null
        ? Optional.empty()
        : Optional.of(Request.fromJson(found.source()));
  }

  /** The requests nobody has carried out yet, oldest first; none when nothing was ever queued. */
  public List<Request> received(int max) {
    SearchResponse<ObjectNode> found =
        EsCalls.callOr(
            () ->
                es.search(
                    s ->
                        s.index(index.name())
                            .query(q -> q.term(t -> t.field("status").value(RECEIVED)))
                            .sort(ProfileStore.byField("requested_at", SortOrder.Asc))
                            .sort(ProfileStore.byField("request_id", SortOrder.Asc))
                            .size(max),
                    ObjectNode.class),
            null);
    return found == null
        ? List.of()
        : found.hits().hits().stream().map(Hit::source).map(Request::fromJson).toList();
  }

  /** One page of every request, newest first. */
  Page list(Page.Request page) {
    return ProfileStore.searchPage(
        es,
        page,
        s ->
            s.index(index.name())
                .sort(ProfileStore.byField("requested_at", SortOrder.Desc))
                .sort(ProfileStore.byField("request_id", SortOrder.Desc)));
  }

  String workspace() {
    return workspace;
  }
}
