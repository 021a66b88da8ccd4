package io.opencdp.resolve.stream;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * What the resolver keeps of one event.
 *
 * @param eventId the event id
 * @param occurredAt when it happened: links are applied oldest first
 * @param receivedAt when it arrived: a profile's first-seen time
 * @param named whether it carries a first or last name (an unplaced named event is a profile)
 * @param identifiers its valid normalized identifiers that are not blocked ({@code type:value}),
 *     sorted
 * @param profileId the profile it belongs to, or null
 * @param group with matching: its profile candidate as deterministic stitching formed it (the
 *     cluster key of its anchor), {@code event:<id>} for a named event no identifier placed, null
 *     otherwise
 * @param vector with matching: the id of its match-value vector ({@link VectorNode}) when it names
 *     its person, else null
 */
public record EventNode(
    String eventId,
    Instant occurredAt,
    Instant receivedAt,
    boolean named,
    List<String> identifiers,
    String profileId,
    String group,
    String vector) {
  public EventNode {
    requireNonNull(eventId, "eventId is null");
    requireNonNull(occurredAt, "occurredAt is null");
    requireNonNull(receivedAt, "receivedAt is null");
    identifiers = List.copyOf(requireNonNull(identifiers, "identifiers is null"));
  }

  EventNode withProfile(String id, String candidate) {
    return new EventNode(
        eventId, occurredAt, receivedAt, named, identifiers, id, candidate, vector);
  }
}
