package io.opencdp.api;

import static java.util.Objects.requireNonNull;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.opencdp.api.store.AuditEntry;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.event.ProfileId;
import io.opencdp.schemas.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /v1/audit} (admins only): the audit log's entries in Elasticsearch, newest first
 * ({@code at}, then {@code audit_id}), paged, filtered by {@code profile_id}, {@code actor}, {@code
 * action} and the time range {@code from} (inclusive) .. {@code to} (exclusive).
 */
final class AuditController {
  static final Set<String> PARAMETERS =
      Set.of("profile_id", "actor", "action", "from", "to", "limit", Cursor.PARAMETER);
  static final int MAX_ACTOR_LENGTH = 128;

  private final AuditIndex audit;
  private final int maxPageSize;

  AuditController(AuditIndex audit, int maxPageSize) {
    this.audit = requireNonNull(audit, "audit is null");
    this.maxPageSize = maxPageSize;
  }

  void list(Context ctx) {
    for (String name : ctx.queryParamMap().keySet()) {
      if (!PARAMETERS.contains(name)) {
        throw new ApiException(
            ErrorCode.BAD_ARGUMENT,
            "unknown parameter '"
                + name
                + "'; known: "
                + String.join(", ", PARAMETERS.stream().sorted().toList()),
            name);
      }
    }
    List<Query> filters = new ArrayList<>();
    String profileId =
        ctx.queryParamAsClass("profile_id", String.class)
            .allowNullable()
            .check(v -> v == null || ProfileId.isValid(v), "must be a profile id")
            .get();
    String actor =
        ctx.queryParamAsClass("actor", String.class)
            .allowNullable()
            .check(
                v -> v == null || (!v.isBlank() && v.length() <= MAX_ACTOR_LENGTH),
                "must be a key id of 1-" + MAX_ACTOR_LENGTH + " characters")
            .get();
    String action =
        ctx.queryParamAsClass("action", String.class)
            .allowNullable()
            .check(
                v -> v == null || AuditEntry.isAction(v),
                "must be an action such as profile_read or erasure_requested")
            .get();
    Optional<Instant> from = TimelineFilter.instant(ctx, "from");
    Optional<Instant> to = TimelineFilter.instant(ctx, "to");
    TimelineFilter.checkOrder(from, to);
    Page.Request page = Page.Request.from(ctx, maxPageSize, Cursor.Shape.TIME_THEN_ID);
    if (profileId != null) {
      filters.add(ProfileStore.term("profile_id", profileId));
    }
    if (actor != null) {
      filters.add(ProfileStore.term("actor", actor));
    }
    if (action != null) {
      filters.add(ProfileStore.term("action", action));
    }
    if (from.isPresent() || to.isPresent()) {
      filters.add(TimelineFilter.range("at", from, to));
    }
    Page found = audit.search(filters, page);
    ObjectNode body = Json.mapper().createObjectNode();
    ArrayNode entries = body.putArray("entries");
    found.items().forEach(doc -> entries.add(AuditEntry.fromJson(doc).toJson()));
    body.put("next_cursor", found.nextCursor());
    ctx.json(body);
  }
}
