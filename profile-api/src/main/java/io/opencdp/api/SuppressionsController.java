package io.opencdp.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.json.Json;
import java.util.Set;

/**
 * The suppression list routes (admins only): {@code POST /v1/suppressions} (201, or 200 with the
 * entry that was there), {@code GET /v1/suppressions} (paged, oldest first), {@code DELETE
 * /v1/suppressions/{identifier_type}/{value}} (204, 404 when it was not suppressed).
 */
final class SuppressionsController {
  static final String TYPE = "identifier_type";
  static final String VALUE = "value";
  private static final Set<String> FIELDS = Set.of(TYPE, VALUE, "reason", "source");

  private final SuppressionList suppressions;
  private final int maxPageSize;

  SuppressionsController(SuppressionList suppressions, int maxPageSize) {
    this.suppressions = requireNonNull(suppressions, "suppressions is null");
    this.maxPageSize = maxPageSize;
  }

  /** {@code POST /v1/suppressions}. */
  void add(Context ctx) {
    JsonNode body = OverrideBody.object(ctx);
    OverrideBody.fieldsOnly(body, "", FIELDS);
    SuppressionList.Added added =
        suppressions.add(
            text(body, TYPE, true),
            text(body, VALUE, true),
            text(body, "reason", true),
            text(body, "source", false),
            AccessController.caller(ctx).id());
    ctx.status(added.created() ? HttpStatus.CREATED : HttpStatus.OK).json(added.entry().toJson());
  }

  /** {@code GET /v1/suppressions}. */
  void list(Context ctx) {
    SuppressionList.Listing page =
        suppressions.list(Page.Request.limit(ctx, maxPageSize), ctx.queryParam(Cursor.PARAMETER));
    ObjectNode body = Json.mapper().createObjectNode();
    ArrayNode list = body.putArray("suppressions");
    page.entries().forEach(entry -> list.add(entry.toJson()));
    body.put("next_cursor", page.nextCursor());
    ctx.json(body);
  }

  /** {@code DELETE /v1/suppressions/{identifier_type}/{value}}. */
  void remove(Context ctx) {
    String type = ctx.pathParam(TYPE);
    if (!suppressions.remove(type, ctx.pathParam(VALUE))) {
      throw new ApiException(
          ErrorCode.NOT_FOUND, "this " + type + " is not on the suppression list", VALUE);
    }
    ctx.status(HttpStatus.NO_CONTENT);
  }

  private static String text(JsonNode body, String field, boolean required) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      if (required) {
        throw new ApiException(ErrorCode.BAD_ARGUMENT, "field '" + field + "' is required", field);
      }
      return null;
    }
    if (!node.isTextual()) {
      throw new ApiException(
          ErrorCode.BAD_ARGUMENT, "field '" + field + "' must be a string", field);
    }
    return node.asText();
  }
}
