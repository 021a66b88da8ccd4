package io.opencdp.schemas.segment;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * A {@code yyyy-MM-dd} date. For a date field it is that date; for a time field, the start of that
 * day in the workspace time zone ({@link SegmentWindows#instant}).
 */
public record DateValue(LocalDate date) implements Value {
  public DateValue {
    requireNonNull(date, "date is null");
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitDate(this);
  }
}
