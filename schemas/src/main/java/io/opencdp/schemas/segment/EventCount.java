package io.opencdp.schemas.segment;

import java.io.Serializable;

/**
 * How many of the profile's matching events an event condition wants: at least {@code gte} and,
 * when {@code lte} is set, at most {@code lte}. {@code {"lte": b}} alone means {@code gte} 0, so
 * profiles without any such event match too.
 *
 * @param gte the least number, 0..1,000,000
 * @param lte the largest number, {@code gte}..1,000,000, or null for no upper bound
 */
public record EventCount(int gte, Integer lte) implements Serializable {
  /** The default without a {@code count} member: at least one event. */
  public static final EventCount AT_LEAST_ONE = new EventCount(1, null);

  public EventCount {
    if (gte < 0 || gte > SegmentLimits.MAX_COUNT) {
      throw new IllegalArgumentException("gte must be between 0 and 1000000, got " + gte);
    }
    if (lte != null && (lte < gte || lte > SegmentLimits.MAX_COUNT)) {
      throw new IllegalArgumentException("lte must be between gte and 1000000, got " + lte);
    }
  }

  /** Whether there is an upper bound. */
  public boolean bounded() {
    return lte != null;
  }
}
