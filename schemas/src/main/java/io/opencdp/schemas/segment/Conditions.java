package io.opencdp.schemas.segment;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers over condition trees. */
final class Conditions {
  private Conditions() {}

  /** The checked, copied children of an {@code and} or {@code or}. */
  static List<Condition> children(List<Condition> conditions) {
    List<Condition> copy = List.copyOf(requireNonNull(conditions, "conditions is null"));
    if (copy.isEmpty() || copy.size() > SegmentLimits.MAX_CHILDREN) {
      throw new IllegalArgumentException(
          "and/or hold 1 to " + SegmentLimits.MAX_CHILDREN + " conditions, got " + copy.size());
    }
    return copy;
  }

  /**
   * Every {@code in_segment} under {@code condition} in document order: the JSON path of its member
   * (e.g. {@code condition.and[3].not.in_segment}) to the segment id.
   */
  static Map<String, String> references(Condition condition, String path) {
    Map<String, String> out = new LinkedHashMap<>();
    collect(condition, path, out);
    return out;
  }

  private static void collect(Condition condition, String path, Map<String, String> out) {
    if (condition instanceof And and) {
      collectAll(and.conditions(), Members.join(path, "and"), out);
    } else if (condition instanceof Or or) {
      collectAll(or.conditions(), Members.join(path, "or"), out);
    } else if (condition instanceof Not not) {
      collect(not.condition(), Members.join(path, "not"), out);
    } else if (condition instanceof InSegment in) {
      out.put(Members.join(path, "in_segment"), in.segmentId());
    }
  }

  private static void collectAll(List<Condition> children, String path, Map<String, String> out) {
    for (int i = 0; i < children.size(); i++) {
      collect(children.get(i), Members.index(path, i), out);
    }
  }
}
