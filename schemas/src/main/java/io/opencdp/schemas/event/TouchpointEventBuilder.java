package io.opencdp.schemas.event;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link TouchpointEvent} for a connector. Defaults: {@code schema_version} = current,
 * {@code workspace_id} = {@code default}, {@code event_id} derived from workspace, source system
 * and source key by {@link EventIds#derive} unless set. The event's constructor checks the rest.
 */
public final class TouchpointEventBuilder {
  private int schemaVersion = TouchpointEvent.CURRENT_SCHEMA_VERSION;
  private String workspaceId = WorkspaceId.DEFAULT.value();
  private String eventId;
  private Channel channel;
  private String sourceSystem;
  private String sourceKey;
  private Instant sourceVersion;
  private String eventType;
  private String eventName;
  private Instant occurredAt;
  private Instant receivedAt;
  private final List<Identifier> identifiers = new ArrayList<>();
  private PersonAttributes person;
  private EventProperties properties;
  private final List<ConsentChange> consent = new ArrayList<>();
  private final Map<String, Object> custom = new LinkedHashMap<>();
  private SourceRef sourceRef;

  TouchpointEventBuilder() {}

  public TouchpointEventBuilder schemaVersion(int schemaVersion) {
    this.schemaVersion = schemaVersion;
    return this;
  }

  public TouchpointEventBuilder workspaceId(String workspaceId) {
    this.workspaceId = workspaceId;
    return this;
  }

  /** Sets the id; leave unset to derive it from the natural key. */
  public TouchpointEventBuilder eventId(String eventId) {
    this.eventId = eventId;
    return this;
  }

  public TouchpointEventBuilder channel(Channel channel) {
    this.channel = channel;
    return this;
  }

  public TouchpointEventBuilder sourceSystem(String sourceSystem) {
    this.sourceSystem = sourceSystem;
    return this;
  }

  public TouchpointEventBuilder sourceKey(String sourceKey) {
    this.sourceKey = sourceKey;
    return this;
  }

  public TouchpointEventBuilder sourceVersion(Instant sourceVersion) {
    this.sourceVersion = sourceVersion;
    return this;
  }

  public TouchpointEventBuilder eventType(String eventType) {
    this.eventType = eventType;
    return this;
  }

  public TouchpointEventBuilder eventName(String eventName) {
    this.eventName = eventName;
    return this;
  }

  public TouchpointEventBuilder occurredAt(Instant occurredAt) {
    this.occurredAt = occurredAt;
    return this;
  }

  public TouchpointEventBuilder receivedAt(Instant receivedAt) {
    this.receivedAt = receivedAt;
    return this;
  }

  public TouchpointEventBuilder identifier(Identifier identifier) {
    identifiers.add(requireNonNull(identifier, "identifier is null"));
    return this;
  }

  public TouchpointEventBuilder person(PersonAttributes person) {
    this.person = person;
    return this;
  }

  public TouchpointEventBuilder properties(EventProperties properties) {
    this.properties = properties;
    return this;
  }

  public TouchpointEventBuilder consent(ConsentChange change) {
    consent.add(requireNonNull(change, "consent change is null"));
    return this;
  }

  /** Adds one custom value; a later value for the same key replaces the earlier one. */
  public TouchpointEventBuilder custom(String key, Object value) {
    custom.put(requireNonNull(key, "custom key is null"), value);
    return this;
  }

  public TouchpointEventBuilder custom(Map<String, ?> values) {
    requireNonNull(values, "custom is null").forEach(this::custom);
    return this;
  }

  public TouchpointEventBuilder sourceRef(SourceRef sourceRef) {
    this.sourceRef = sourceRef;
    return this;
  }

  public TouchpointEvent build() {
    String id = eventId;
    if (id == null && workspaceId != null && sourceSystem != null && sourceKey != null) {
      id = EventIds.derive(workspaceId, sourceSystem, sourceKey);
    }
    return new TouchpointEvent(
        schemaVersion,
        workspaceId,
        id,
        channel,
        sourceSystem,
        sourceKey,
        sourceVersion,
        eventType,
        eventName,
        occurredAt,
        receivedAt,
        identifiers,
        person,
        properties,
        consent,
        custom,
        sourceRef);
  }
}
