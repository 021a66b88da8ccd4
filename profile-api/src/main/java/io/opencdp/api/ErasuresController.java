package io.opencdp.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.json.Json;
import java.time.Clock;
import java.util.Set;

/**
 * The erasure routes (admins only; docs/privacy.md "Erasure"): {@code POST /v1/privacy/erasures}
 * with an identifier, {@code DELETE /v1/profiles/{id}} (both {@code 202} with the queued request
 * and a {@code Location}), {@code GET /v1/privacy/erasures/{request_id}} and {@code GET
 * /v1/privacy/erasures} (paged, newest first). The request is carried out by {@code cdp privacy
 * erase --queued}, which every {@code cdp resolve} runs first.
 */
final class ErasuresController {
  static final String TYPE = "identifier_type";
  static final String VALUE = "value";
  static final String REQUEST_ID = "request_id";
  private static final Set<String> FIELDS = Set.of(TYPE, VALUE);

  private final ErasureQueue queue;
  private final ProfileStore profiles;
  private final IdentifierValues values;
  private final Clock clock;
  private final int maxPageSize;

  ErasuresController(
      ErasureQueue queue,
      ProfileStore profiles,
      IdentifierValues values,
      Clock clock,
      int maxPageSize) {
    this.queue = requireNonNull(queue, "queue is null");
    this.profiles = requireNonNull(profiles, "profiles is null");
    this.values = requireNonNull(values, "values is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.maxPageSize = maxPageSize;
  }

  /** {@code POST /v1/privacy/erasures}: erase whoever holds an identifier. */
  void request(Context ctx) {
    JsonNode body = OverrideBody.object(ctx);
    OverrideBody.fieldsOnly(body, "", FIELDS);
    IdentifierType type = type(text(body, TYPE));
    String value =
        values
            .forLookup(type, text(body, VALUE))
            .orElseThrow(
                () ->
                    new ApiException(
                        ErrorCode.BAD_ARGUMENT, "field 'value' " + values.refusal(type), VALUE));
    accept(
        ctx,
        ErasureQueue.Request.received(
            type.wireName(), value, null, AccessController.caller(ctx).id(), clock.instant()));
  }

  /**
   * {@code DELETE /v1/profiles/{id}}: erase the person of a profile (an alias names its survivor).
   */
  void eraseProfile(Context ctx) {
    ObjectNode profile = ProfilesController.existing(profiles, ProfilesController.id(ctx));
    accept(
        ctx,
        ErasureQueue.Request.received(
            null,
            null,
            profile.get("profile_id").asText(),
            AccessController.caller(ctx).id(),
            clock.instant()));
  }

  /** {@code GET /v1/privacy/erasures/{request_id}}. */
  void get(Context ctx) {
    String id = ctx.pathParam(REQUEST_ID);
    ErasureQueue.Request request =
        queue
            .get(id)
            .orElseThrow(
                () ->
                    new ApiException(
                        ErrorCode.NOT_FOUND, "no erasure request '" + id + "'", REQUEST_ID));
    ctx.json(request.toJson(queue.workspace(), false));
  }

  /** {@code GET /v1/privacy/erasures}. */
  void list(Context ctx) {
    Page page = queue.list(Page.Request.from(ctx, maxPageSize, Cursor.Shape.TIME_THEN_ID));
    ObjectNode body = Json.mapper().createObjectNode();
    ArrayNode list = body.putArray("erasures");
    for (ObjectNode doc : page.items()) {
      list.add(ErasureQueue.Request.fromJson(doc).toJson(queue.workspace(), false));
    }
    body.put("next_cursor", page.nextCursor());
    ctx.json(body);
  }

  private void accept(Context ctx, ErasureQueue.Request request) {
    queue.submit(request);
    ctx.status(HttpStatus.ACCEPTED)
        .header("Location", "/v1/privacy/erasures/" + request.requestId())
        .json(request.toJson(queue.workspace(), false));
  }

  private static IdentifierType type(String wire) {
    try {
      return IdentifierType.fromWireName(wire);
    } catch (IllegalArgumentException e) {
      throw new ApiException(
          ErrorCode.BAD_ARGUMENT, "field '" + TYPE + "': " + e.getMessage(), TYPE);
    }
  }

  private static String text(JsonNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      throw new ApiException(ErrorCode.BAD_ARGUMENT, "field '" + field + "' is required", field);
    }
    if (!node.isTextual()) {
      throw new ApiException(
          ErrorCode.BAD_ARGUMENT, "field '" + field + "' must be a string", field);
    }
    return node.asText();
  }
}
