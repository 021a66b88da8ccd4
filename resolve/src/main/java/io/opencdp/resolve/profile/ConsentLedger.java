package io.opencdp.resolve.profile;

import io.opencdp.schemas.event.ConsentChange;
import io.opencdp.schemas.event.TouchpointEvent;
import io.opencdp.schemas.privacy.ConsentRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps, per (purpose, channel), the latest consent change by event time, whatever order the events
 * arrive in: a change that arrives late but happened earlier never overrides a newer one.
 */
final class ConsentLedger {
  private final Map<String, ConsentState> latest = new HashMap<>();

  void add(TouchpointEvent event) {
    for (ConsentChange change : event.consent()) {
      ConsentState state =
          new ConsentState(
              change.purpose(),
              change.channel(),
              change.granted(),
              change.source(),
              event.eventId(),
              change.changedAt());
      latest.merge(
          change.purpose() + "\u001f" + change.channel(),
          state,
          (a, b) -> ConsentRule.LATEST_FIRST.compare(a, b) <= 0 ? a : b);
    }
  }

  /** The states, by purpose then channel (every-channel first). */
  List<ConsentState> build() {
    List<ConsentState> states = new ArrayList<>(latest.values());
    states.sort(
        Comparator.comparing(ConsentState::purpose)
            .thenComparing(
                ConsentState::channel, Comparator.nullsFirst(Comparator.naturalOrder())));
    return List.copyOf(states);
  }
}
