package io.opencdp.resolve.stream;

import io.opencdp.resolve.guardrail.MatchLinkGuard;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The candidate groups the batch's pinned joins ({@link PinNode}) connect, as one resolution pass
 * sees them: each set is keyed by its smallest group key among the groups with identifiers, as
 * {@link MatchLinkGuard} keys a joined set; a set of records no identifier placed alone is a
 * walk-in profile, keyed by its smallest group key (which maps to itself too, as in the guard).
 */
final class PinnedSets {
  private PinnedSets() {}

  /**
   * @param pins the anchors read in this pass and the anchors each is pinned to
   * @param groupOf an anchor's current candidate group, or null when it is not in the working set
   *     (or shared)
   * @return for every group joined to another, its set's key
   */
  static Map<String, String> keys(
      Map<String, List<String>> pins, Function<String, String> groupOf) {
    Map<String, String> parent = new HashMap<>();
    pins.forEach(
        (anchor, partners) -> {
          String group = partners.isEmpty() ? null : groupOf.apply(anchor);
          for (String partner : partners) {
            String other = group == null ? null : groupOf.apply(partner);
            if (other != null && !other.equals(group)) {
              String a = find(parent, group);
              String b = find(parent, other);
              if (!a.equals(b)) {
                parent.put(a, b);
              }
            }
          }
        });
    if (parent.isEmpty()) {
      return Map.of();
    }
    Set<String> groups = new HashSet<>(parent.keySet());
    groups.addAll(parent.values());
    Map<String, String> keyOf = new HashMap<>();
    Map<String, String> walkInKeyOf = new HashMap<>();
    for (String group : groups) {
      Map<String, String> into =
          group.startsWith(MatchLinkGuard.UNPLACED_PREFIX) ? walkInKeyOf : keyOf;
      into.merge(find(parent, group), group, (a, b) -> a.compareTo(b) <= 0 ? a : b);
    }
    Map<String, String> keys = new HashMap<>();
    for (String group : groups) {
      String root = find(parent, group);
      String key = keyOf.get(root);
      if (key == null) {
        // records no identifier placed alone: a walk-in profile, its key mapped to itself too
        keys.put(group, walkInKeyOf.get(root));
      } else if (!key.equals(group)) {
        keys.put(group, key);
      }
    }
    return keys;
  }

  private static String find(Map<String, String> parent, String key) {
    String at = key;
    while (parent.containsKey(at)) {
      at = parent.get(at);
    }
    return at;
  }
}
