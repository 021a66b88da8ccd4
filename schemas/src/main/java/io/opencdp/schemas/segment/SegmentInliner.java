package io.opencdp.schemas.segment;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Function;

/**
 * How an engine evaluates {@code in_segment}: the referenced segment's current definition is
 * compiled in its place (docs/segments.md, "Segment references"). One instance per walk of a
 * condition; it remembers the segments being inlined, so a reference back into them (possible only
 * if definitions changed after validation) is an error rather than endless recursion.
 */
public final class SegmentInliner {
  private final SegmentLookup segments;

  /** The segments being inlined, innermost last. */
  private final Deque<String> inlining = new ArrayDeque<>();

  public SegmentInliner(SegmentLookup segments) {
    this.segments = requireNonNull(segments, "segments is null");
  }

  /**
   * {@code compile} applied to the condition of the segment {@code reference} names.
   *
   * @throws CdpException {@code BAD_ARGUMENT} when the segment is unknown or references itself
   *     through the segments being inlined
   */
  public <R> R inline(InSegment reference, Function<Condition, R> compile) {
    String id = reference.segmentId();
    if (inlining.contains(id)) {
      throw new CdpException(
          ErrorCode.BAD_ARGUMENT,
          "segment '" + id + "' references itself through " + String.join(" -> ", inlining));
    }
    SegmentDefinition definition =
        segments
            .find(id)
            .orElseThrow(
                () ->
                    new CdpException(
                        ErrorCode.BAD_ARGUMENT,
                        "the condition references segment '" + id + "', which does not exist"));
    inlining.addLast(id);
    try {
      return compile.apply(definition.condition());
    } finally {
      inlining.removeLast();
    }
  }
}
