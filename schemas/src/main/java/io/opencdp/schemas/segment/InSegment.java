package io.opencdp.schemas.segment;

import static java.util.Objects.requireNonNull;

/**
 * {@code {"in_segment": ID}}: the profile is a member of segment {@code ID}, evaluated from that
 * segment's current definition (engines inline it; {@link SegmentLookup}).
 */
public record InSegment(String segmentId) implements Condition {
  public InSegment {
    requireNonNull(segmentId, "segmentId is null");
    if (segmentId.isBlank()) {
      throw new IllegalArgumentException("segmentId is blank");
    }
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitInSegment(this);
  }
}
