package io.opencdp.schemas.privacy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opencdp.schemas.event.SampleEvents;
import io.opencdp.schemas.event.TouchpointEvent;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ErasedIdentifiersTest {
  private final IdentifierHasher hasher = new IdentifierHasher(new byte[16]);

  @Test
  void anEventIsHeldByItsIdOrAnyOfItsIdentifiers() {
    TouchpointEvent event = SampleEvents.fullyPopulated();
    var identifier = event.identifiers().get(0);

    assertFalse(ErasedIdentifiers.none(hasher).holds(event));
    assertTrue(
        new ErasedIdentifiers(
                hasher, Set.of(hasher.hash(identifier.type().wireName(), identifier.normalized())))
            .holds(event));
    assertTrue(
        new ErasedIdentifiers(
                hasher, Set.of(hasher.hash(ErasedIdentifiers.EVENT_ID, event.eventId())))
            .holds(event));
    assertFalse(
        new ErasedIdentifiers(hasher, Set.of(hasher.hash("email", "someone-else@example.com")))
            .holds(event));
  }
}
