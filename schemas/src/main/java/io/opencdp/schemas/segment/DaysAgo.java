package io.opencdp.schemas.segment;

/**
 * {@code {"days_ago": N}}: the date N days before today, or for a time field the start of that day,
 * in the workspace time zone ({@link SegmentWindows}); {@code 0} is today.
 */
public record DaysAgo(int days) implements Value {
  public DaysAgo {
    if (days < 0 || days > SegmentLimits.MAX_DAYS_AGO) {
      throw new IllegalArgumentException(
          "days must be between 0 and " + SegmentLimits.MAX_DAYS_AGO + ", got " + days);
    }
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitDaysAgo(this);
  }
}
