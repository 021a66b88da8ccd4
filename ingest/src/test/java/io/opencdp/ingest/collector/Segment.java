package io.opencdp.ingest.collector;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.schemas.json.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Small builders of Segment messages as clients send them. */
final class Segment {
  /** The test clock's start: now, so the collector's files are recent for the dedup window. */
  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  /** The device clock's event time, two seconds before the collector receives the message. */
  static final String TIMESTAMP = ServerFields.format(NOW.minusSeconds(2));

  /** The device clock's send time, one second before the collector receives the message. */
  static final String SENT_AT = ServerFields.format(NOW.minusSeconds(1));

  private Segment() {}

  /** A valid message of {@code type} with {@code messageId}, as analytics.js sends it. */
  static ObjectNode message(String type, String messageId) {
    ObjectNode m = Json.mapper().createObjectNode();
    m.put("type", type);
    m.put("messageId", messageId);
    m.put("anonymousId", "anon-1");
    m.put("userId", "C100");
    switch (type) {
      case "track" -> {
        m.put("event", "Product Viewed");
        m.putObject("properties")
            .put("sku", "SKU-1")
            .put("price", new java.math.BigDecimal("19.90"));
      }
      case "identify" ->
          m.putObject("traits").put("email", "ann@example.com").put("firstName", "Ann");
      case "page" -> {
        m.put("name", "Home");
        m.putObject("properties").put("url", "https://shop.example/").put("path", "/");
      }
      case "screen" -> m.put("name", "Cart");
      case "alias" -> m.put("previousId", "anon-1");
      case "group" -> {
        m.put("groupId", "G1");
        m.putObject("traits").put("name", "Acme");
      }
      default -> throw new IllegalArgumentException(type);
    }
    m.putObject("context")
        .put("ip", "1.2.3.4")
        .putObject("library")
        .put("name", "analytics.js")
        .put("version", "next-1.72.0");
    m.put("timestamp", TIMESTAMP);
    m.put("sentAt", SENT_AT);
    return m;
  }

  static String json(Object node) {
    try {
      return Json.mapper().writeValueAsString(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {"batch": [...]} of the messages. */
  static ObjectNode batch(ObjectNode... messages) {
    ObjectNode body = Json.mapper().createObjectNode();
    var array = body.putArray("batch");
    for (ObjectNode m : messages) {
      array.add(m);
    }
    return body;
  }
}
