package io.opencdp.schemas.segment;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.event.EventTypes;
import java.util.List;

/**
 * {@code {"event": {...}}}: the number of the profile's events of {@code type} that satisfy every
 * comparison of {@code where} and lie in {@code window} is in {@code count}.
 *
 * @param type a canonical event type ({@link EventTypes#CANONICAL})
 * @param where comparisons on fields of {@link EventFields}, all of which must hold; up to 20
 * @param count the range the number of matching events must lie in
 * @param window the events counted, by time
 */
public record EventCondition(
    String type, List<FieldCondition> where, EventCount count, EventWindow window)
    implements Condition {
  public EventCondition {
    requireNonNull(type, "type is null");
    if (!EventTypes.CANONICAL.contains(type)) {
      throw new IllegalArgumentException("not a canonical event type: '" + type + "'");
    }
    where = List.copyOf(where);
    if (where.size() > SegmentLimits.MAX_WHERE) {
      throw new IllegalArgumentException("where holds more than 20 comparisons");
    }
    for (FieldCondition comparison : where) {
      if (EventFields.find(comparison.field().name())
          .filter(comparison.field()::equals)
          .isEmpty()) {
        throw new IllegalArgumentException(
            "where compares " + comparison.field().name() + ", which is not an event field");
      }
    }
    requireNonNull(count, "count is null");
    requireNonNull(window, "window is null");
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitEvent(this);
  }
}
