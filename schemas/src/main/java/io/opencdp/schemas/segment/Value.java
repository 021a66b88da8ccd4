package io.opencdp.schemas.segment;

import java.io.Serializable;

/**
 * A literal of a field condition, already checked against the field's type. Values are only ever
 * compared with a field's value; none is evaluated as a script, a query string or a pattern. Dates
 * and {@code days_ago} are turned into dates or instants by {@link SegmentWindows}.
 */
public sealed interface Value extends Serializable
    permits TextValue, NumberValue, BooleanValue, DateValue, InstantValue, DaysAgo {

  <R> R accept(Visitor<R> visitor);

  /**
   * One method per kind of value, so an engine that handles them all is checked by the compiler.
   */
  interface Visitor<R> {
    R visitText(TextValue value);

    R visitNumber(NumberValue value);

    R visitBoolean(BooleanValue value);

    R visitDate(DateValue value);

    R visitInstant(InstantValue value);

    R visitDaysAgo(DaysAgo value);
  }
}
