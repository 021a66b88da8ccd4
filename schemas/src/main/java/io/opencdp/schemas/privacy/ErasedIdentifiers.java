package io.opencdp.schemas.privacy;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.event.Identifier;
import io.opencdp.schemas.event.TouchpointEvent;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the platform remembers of erased people (docs/privacy.md, "Suppression"): the salted hashes
 * ({@link IdentifierHasher}) of their identifiers and of their events' ids. The one rule batch
 * ingest and the stream share: an event that carries any of them, or whose id is one of them, is
 * not stored again (a re-sent raw file reproduces the event's id; an event without identifiers,
 * placed by name and address, is recognized by its id).
 *
 * @param hasher the workspace's hasher
 * @param hashes the hashes of {@code <type>:<normalized value>} and of {@code event_id:<id>}
 */
public record ErasedIdentifiers(IdentifierHasher hasher, Set<String> hashes)
    implements Serializable {
  /** The pseudo identifier type under which erased events' ids are hashed. */
  public static final String EVENT_ID = "event_id";

  public ErasedIdentifiers {
    requireNonNull(hasher, "hasher is null");
    hashes = Set.copyOf(requireNonNull(hashes, "hashes is null"));
  }

  /** Nobody erased yet. */
  public static ErasedIdentifiers none(IdentifierHasher hasher) {
    return new ErasedIdentifiers(hasher, Set.of());
  }

  public boolean isEmpty() {
    return hashes.isEmpty();
  }

  /** Whether {@code event} belongs to an erased person: its id or one of its identifiers. */
  public boolean holds(TouchpointEvent event) {
    return !hashes.isEmpty() && keysOf(event, hasher).stream().anyMatch(hashes::contains);
  }

  /**
   * The hashes an event is recognized by: its id's, then each normalized identifier's. For a holder
   * of the hashes elsewhere (the stream keeps them in its keyed state).
   */
  public static List<String> keysOf(TouchpointEvent event, IdentifierHasher hasher) {
    List<String> keys = new ArrayList<>(1 + event.identifiers().size());
    keys.add(hasher.hash(EVENT_ID, event.eventId()));
    for (Identifier id : event.identifiers()) {
      if (id.normalized() != null) {
        keys.add(hasher.hash(id.type().wireName(), id.normalized()));
      }
    }
    return keys;
  }
}
