package io.opencdp.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The JSON bodies of the override routes, validated field by field: a refusal is a 400 whose {@code
 * parameter} is the field's path ({@code left.value}, {@code identifiers[1].type}). Identifier
 * values are normalized as ingest normalizes them and must be values resolution links on.
 */
final class OverrideBody {
  static final int MAX_REASON_LENGTH = 2000;
  static final int MAX_IDENTIFIERS = 100;

  /** A normalized identifier. */
  record Ref(IdentifierType type, String value) {
    Ref {
      requireNonNull(type, "type is null");
      requireNonNull(value, "value is null");
    }
  }

  /** {@code {"left":{"type":..,"value":..},"right":{..},"reason":".."}}. */
  record NeverLink(Ref left, Ref right, String reason) {}

  /** {@code {"identifiers":[{"type":..,"value":..},..],"reason":".."}}. */
  record Split(List<Ref> identifiers, String reason) {
    Split {
      identifiers = List.copyOf(identifiers);
    }
  }

  private OverrideBody() {}

  static NeverLink neverLink(Context ctx, IdentifierValues values) {
    JsonNode body = object(ctx);
    fieldsOnly(body, "", Set.of("left", "right", "reason"));
    Ref left = ref(body.get("left"), "left", values);
    Ref right = ref(body.get("right"), "right", values);
    if (left.equals(right)) {
      throw bad("right", "field 'right' names the same identifier as 'left'");
    }
    return new NeverLink(left, right, reason(body));
  }

  static Split split(Context ctx, IdentifierValues values) {
    JsonNode body = object(ctx);
    fieldsOnly(body, "", Set.of("identifiers", "reason"));
    JsonNode list = body.get("identifiers");
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw bad(
          "identifiers",
          "field 'identifiers' must be a non-empty array of {\"type\",\"value\"}: the identifiers"
              + " to move out of the profile");
    }
    if (list.size() > MAX_IDENTIFIERS) {
      throw bad("identifiers", "field 'identifiers' holds more than " + MAX_IDENTIFIERS);
    }
    Set<Ref> refs = new LinkedHashSet<>();
    for (int i = 0; i < list.size(); i++) {
      refs.add(ref(list.get(i), "identifiers[" + i + "]", values));
    }
    return new Split(new ArrayList<>(refs), reason(body));
  }

  static JsonNode object(Context ctx) {
    JsonNode body;
    try {
      body = Json.mapper().readTree(ctx.body());
    } catch (IOException e) {
      body = null;
    }
    if (body == null || !body.isObject()) {
      throw new ApiException(
          ErrorCode.BAD_ARGUMENT, "the request body must be a JSON object (docs/api.md)");
    }
    return body;
  }

  private static Ref ref(JsonNode node, String path, IdentifierValues values) {
    if (node == null || !node.isObject()) {
      throw bad(path, "field '" + path + "' must be an object {\"type\": .., \"value\": ..}");
    }
    fieldsOnly(node, path + ".", Set.of("type", "value"));
    JsonNode typeNode = node.get("type");
    IdentifierType type =
        typeNode == null || !typeNode.isTextual()
            ? null
            : Arrays.stream(IdentifierType.values())
                .filter(t -> t.wireName().equals(typeNode.asText()))
                .findFirst()
                .orElse(null);
    if (type == null) {
      throw bad(
          path + ".type",
          "field '"
              + path
              + ".type' must be one of "
              + Arrays.stream(IdentifierType.values())
                  .map(IdentifierType::wireName)
                  .collect(Collectors.joining(", ")));
    }
    JsonNode valueNode = node.get("value");
    String raw = valueNode != null && valueNode.isTextual() ? valueNode.asText() : null;
    return new Ref(
        type,
        values
            .linkable(type, raw)
            .orElseThrow(
                () -> bad(path + ".value", "field '" + path + ".value' " + values.refusal(type))));
  }

  private static String reason(JsonNode body) {
    JsonNode reason = body.get("reason");
    if (reason == null
        || !reason.isTextual()
        || reason.asText().isBlank()
        || reason.asText().length() > MAX_REASON_LENGTH) {
      throw bad(
          "reason",
          "field 'reason' must say why, in 1-"
              + MAX_REASON_LENGTH
              + " characters; it is kept with the override");
    }
    return reason.asText().strip();
  }

  static void fieldsOnly(JsonNode node, String prefix, Set<String> allowed) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw bad(
            prefix + name,
            "unknown field '"
                + prefix
                + name
                + "'; expected "
                + allowed.stream().sorted().map(f -> prefix + f).collect(Collectors.joining(", ")));
      }
    }
  }

  private static ApiException bad(String field, String detail) {
    return new ApiException(ErrorCode.BAD_ARGUMENT, detail, field);
  }
}
