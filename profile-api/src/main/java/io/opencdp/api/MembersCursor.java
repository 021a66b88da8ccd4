package io.opencdp.api;

import static java.util.Objects.requireNonNull;

import co.elastic.clients.elasticsearch._types.FieldValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.json.Json;
import java.time.Instant;
import java.util.List;

/**
 * The opaque {@code cursor} of {@code GET /v1/segments/{id}/members}: the segment and the version
 * of its definition the first page evaluated, the instant its windows were computed at (so every
 * page asks the same question), the point in time the pages read, and the sort values of the last
 * member given out ({@code search_after}); JSON in URL-safe base64 like {@link Cursor}.
 *
 * @param segmentId the segment
 * @param version the version of its definition
 * @param evaluatedAt the instant of the first page's windows
 * @param pitId the Elasticsearch point in time
 * @param after the sort values of the last member given out
 */
record MembersCursor(
    String segmentId, long version, Instant evaluatedAt, String pitId, List<FieldValue> after) {
  MembersCursor {
    requireNonNull(segmentId, "segmentId is null");
    requireNonNull(evaluatedAt, "evaluatedAt is null");
    requireNonNull(pitId, "pitId is null");
    after = List.copyOf(after);
  }

  String encode() {
    ObjectNode json = Json.mapper().createObjectNode();
    json.put("s", segmentId);
    json.put("v", version);
    json.put("t", evaluatedAt.toEpochMilli());
    json.put("p", pitId);
    json.set("a", Cursor.toJson(after));
    return Cursor.encodeJson(json);
  }

  /** The cursor of segment {@code segmentId}; a 400 naming {@code cursor} for anything else. */
  static MembersCursor decode(String cursor, String segmentId) {
    JsonNode json = Cursor.decodeJson(cursor);
    List<FieldValue> after = Cursor.fromJson(json.get("a"));
    if (!json.isObject()
        || !json.path("s").isTextual()
        || !json.path("v").canConvertToLong()
        || !json.path("t").canConvertToLong()
        || !json.path("p").isTextual()
        || after == null) {
      throw Cursor.malformed();
    }
    if (!json.get("s").asText().equals(segmentId)) {
      throw new ApiException(
          ErrorCode.BAD_ARGUMENT,
          "parameter 'cursor' belongs to the members of another segment; pass next_cursor of the"
              + " previous page of this one, or leave it out for the first page",
          Cursor.PARAMETER);
    }
    return new MembersCursor(
        segmentId,
        json.get("v").asLong(),
        Instant.ofEpochMilli(json.get("t").asLong()),
        json.get("p").asText(),
        after);
  }
}
