package io.opencdp.schemas.segment;

import static java.util.Objects.requireNonNull;

/** {@code {"not": c}}: {@code c} does not hold. */
public record Not(Condition condition) implements Condition {
  public Not {
    requireNonNull(condition, "condition is null");
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitNot(this);
  }
}
