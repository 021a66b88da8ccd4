package io.opencdp.api;

import co.elastic.clients.elasticsearch._types.FieldValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The opaque {@code cursor} of a paged list: the sort values of the last item of a page ({@code
 * search_after}), as a JSON array in URL-safe base64 without padding. Clients only pass it back;
 * its content is not part of the API.
 */
final class Cursor {
  static final String PARAMETER = "cursor";

  /** What the sort values of a route are: a number (a score or a time), then a tie-breaking id. */
  enum Shape {
    /** {@code [_score, profile_id]}. */
    SCORE_THEN_ID,
    /** {@code [epoch millis, id]}. */
    TIME_THEN_ID
  }

  private Cursor() {}

  static String encode(List<FieldValue> sort) {
    return encodeJson(toJson(sort));
  }

  /** Sort values as a JSON array: strings, longs and doubles. */
  static ArrayNode toJson(List<FieldValue> sort) {
    ArrayNode array = Json.mapper().createArrayNode();
    for (FieldValue value : sort) {
      if (value.isLong()) {
        array.add(value.longValue());
      } else if (value.isDouble()) {
        array.add(value.doubleValue());
      } else if (value.isString()) {
        array.add(value.stringValue());
      } else {
        throw new IllegalStateException("unexpected sort value kind " + value._kind());
      }
    }
    return array;
  }

  /**
   * The sort values of a JSON array {@link #toJson} wrote (integral numbers as longs); null when it
   * holds anything else.
   */
  static List<FieldValue> fromJson(JsonNode array) {
    if (array == null || !array.isArray() || array.isEmpty()) {
      return null;
    }
    List<FieldValue> values = new ArrayList<>();
    for (JsonNode value : array) {
      if (value.isTextual()) {
        values.add(FieldValue.of(value.textValue()));
      } else if (value.isIntegralNumber() && value.canConvertToLong()) {
        values.add(FieldValue.of(value.longValue()));
      } else if (value.isNumber()) {
        values.add(FieldValue.of(value.doubleValue()));
      } else {
        return null;
      }
    }
    return values;
  }

  /** JSON in URL-safe base64 without padding. */
  static String encodeJson(JsonNode json) {
    try {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(Json.mapper().writeValueAsBytes(json));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The JSON of {@link #encodeJson}; a 400 naming {@code cursor} when it is not. */
  static JsonNode decodeJson(String cursor) {
    try {
      JsonNode json = Json.mapper().readTree(Base64.getUrlDecoder().decode(cursor));
      if (json == null) {
        throw malformed();
      }
      return json;
    } catch (IllegalArgumentException | IOException e) {
      throw malformed();
    }
  }

  /** The sort values in {@code cursor}; a 400 naming {@code cursor} unless it has this shape. */
  static List<FieldValue> decode(String cursor, Shape shape) {
    JsonNode array = decodeJson(cursor);
    if (!array.isArray()
        || array.size() != 2
        || !array.get(0).isNumber()
        || !array.get(1).isTextual()) {
      throw malformed();
    }
    JsonNode first = array.get(0);
    FieldValue number;
    if (shape == Shape.TIME_THEN_ID) {
      if (!first.canConvertToExactIntegral() || !first.canConvertToLong()) {
        throw malformed();
      }
      number = FieldValue.of(first.asLong());
    } else {
      number = FieldValue.of(first.asDouble());
    }
    return List.of(number, FieldValue.of(array.get(1).asText()));
  }

  static ApiException malformed() {
    return new ApiException(
        ErrorCode.BAD_ARGUMENT,
        "parameter 'cursor' is not a cursor this route gave out; pass next_cursor of the previous"
            + " page unchanged, or leave it out for the first page",
        PARAMETER);
  }
}
