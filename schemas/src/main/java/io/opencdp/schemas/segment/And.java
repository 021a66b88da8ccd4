package io.opencdp.schemas.segment;

import java.util.List;

/** {@code {"and": [c1, c2, ...]}}: all hold (1..{@value SegmentLimits#MAX_CHILDREN} conditions). */
public record And(List<Condition> conditions) implements Condition {
  public And {
    conditions = Conditions.children(conditions);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitAnd(this);
  }
}
