package io.opencdp.schemas.segment;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.Instant;

/**
 * A half-open range of instants, {@code [start, end)}: an instant {@code t} is inside when {@code
 * start <= t < end}. Engines compare with exactly these bounds ({@code gte start}, {@code lt end}),
 * so they agree to the microsecond.
 */
public record TimeRange(Instant start, Instant end) implements Serializable {
  public TimeRange {
    requireNonNull(start, "start is null");
    requireNonNull(end, "end is null");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("end " + end + " is before start " + start);
    }
  }

  public boolean contains(Instant instant) {
    return !instant.isBefore(start) && instant.isBefore(end);
  }
}
