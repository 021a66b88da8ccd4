package io.opencdp.ingest.collector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.schemas.normalize.Normalized;
import io.opencdp.schemas.normalize.TimestampNormalizer;
import java.time.Instant;
import java.util.List;

/**
 * Checks one Segment message before it is accepted, by the rules the Segment connector applies to a
 * landed line, so an accepted message does not come back from ingest as a dead letter for a reason
 * the client could have been told about. A field missing, JSON null or blank is absent, as in the
 * connector. Every failure is a 400 naming the field by its path ({@code batch[3].messageId}).
 *
 * <ul>
 *   <li>{@code type}: on a single-message route it may be left out (the route gives it) but must
 *       match the route when sent; in a batch it is required and one of {@link #TYPES}.
 *   <li>{@code messageId}: a required string. Segment libraries always send one and dedup depends
 *       on it, so the collector never makes one up.
 *   <li>{@code userId} or {@code anonymousId} (a string or an integer); an alias needs both {@code
 *       userId} and {@code previousId}.
 *   <li>{@code event}: a required string on track; {@code name} a string when sent.
 *   <li>{@code timestamp}, {@code sentAt}, {@code originalTimestamp}: ISO-8601 with an offset when
 *       sent ({@link TimestampNormalizer#parseInstant}, the connector's rule).
 *   <li>{@code context}, {@code properties}, {@code traits}, {@code integrations}, {@code
 *       context.traits}: objects when sent.
 * </ul>
 *
 * Deeper rules that depend on values (amounts, future timestamps, card numbers) stay with ingest,
 * which keeps the raw line as a dead letter for replay; Segment's API does not refuse those either.
 */
final class MessageValidator {
  /** The Segment message types the connector reads. */
  static final List<String> TYPES =
      List.of("identify", "track", "page", "screen", "alias", "group");

  private static final List<String> OBJECTS =
      List.of("context", "properties", "traits", "integrations");

  private MessageValidator() {}

  /**
   * The message as an object whose {@code type} is set, checked. {@code routeType} is the route's
   * type, or null for a batch item; {@code path} is the message's own path ({@code batch[3]}) or
   * empty for a single-message body.
   */
  static ObjectNode check(JsonNode node, String routeType, String path) {
    if (node == null || !node.isObject()) {
      throw CollectorException.badRequest(
          ProblemCodes.NOT_AN_OBJECT,
          path.isEmpty() ? null : path,
          (path.isEmpty() ? "the message" : path) + " must be a JSON object");
    }
    ObjectNode m = (ObjectNode) node;
    String type = type(m, routeType, path);
    requiredText(m, "messageId", path);
    String userId = identifier(m, "userId", path);
    String anonymousId = identifier(m, "anonymousId", path);
    if (type.equals("alias")) {
      String why = "an alias needs both userId and previousId";
      if (userId == null) {
        throw missingIdentifier(path, "userId", "field 'userId' is missing; " + why);
      }
      if (identifier(m, "previousId", path) == null) {
        throw missingIdentifier(path, "previousId", "field 'previousId' is missing; " + why);
      }
    } else if (userId == null && anonymousId == null) {
      throw missingIdentifier(
          path,
          "userId",
          "fields 'userId' and 'anonymousId' are both missing; a message needs one of them");
    }
    if (type.equals("track")) {
      requiredText(m, "event", path);
    } else {
      optionalText(m, "name", path);
    }
    timestamp(m, "timestamp", path);
    timestamp(m, "sentAt", path);
    timestamp(m, "originalTimestamp", path);
    for (String name : OBJECTS) {
      object(m, name, path);
    }
    JsonNode context = m.get("context");
    if (context != null && context.isObject()) {
      object((ObjectNode) context, "traits", field(path, "context"));
    }
    m.put("type", type);
    return m;
  }

  /** An ISO-8601 time of the message, or null when absent; 400 when it does not parse. */
  static Instant timestamp(ObjectNode m, String name, String path) {
    String raw = optionalText(m, name, path);
    if (raw == null) {
      return null;
    }
    Normalized<Instant> parsed = TimestampNormalizer.parseInstant(raw);
    if (!parsed.valid()) {
      throw CollectorException.badRequest(
          ProblemCodes.TIMESTAMP_INVALID,
          field(path, name),
          "field '"
              + name
              + "' must be an ISO-8601 date-time with an offset, e.g. 2026-07-14T13:05:22.123Z,"
              + " got '"
              + raw
              + "'");
    }
    return parsed.value();
  }

  /** The path of field {@code name} of the message at {@code path}. */
  static String field(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static String type(ObjectNode m, String routeType, String path) {
    String type = optionalText(m, "type", path);
    if (routeType != null) {
      if (type != null && !type.equals(routeType)) {
        throw CollectorException.badRequest(
            ProblemCodes.TYPE_MISMATCH,
            field(path, "type"),
            "field 'type' is '" + type + "' but the message was posted to /v1/" + routeType);
      }
      return routeType;
    }
    if (type == null) {
      throw CollectorException.badRequest(
          ProblemCodes.MISSING_FIELD,
          field(path, "type"),
          "field 'type' is missing; a batch message needs one of " + String.join(", ", TYPES));
    }
    if (!TYPES.contains(type)) {
      throw CollectorException.badRequest(
          ProblemCodes.UNKNOWN_EVENT_TYPE,
          field(path, "type"),
          "field 'type' is '" + type + "', not one of " + String.join(", ", TYPES));
    }
    return type;
  }

  private static String requiredText(ObjectNode m, String name, String path) {
    String text = optionalText(m, name, path);
    if (text == null) {
      throw CollectorException.badRequest(
          ProblemCodes.MISSING_FIELD,
          field(path, name),
          "field '" + name + "' is missing, null or blank");
    }
    return text;
  }

  private static String optionalText(ObjectNode m, String name, String path) {
    JsonNode value = m.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw wrongType(name, path, "a string", value);
    }
    return value.textValue().isBlank() ? null : value.textValue();
  }

  private static CollectorException missingIdentifier(String path, String name, String detail) {
    return CollectorException.badRequest(
        ProblemCodes.MISSING_IDENTIFIER, field(path, name), detail);
  }

  /** A string or integer id, as the connector reads ids; null when absent. */
  private static String identifier(ObjectNode m, String name, String path) {
    JsonNode value = m.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isIntegralNumber()) {
      return value.asText();
    }
    if (!value.isTextual()) {
      throw wrongType(name, path, "a string or an integer", value);
    }
    return value.textValue().isBlank() ? null : value.textValue();
  }

  private static void object(ObjectNode m, String name, String path) {
    JsonNode value = m.get(name);
    if (value != null && !value.isNull() && !value.isObject()) {
      throw wrongType(name, path, "an object", value);
    }
  }

  private static CollectorException wrongType(
      String name, String path, String expected, JsonNode value) {
    return CollectorException.badRequest(
        ProblemCodes.WRONG_TYPE,
        field(path, name),
        "field '"
            + name
            + "' must be "
            + expected
            + ", got "
            + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
  }
}
