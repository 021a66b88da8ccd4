package io.opencdp.schemas.segment;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** An ISO-8601 instant, for time fields; at most millisecond precision. */
public record InstantValue(Instant instant) implements Value {
  public InstantValue {
    requireNonNull(instant, "instant is null");
    if (!instant.truncatedTo(ChronoUnit.MILLIS).equals(instant)) {
      throw new IllegalArgumentException("instant is finer than a millisecond: " + instant);
    }
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitInstant(this);
  }
}
