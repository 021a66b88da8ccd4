package io.opencdp.schemas.segment;

import static java.util.Objects.requireNonNull;

/**
 * What checking a definition needs from its workspace.
 *
 * @param fields the profile fields (built-in and custom traits)
 * @param segments the saved segments {@code in_segment} may reference
 * @param segmentId the id of the segment being defined, so a reference to itself is refused; null
 *     for a segment not saved yet
 */
public record SegmentContext(ProfileFields fields, SegmentLookup segments, String segmentId) {
  public SegmentContext {
    requireNonNull(fields, "fields is null");
    requireNonNull(segments, "segments is null");
  }

  /** For a new segment (no id yet). */
  public static SegmentContext newSegment(ProfileFields fields, SegmentLookup segments) {
    return new SegmentContext(fields, segments, null);
  }

  /** For a change of the saved segment {@code segmentId}. */
  public static SegmentContext existingSegment(
      String segmentId, ProfileFields fields, SegmentLookup segments) {
    return new SegmentContext(fields, segments, requireNonNull(segmentId, "segmentId is null"));
  }
}
