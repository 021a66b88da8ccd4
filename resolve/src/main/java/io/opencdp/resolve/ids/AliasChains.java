package io.opencdp.resolve.ids;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Merged-away profile ids and the profile each now resolves to. When a survivor is itself merged
 * later, its aliases are re-pointed to the new survivor ({@link #collapse}), so one lookup is
 * enough; {@link #resolve} still follows a chain, for tables written by an interrupted run.
 */
public final class AliasChains {
  private AliasChains() {}

  /**
   * The profile {@code id} resolves to: itself when it is not an alias, otherwise the end of its
   * alias chain.
   *
   * @throws IllegalStateException when the aliases form a cycle
   */
  public static String resolve(Map<String, String> aliases, String id) {
    requireNonNull(aliases, "aliases is null");
    requireNonNull(id, "id is null");
    Set<String> seen = new LinkedHashSet<>();
    String current = id;
    while (aliases.containsKey(current)) {
      if (!seen.add(current)) {
        throw new IllegalStateException("profile aliases form a cycle: " + seen);
      }
      current = aliases.get(current);
    }
    return current;
  }

  /**
   * The aliases after a run's merges: every existing alias whose survivor was merged now points to
   * that survivor's survivor, and the new merges are added.
   *
   * @param existing alias to survivor, collapsed (no survivor is an alias)
   * @param merges this run's merges: alias to a profile that is active after the run
   * @return every alias whose survivor changed or that is new, with its final survivor
   */
  public static Map<String, String> collapse(
      Map<String, String> existing, Map<String, String> merges) {
    requireNonNull(existing, "existing is null");
    requireNonNull(merges, "merges is null");
    Map<String, String> changed = new LinkedHashMap<>();
    existing.forEach(
        (alias, survivor) -> {
          if (merges.containsKey(survivor)) {
            changed.put(alias, resolve(merges, survivor));
          }
        });
    merges.forEach((alias, survivor) -> changed.put(alias, resolve(merges, survivor)));
    return Collections.unmodifiableMap(changed);
  }
}
