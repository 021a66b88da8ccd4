package io.opencdp.ingest.collector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.schemas.json.Json;
import io.opencdp.schemas.normalize.TimestampNormalizer;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/**
 * Sets the fields Segment's servers set on a checked message, so a collector line reads like a line
 * of Segment's own raw export:
 *
 * <ul>
 *   <li>{@code receivedAt}: the collector's clock (UTC, milliseconds); a client's value is
 *       replaced.
 *   <li>{@code originalTimestamp}: the device's {@code timestamp} as sent; {@code timestamp}: that
 *       time corrected for device clock skew from {@code sentAt} and {@code receivedAt} ({@link
 *       TimestampNormalizer#correctedTimestamp}, the one place for that rule). The Segment
 *       connector reads a line with {@code originalTimestamp} as already corrected. Without a
 *       client {@code timestamp}, the event happened when it was sent: {@code timestamp} is {@code
 *       receivedAt} and {@code originalTimestamp} is {@code sentAt} (or {@code receivedAt}). A
 *       message that already has {@code originalTimestamp} (a replay of server-processed data)
 *       keeps both.
 *   <li>{@code sentAt}: a batch item without one takes the batch's {@code sentAt}, as Segment
 *       server libraries send it once per batch.
 *   <li>{@code writeKey} is removed: a secret never lands in a file.
 * </ul>
 */
final class ServerFields {
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private ServerFields() {}

  /**
   * The landing line of a message checked by {@link MessageValidator}, received at {@code
   * receivedAt}; {@code batchSentAt} is the batch's {@code sentAt} text or null.
   */
  static Message stamp(ObjectNode m, Instant receivedAt, String batchSentAt, String path) {
    m.remove("writeKey");
    if (batchSentAt != null && !hasText(m, "sentAt")) {
      m.put("sentAt", batchSentAt);
    }
    String received = format(receivedAt);
    if (!hasText(m, "originalTimestamp")) {
      Instant timestamp = MessageValidator.timestamp(m, "timestamp", path);
      Instant sentAt = MessageValidator.timestamp(m, "sentAt", path);
      if (timestamp != null) {
        m.put("originalTimestamp", m.get("timestamp").textValue());
        m.put(
            "timestamp",
            format(TimestampNormalizer.correctedTimestamp(timestamp, sentAt, receivedAt)));
      } else {
        m.put("originalTimestamp", sentAt != null ? m.get("sentAt").textValue() : received);
        m.put("timestamp", received);
      }
    } else if (!hasText(m, "timestamp")) {
      m.put("timestamp", received);
    }
    m.put("receivedAt", received);
    return new Message(m.get("messageId").textValue(), line(m));
  }

  /** An instant as Segment writes it: UTC with milliseconds. */
  static String format(Instant instant) {
    return ISO_MILLIS.format(instant);
  }

  private static byte[] line(ObjectNode m) {
    try {
      byte[] json = Json.mapper().writeValueAsBytes(m);
      byte[] line = Arrays.copyOf(json, json.length + 1);
      line[json.length] = '\n';
      return line;
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean hasText(ObjectNode m, String name) {
    JsonNode value = m.get(name);
    return value != null && value.isTextual() && !value.textValue().isBlank();
  }
}
