package io.opencdp.schemas.event;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The canonical touchpoint: what every channel's connector turns a raw record into, and one row of
 * the {@code events} Delta table. JSON names are snake_case; {@code
 * json-schema/touchpoint-event.schema.json} describes the JSON exactly.
 *
 * <p>Instants are UTC and kept to the microsecond (the precision of a Delta timestamp), so an event
 * read back from a table equals the event that was written. Lists, {@code person} and {@code
 * properties} are never null: a missing one reads as empty.
 *
 * @param schemaVersion version of this model the event was written with; {@link
 *     #CURRENT_SCHEMA_VERSION} for new events
 * @param workspaceId the workspace (brand); {@code default} out of the box
 * @param eventId deterministic id from the natural key, see {@link EventIds#derive}
 * @param channel the channel the touchpoint came through
 * @param sourceSystem the system that sent it, see {@link SourceSystems}
 * @param sourceKey the source's natural key: with workspace and source system, the dedup key
 * @param sourceVersion the source's own version of the record (e.g. Connect's {@code
 *     LastUpdateTimestamp}); of two deliveries of one key, the latest version wins
 * @param eventType canonical event type, see {@link EventTypes}
 * @param eventName the source's own name, e.g. Segment's track name {@code Order Completed}
 * @param occurredAt when it happened, UTC
 * @param receivedAt when the platform (or the source's collector) received it, UTC
 * @param identifiers the identifiers the event carries, raw and normalized
 * @param person what the event says about the person
 * @param properties typed properties
 * @param consent consent granted or withdrawn by this event
 * @param custom everything else the source sent (custom track properties, identify traits, contact
 *     attributes), as a JSON object
 * @param sourceRef where the raw record is; null for records that did not come from a file
 */
public record TouchpointEvent(
    int schemaVersion,
    String workspaceId,
    String eventId,
    Channel channel,
    String sourceSystem,
    String sourceKey,
    Instant sourceVersion,
    String eventType,
    String eventName,
    Instant occurredAt,
    Instant receivedAt,
    List<Identifier> identifiers,
    PersonAttributes person,
    EventProperties properties,
    List<ConsentChange> consent,
    @JsonDeserialize(using = CustomMapDeserializer.class) Map<String, Object> custom,
    SourceRef sourceRef) {

  /** The version of this model new events are written with. */
  public static final int CURRENT_SCHEMA_VERSION = 1;

  public TouchpointEvent {
    if (schemaVersion < 1 || schemaVersion > CURRENT_SCHEMA_VERSION) {
      throw new IllegalArgumentException(
          "schema_version must be between 1 and "
              + CURRENT_SCHEMA_VERSION
              + ", got "
              + schemaVersion);
    }
    WorkspaceId.check("workspace_id", workspaceId);
    Checks.nonBlank(eventId, "event_id");
    requireNonNull(channel, "channel is null");
    Checks.matches(sourceSystem, SourceSystems.PATTERN, "source_system");
    Checks.nonBlank(sourceKey, "source_key");
    sourceVersion = Checks.optionalInstant(sourceVersion);
    Checks.matches(eventType, EventTypes.PATTERN, "event_type");
    occurredAt = Checks.instant(occurredAt, "occurred_at");
    receivedAt = Checks.instant(receivedAt, "received_at");
    identifiers = Checks.list(identifiers, "identifiers");
    person = person == null ? PersonAttributes.EMPTY : person;
    properties = properties == null ? EventProperties.EMPTY : properties;
    consent = Checks.list(consent, "consent");
    custom = CustomValues.copyOf(custom, "custom");
  }

  /** A builder that defaults the schema version and workspace and derives the event id. */
  public static TouchpointEventBuilder builder() {
    return new TouchpointEventBuilder();
  }
}
