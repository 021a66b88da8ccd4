package io.opencdp.schemas.segment;

import java.util.List;

/**
 * {@code {"or": [c1, c2, ...]}}: at least one holds (1..{@value SegmentLimits#MAX_CHILDREN}
 * conditions).
 */
public record Or(List<Condition> conditions) implements Condition {
  public Or {
    conditions = Conditions.children(conditions);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitOr(this);
  }
}
