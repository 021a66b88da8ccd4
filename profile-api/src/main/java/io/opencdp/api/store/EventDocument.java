package io.opencdp.api.store;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.opencdp.schemas.event.TouchpointEvent;
import io.opencdp.schemas.json.Json;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The document of one event in {@code cdp-<ws>-events} (docs/profile-store.md): the fields the
 * timeline filters and sorts on, and the whole event in its {@link Json#mapper()} form.
 */
public record EventDocument(
    String workspaceId,
    String eventId,
    String profileId,
    String eventType,
    String channel,
    String sourceSystem,
    Instant occurredAt,
    Instant receivedAt,
    String orderId,
    TouchpointEvent event,
    Instant indexedAt) {

  public EventDocument {
    requireNonNull(workspaceId, "workspaceId is null");
    requireNonNull(eventId, "eventId is null");
    requireNonNull(profileId, "profileId is null");
    requireNonNull(occurredAt, "occurredAt is null");
    requireNonNull(event, "event is null");
    requireNonNull(indexedAt, "indexedAt is null");
  }

  /** The document of {@code event}, which belongs to {@code profileId}. */
  public static EventDocument of(TouchpointEvent event, String profileId, Instant indexedAt) {
    String orderId =
        event.properties() == null || event.properties().order() == null
            ? null
            : event.properties().order().orderId();
    return new EventDocument(
        event.workspaceId(),
        event.eventId(),
        profileId,
        event.eventType(),
        event.channel().wireName(),
        event.sourceSystem(),
        event.occurredAt(),
        event.receivedAt(),
        orderId,
        event,
        indexedAt);
  }

  /** The monthly index this document belongs in. */
  public String index(StoreIndices names) {
    return names.eventsIndex(occurredAt);
  }

  /** The document's JSON source. */
  public byte[] toJson() {
    try {
      return Json.mapper().writeValueAsBytes(this);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
