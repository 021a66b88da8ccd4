package io.opencdp.api;

import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.segment.SegmentDefinition;
import io.opencdp.schemas.segment.SegmentLimits;
import io.opencdp.schemas.segment.SegmentLookup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * After a change of a saved segment, the segments that use it must still keep within the reference
 * depth (docs/segments.md, "Segment references"): the parser checks only the changed definition's
 * own references, and cycles through it, but a segment that uses it gets the new chain below its
 * own. For the longest chain of users above the changed segment ({@code w1 -> ... -> wm -> this}),
 * each of the new definition's references {@code r} must satisfy {@code m + height(r) <= 8}, where
 * {@code height(r)} is the longest chain of segments starting at {@code r}.
 */
final class SegmentUsers {
  /** More than the limit ever allows: a guard against a cycle saved before the checks existed. */
  private static final int GIVE_UP = 4 * SegmentLimits.MAX_REFERENCE_DEPTH;

  /** Users read per segment: far more than a depth-limited chain needs. */
  private static final int MAX_USERS = 1000;

  private final SegmentStore store;
  private final SegmentLookup lookup;
  private final Map<String, List<String>> above = new HashMap<>();
  private final Map<String, List<String>> below = new HashMap<>();

  private SegmentUsers(SegmentStore store, SegmentLookup lookup) {
    this.store = store;
    this.lookup = lookup;
  }

  /**
   * Refuses {@code definition} as the new definition of {@code segmentId} when a segment that uses
   * it would then nest references more than 8 deep; the error names the path of the reference.
   */
  static void check(
      String segmentId, SegmentDefinition definition, SegmentStore store, SegmentLookup lookup) {
    if (definition.references().isEmpty()) {
      return;
    }
    SegmentUsers users = new SegmentUsers(store, lookup);
    List<String> chainAbove = users.above(segmentId, 0);
    if (chainAbove.isEmpty()) {
      return;
    }
    for (Map.Entry<String, String> reference : definition.referencePaths().entrySet()) {
      List<String> chainBelow = users.below(reference.getValue(), 0);
      if (chainAbove.size() + chainBelow.size() > SegmentLimits.MAX_REFERENCE_DEPTH) {
        List<String> chain = new ArrayList<>(chainAbove);
        chain.add(segmentId);
        chain.addAll(chainBelow);
        String path = reference.getKey();
        throw new CdpException(
            ErrorCode.BAD_ARGUMENT,
            "field '"
                + path
                + "' would make segment "
                + chainAbove.get(0)
                + ", which uses this one, reference segments nested more than "
                + SegmentLimits.MAX_REFERENCE_DEPTH
                + " deep ("
                + String.join(" -> ", chain)
                + "); references nest at most "
                + SegmentLimits.MAX_REFERENCE_DEPTH
                + " deep",
            path,
            null);
      }
    }
  }

  /** The longest chain of segments using {@code id}, the topmost first; empty when none does. */
  private List<String> above(String id, int depth) {
    List<String> known = above.get(id);
    if (known != null) {
      return known;
    }
    List<String> longest = List.of();
    if (depth < GIVE_UP) {
      for (String user : store.usedBy(id, MAX_USERS)) {
        List<String> chain = new ArrayList<>(above(user, depth + 1));
        chain.add(user);
        if (chain.size() > longest.size()) {
          longest = chain;
        }
      }
    }
    above.put(id, List.copyOf(longest));
    return longest;
  }

  /** The longest chain of references starting at {@code id}, {@code id} first. */
  private List<String> below(String id, int depth) {
    List<String> known = below.get(id);
    if (known != null) {
      return known;
    }
    List<String> longest = List.of();
    if (depth < GIVE_UP) {
      for (String next :
          lookup.find(id).map(SegmentDefinition::references).orElse(java.util.Set.of())) {
        List<String> chain = below(next, depth + 1);
        if (chain.size() > longest.size()) {
          longest = chain;
        }
      }
    }
    List<String> chain = new ArrayList<>();
    chain.add(id);
    chain.addAll(longest);
    below.put(id, List.copyOf(chain));
    return below.get(id);
  }
}
