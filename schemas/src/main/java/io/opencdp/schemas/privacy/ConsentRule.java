package io.opencdp.schemas.privacy;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * The one rule of consent (docs/profiles.md, "Consent"): for a purpose on a channel, the latest
 * change by event time for that channel or for every channel (a change without a channel) decides;
 * at the same instant a withdrawal beats a grant, then the smaller event id; no change recorded
 * means not granted. {@code GoldenProfile.consentGranted}, the profile documents' {@code
 * consent_granted} keys, the consent route and audience exports all decide by it; the segment
 * compilers translate it for their engines and are held to it by {@code SegmentAgreementTest}.
 */
public final class ConsentRule {
  /** A consent change as a profile keeps it: the latest per (purpose, channel). */
  public interface Change {
    String purpose();

    /** Null when the change applies to every channel. */
    String channel();

    boolean granted();

    String eventId();

    Instant changedAt();
  }

  /** Later change first; at the same instant a withdrawal first, then the smaller event id. */
  public static final Comparator<Change> LATEST_FIRST =
      Comparator.comparing(Change::changedAt, Comparator.reverseOrder())
          .thenComparing(Change::granted)
          .thenComparing(Change::eventId);

  private ConsentRule() {}

  /**
   * The change that decides {@code purpose} on {@code channel} (null: the purpose as a whole, which
   * only a change without a channel decides); empty when none applies.
   */
  public static <C extends Change> Optional<C> deciding(
      Collection<C> changes, String purpose, String channel) {
    return changes.stream()
        .filter(c -> c.purpose().equals(purpose))
        .filter(c -> c.channel() == null || Objects.equals(c.channel(), channel))
        .min(LATEST_FIRST);
  }

  /** Whether {@code changes} grant {@code purpose} on {@code channel}: no change means no. */
  public static boolean isGranted(
      Collection<? extends Change> changes, String purpose, String channel) {
    return deciding(changes, purpose, channel).map(Change::granted).orElse(false);
  }
}
