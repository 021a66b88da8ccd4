package io.opencdp.resolve.profile;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.Instant;

/**
 * Where a profile value came from: the event that carried it.
 *
 * @param channel the event's channel ({@code web}, {@code crm}, ...)
 * @param sourceSystem the event's source system ({@code segment-web}, {@code crm}, ...)
 * @param eventId the event's id in the {@code events} table
 * @param observedAt the event's {@code occurred_at}
 */
public record Provenance(String channel, String sourceSystem, String eventId, Instant observedAt)
    implements Serializable {
  public Provenance {
    requireNonNull(channel, "channel is null");
    requireNonNull(sourceSystem, "source_system is null");
    requireNonNull(eventId, "event_id is null");
    requireNonNull(observedAt, "observed_at is null");
  }
}
