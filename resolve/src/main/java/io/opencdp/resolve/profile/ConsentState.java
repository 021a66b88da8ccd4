package io.opencdp.resolve.profile;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.privacy.ConsentRule;
import io.opencdp.schemas.segment.ConsentCondition;
import java.time.Instant;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The current consent of a profile for one purpose on one channel: the latest change by event time.
 *
 * @param purpose {@code marketing}, {@code analytics}, {@code email_group:<id>}, ...
 * @param channel {@code email}, {@code sms}, ...; null when the change applies to every channel
 * @param granted whether consent is given
 * @param source what recorded the change, e.g. {@code sendgrid_unsubscribe}
 * @param eventId the event that carried it
 * @param changedAt when the person made the change
 */
public record ConsentState(
    String purpose,
    String channel,
    boolean granted,
    String source,
    String eventId,
    Instant changedAt)
    implements ConsentRule.Change {
  public ConsentState {
    requireNonNull(purpose, "purpose is null");
    requireNonNull(eventId, "event_id is null");
    requireNonNull(changedAt, "changed_at is null");
  }

  /**
   * Whether {@code states} grant {@code purpose} on {@code channel}: the latest change for that
   * purpose on that channel or on every channel decides. No change recorded means not granted
   * ({@link ConsentRule}).
   */
  public static boolean isGranted(List<ConsentState> states, String purpose, String channel) {
    return ConsentRule.isGranted(states, purpose, channel);
  }

  /**
   * The {@code consent_granted} keys of a profile document (docs/profile-store.md), each decided by
   * {@link #isGranted}: {@code purpose:channel} for every (purpose, channel) with a recorded change
   * that is granted, and {@code purpose:*} when a change without a channel grants the purpose. A
   * channel without a record of its own is decided by the channel-less change alone, which is what
   * {@code purpose:*} says (the segment compiler reads it so); sorted, each once.
   */
  public static List<String> grantedKeys(List<ConsentState> states) {
    SortedSet<String> keys = new TreeSet<>();
    for (ConsentState state : states) {
      if (state.channel == null) {
        if (isGranted(states, state.purpose, null)) {
          keys.add(ConsentCondition.grantedKey(state.purpose, null));
        }
      } else if (isGranted(states, state.purpose, state.channel)) {
        keys.add(ConsentCondition.grantedKey(state.purpose, state.channel));
      }
    }
    return List.copyOf(keys);
  }
}
