package io.opencdp.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.segment.ProfileFields;
import io.opencdp.schemas.segment.SegmentDefinition;
import io.opencdp.schemas.segment.SegmentDefinitions;
import io.opencdp.schemas.segment.SegmentLookup;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The saved segments of the workspace as the segment routes read them: a segment by its {@code id}
 * path parameter, the {@link SegmentLookup} that checks and inlines {@code in_segment} references
 * (one per request, each saved segment read once), and the answer shape of a segment.
 */
final class SegmentCatalog {
  /** {@code seg-} and 1..60 lowercase letters, digits or {@code -}: what {@link #newId} gives. */
  static final Pattern ID = Pattern.compile("seg-[a-z0-9-]{1,60}");

  /** Reads definitions with exact numbers, so a saved definition is what the client sent. */
  static final ObjectMapper EXACT =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private final SegmentStore store;
  private final ProfileFields fields;

  SegmentCatalog(SegmentStore store, ProfileFields fields) {
    this.store = requireNonNull(store, "store is null");
    this.fields = requireNonNull(fields, "fields is null");
  }

  SegmentStore store() {
    return store;
  }

  ProfileFields fields() {
    return fields;
  }

  /** The {@code id} path parameter: a well-formed segment id, else a 400 naming {@code id}. */
  static String id(Context ctx) {
    return ctx.pathParamAsClass("id", String.class)
        .check(
            id -> ID.matcher(id).matches(),
            "must be 'seg-' and 1-60 lowercase letters, digits or '-'")
        .get();
  }

  /** The saved segment {@code id}; a 404 naming {@code id} when there is none. */
  SegmentStore.Stored existing(String id) {
    return store
        .get(id)
        .orElseThrow(
            () ->
                new ApiException(
                    ErrorCode.NOT_FOUND, "no segment '" + id + "' in this workspace", "id"));
  }

  /**
   * The definition of a saved segment (checked when it was saved); a 409 when it no longer passes
   * the checks (a custom trait it compares was removed from {@code profiles.custom_traits}).
   */
  SegmentDefinition definition(SegmentStore.Stored stored) {
    try {
      return SegmentDefinitions.parseStored(stored.doc().path("definition").asText(), fields);
    } catch (CdpException e) {
      throw new ApiException(
          ErrorCode.CONFLICT,
          "the saved definition of segment '"
              + stored.id()
              + "' no longer passes the checks ("
              + e.getMessage()
              + "); change it with PUT /v1/segments/"
              + stored.id(),
          "id");
    }
  }

  /** The saved segments for one request: each read from the store at most once. */
  SegmentLookup lookup() {
    Map<String, Optional<SegmentDefinition>> seen = new HashMap<>();
    return id -> seen.computeIfAbsent(id, key -> store.get(key).map(this::definition));
  }

  /** A segment as the API answers it: the stored document with its definition as JSON. */
  static ObjectNode view(ObjectNode stored) {
    ObjectNode view = EXACT.createObjectNode();
    stored
        .fields()
        .forEachRemaining(
            field -> {
              switch (field.getKey()) {
                case "workspace_id" -> {}
                case "definition" ->
                    view.set("condition", exact(field.getValue().asText()).get("condition"));
                default -> view.set(field.getKey(), field.getValue());
              }
            });
    return view;
  }

  /** JSON text as a tree with exact numbers. */
  static JsonNode exact(String json) {
    try {
      return EXACT.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a checked segment definition is not JSON", e);
    }
  }
}
