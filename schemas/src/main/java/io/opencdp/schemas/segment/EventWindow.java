package io.opencdp.schemas.segment;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * Which of the profile's events an event condition counts, by time; {@link SegmentWindows#range}
 * turns it into instants.
 */
public sealed interface EventWindow extends Serializable {
  /** Neither {@code within_last_days} nor {@code between}: every event. */
  AllTime ALL_TIME = new AllTime();

  /** Every event, whenever it happened. */
  record AllTime() implements EventWindow {}

  /**
   * {@code "within_last_days": N}: since the start of the day N days before today, up to now.
   *
   * @param days 1..3,650
   */
  record WithinLastDays(int days) implements EventWindow {
    public WithinLastDays {
      if (days < 1 || days > SegmentLimits.MAX_WITHIN_LAST_DAYS) {
        throw new IllegalArgumentException("days must be between 1 and 3650, got " + days);
      }
    }
  }

  /**
   * {@code "between": {"from": ..., "to": ...}}: from the start of {@code from} to the end of
   * {@code to}.
   */
  record Between(LocalDate from, LocalDate to) implements EventWindow {
    public Between {
      requireNonNull(from, "from is null");
      requireNonNull(to, "to is null");
      if (to.isBefore(from)) {
        throw new IllegalArgumentException("to " + to + " is before from " + from);
      }
    }
  }
}
