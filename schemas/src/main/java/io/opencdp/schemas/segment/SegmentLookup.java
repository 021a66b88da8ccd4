package io.opencdp.schemas.segment;

import java.util.Map;
import java.util.Optional;

/**
 * The caller's saved segments, by id: how a definition's {@code in_segment} references are checked
 * (unknown ids, cycles, depth) and, later, inlined by the engines.
 */
@FunctionalInterface
public interface SegmentLookup {
  /** The current definition of segment {@code segmentId}, or empty when there is none. */
  Optional<SegmentDefinition> find(String segmentId);

  /** No segments at all. */
  static SegmentLookup none() {
    return id -> Optional.empty();
  }

  /** The segments of a map, by id. */
  static SegmentLookup of(Map<String, SegmentDefinition> segments) {
    Map<String, SegmentDefinition> copy = Map.copyOf(segments);
    return id -> Optional.ofNullable(copy.get(id));
  }
}
