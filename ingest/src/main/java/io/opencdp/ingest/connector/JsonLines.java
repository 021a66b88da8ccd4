package io.opencdp.ingest.connector;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.schemas.json.Json;

/**
 * Reads one JSON line into an object tree. Fractions become exact decimals (so {@code 19.90} keeps
 * its scale), a repeated key is an error rather than a silent overwrite, and anything after the
 * object is an error.
 */
final class JsonLines {
  private static final ObjectReader READER =
      Json.mapper()
          .reader()
          .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);

  private JsonLines() {}

  /** The line's object, or a {@code json_malformed} / {@code not_an_object} exception. */
  static ObjectNode readObject(String line) {
    JsonNode node;
    try {
      node = READER.readTree(line);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at column " + at.getColumnNr();
      throw new RecordException(
          ReasonCodes.JSON_MALFORMED,
          "line is not valid JSON" + where + ": " + e.getOriginalMessage());
    }
    if (node == null || node.isMissingNode()) {
      throw new RecordException(ReasonCodes.JSON_MALFORMED, "line holds no JSON value");
    }
    if (!node.isObject()) {
      throw new RecordException(
          ReasonCodes.NOT_AN_OBJECT, "line must be a JSON object, got " + typeName(node));
    }
    return (ObjectNode) node;
  }

  /** The JSON type of a node as a person reads it: {@code string}, {@code number}, ... */
  static String typeName(JsonNode node) {
    JsonNodeType type = node.getNodeType();
    return switch (type) {
      case STRING -> "string";
      case NUMBER -> "number";
      case BOOLEAN -> "boolean";
      case ARRAY -> "array";
      case OBJECT -> "object";
      case NULL -> "null";
      default -> type.name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
