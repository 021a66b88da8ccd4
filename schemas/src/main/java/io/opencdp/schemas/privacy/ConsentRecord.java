package io.opencdp.schemas.privacy;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of a profile's {@code consent} as the profile documents hold it (docs/profile-store.md):
 * the latest change of one (purpose, channel).
 *
 * @param purpose e.g. {@code marketing}
 * @param channel e.g. {@code email}; null for every channel
 * @param granted whether consent is given
 * @param source what recorded the change; may be null
 * @param eventId the event that carried it
 * @param changedAt when the person made the change
 */
public record ConsentRecord(
    String purpose,
    String channel,
    boolean granted,
    String source,
    String eventId,
    Instant changedAt)
    implements ConsentRule.Change {
  public ConsentRecord {
    requireNonNull(purpose, "purpose is null");
    requireNonNull(eventId, "event_id is null");
    requireNonNull(changedAt, "changed_at is null");
  }

  /** The rows of a profile document's {@code consent} array (missing or null: none). */
  public static List<ConsentRecord> fromDocument(JsonNode consent) {
    List<ConsentRecord> records = new ArrayList<>();
    if (consent != null && consent.isArray()) {
      for (JsonNode row : consent) {
        records.add(
            new ConsentRecord(
                row.path("purpose").asText(),
                text(row.get("channel")),
                row.path("granted").asBoolean(false),
                text(row.get("source")),
                row.path("event_id").asText(),
                Instant.parse(row.path("changed_at").asText())));
      }
    }
    return List.copyOf(records);
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }
}
