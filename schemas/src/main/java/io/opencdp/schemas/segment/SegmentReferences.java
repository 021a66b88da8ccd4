package io.opencdp.schemas.segment;

import static io.opencdp.schemas.segment.SegmentErrors.bad;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a definition's {@code in_segment} references against the saved segments: each names a
 * segment that exists, not the segment itself, closes no cycle, and references nest at most {@value
 * SegmentLimits#MAX_REFERENCE_DEPTH} deep (the definition's own references are depth 1). Each saved
 * segment is looked up once, so shared references cost nothing extra.
 */
final class SegmentReferences {
  private final SegmentContext context;

  /** Longest chain of references starting at a segment (1 for one that references none). */
  private final Map<String, Integer> heights = new HashMap<>();

  private SegmentReferences(SegmentContext context) {
    this.context = context;
  }

  static void check(SegmentDefinition definition, SegmentContext context) {
    SegmentReferences references = new SegmentReferences(context);
    Conditions.references(definition.condition(), "condition").forEach(references::checkOne);
  }

  private void checkOne(String path, String id) {
    if (id.equals(context.segmentId())) {
      throw bad(path, "must name another segment, got the segment itself ('" + id + "')");
    }
    List<String> chain = new ArrayList<>();
    chain.add(id);
    height(id, chain, path);
  }

  private int height(String id, List<String> chain, String path) {
    Integer known = heights.get(id);
    if (known != null) {
      tooDeep(chain.size() - 1 + known, chain, path);
      return known;
    }
    Optional<SegmentDefinition> found = context.segments().find(id);
    if (found.isEmpty()) {
      throw bad(
          path,
          chain.size() == 1
              ? "must name a saved segment, got '" + id + "'"
              : "references " + describe(chain) + ", and no segment '" + id + "' exists");
    }
    int height = 1;
    for (String next : found.get().references()) {
      if (next.equals(context.segmentId()) || chain.contains(next)) {
        List<String> cycle = new ArrayList<>(chain);
        cycle.add(next);
        throw bad(path, "makes a cycle of segment references: " + cycleText(cycle));
      }
      chain.add(next);
      tooDeep(chain.size(), chain, path);
      height = Math.max(height, 1 + height(next, chain, path));
      chain.remove(chain.size() - 1);
    }
    heights.put(id, height);
    return height;
  }

  private static void tooDeep(int depth, List<String> chain, String path) {
    if (depth > SegmentLimits.MAX_REFERENCE_DEPTH) {
      throw bad(
          path,
          "references segments nested more than "
              + SegmentLimits.MAX_REFERENCE_DEPTH
              + " deep ("
              + String.join(" -> ", chain)
              + (depth > chain.size() ? " -> ..." : "")
              + "); references nest at most "
              + SegmentLimits.MAX_REFERENCE_DEPTH
              + " deep");
    }
  }

  private String cycleText(List<String> cycle) {
    String start = context.segmentId() == null ? "this segment" : context.segmentId();
    return start + " -> " + String.join(" -> ", cycle);
  }

  private static String describe(List<String> chain) {
    return String.join(" -> ", chain.subList(0, chain.size() - 1))
        + " -> "
        + chain.get(chain.size() - 1);
  }
}
