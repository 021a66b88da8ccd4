package io.opencdp.resolve.profile;

import java.util.Comparator;

/**
 * The orders survivorship ranks observations by, best first. Every order ends with the same
 * tie-breaks, so the winner never depends on the order events arrive in: later event time, then
 * higher source priority, then the smaller event id, then the smaller value key.
 */
final class Survivorship {
  private static final Comparator<Observation<?>> TIE_BREAKS =
      Comparator.<Observation<?>, java.time.Instant>comparing(
              o -> o.provenance().observedAt(), Comparator.reverseOrder())
          .thenComparingInt(Observation::sourceRank)
          .thenComparing(o -> o.provenance().eventId())
          .thenComparing(Observation::key);

  /** {@code most_recent}: the latest event first. */
  static final Comparator<Observation<?>> LATEST = TIE_BREAKS;

  /** {@code first_seen}: the earliest event first. */
  static final Comparator<Observation<?>> EARLIEST =
      Comparator.<Observation<?>, java.time.Instant>comparing(o -> o.provenance().observedAt())
          .thenComparing(TIE_BREAKS);

  /** {@code source_priority}: the most trusted source first. */
  static final Comparator<Observation<?>> BY_SOURCE =
      Comparator.<Observation<?>>comparingInt(Observation::sourceRank).thenComparing(TIE_BREAKS);

  private Survivorship() {}

  /** The better of two observations under {@code order}; {@code current} may be null. */
  static <V> Observation<V> better(
      Observation<V> current, Observation<V> candidate, Comparator<Observation<?>> order) {
    return current == null || order.compare(candidate, current) < 0 ? candidate : current;
  }
}
