package io.opencdp.resolve.ids;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Assigns profile ids to the components of one run in memory, by {@link ProfileIdRules}: what the
 * streaming path does for the profiles an event touches, and the reference the Spark batch ({@code
 * ProfileIdAssignment}) is tested against. Deterministic: the result does not depend on the order
 * of the inputs.
 */
public final class ProfileIdAssigner {
  private ProfileIdAssigner() {}

  /**
   * @param components every component of the run
   * @param overlaps how many identifiers each component shares with each previous id (pairs sharing
   *     none are left out)
   * @param previous every id the previous run gave out (active ids, not aliases)
   * @param used whether an id was ever given out (active, alias or retired): a new id never is
   */
  public static Assignment assign(
      Collection<NewComponent> components,
      Collection<Overlap> overlaps,
      Collection<PreviousId> previous,
      Predicate<String> used) {
    requireNonNull(components, "components is null");
    requireNonNull(overlaps, "overlaps is null");
    requireNonNull(previous, "previous is null");
    requireNonNull(used, "used is null");

    // 1. each component's choice; 2. each id's winner among the components that chose it
    Map<String, List<Overlap>> byComponent = group(overlaps, Overlap::component);
    List<Overlap> choices = new ArrayList<>();
    byComponent.values().forEach(o -> ProfileIdRules.choice(o).ifPresent(choices::add));
    Map<String, String> kept = new HashMap<>();
    for (List<Overlap> claims : group(choices, Overlap::previousId).values()) {
      ProfileIdRules.winner(claims).ifPresent(w -> kept.put(w.component(), w.previousId()));
    }

    // 3. new ids, minted in cluster key order so that a collision always bumps the same one
    Set<String> taken = new HashSet<>(kept.values());
    previous.forEach(p -> taken.add(p.id()));
    Map<String, String> ids = new LinkedHashMap<>();
    Map<String, Instant> firstSeen = new HashMap<>();
    previous.forEach(p -> firstSeen.put(p.id(), p.firstSeen()));
    Set<String> created = new TreeSet<>();
    List<NewComponent> ordered = new ArrayList<>(components);
    ordered.sort(Comparator.comparing(NewComponent::key));
    for (NewComponent c : ordered) {
      String id = kept.get(c.key());
      if (id == null) {
        int attempt = 0;
        id = ProfileIdRules.mint(c.key(), attempt);
        while (taken.contains(id) || used.test(id)) {
          id = ProfileIdRules.mint(c.key(), ++attempt);
        }
        taken.add(id);
        created.add(id);
        firstSeen.put(id, c.firstSeen());
      }
      ids.put(c.key(), id);
    }

    // 4. previous ids no component kept: aliases of the profile holding most of their identifiers
    Set<String> keptIds = new HashSet<>(kept.values());
    Map<String, List<Overlap>> byPrevious = group(overlaps, Overlap::previousId);
    Map<String, String> merged = new TreeMap<>();
    Set<String> retired = new TreeSet<>();
    for (PreviousId p : previous) {
      if (keptIds.contains(p.id())) {
        continue;
      }
      List<ProfileIdRules.Holder> holders = new ArrayList<>();
      for (Overlap o : byPrevious.getOrDefault(p.id(), List.of())) {
        String holder = ids.get(o.component());
        if (holder != null) {
          holders.add(new ProfileIdRules.Holder(holder, firstSeen.get(holder), o.shared()));
        }
      }
      ProfileIdRules.survivor(holders)
          .ifPresentOrElse(h -> merged.put(p.id(), h.profileId()), () -> retired.add(p.id()));
    }
    return new Assignment(ids, created, merged, retired);
  }

  private static <K> Map<K, List<Overlap>> group(
      Collection<Overlap> overlaps, java.util.function.Function<Overlap, K> key) {
    Map<K, List<Overlap>> groups = new HashMap<>();
    for (Overlap o : overlaps) {
      groups.computeIfAbsent(key.apply(o), k -> new ArrayList<>()).add(o);
    }
    return groups;
  }
}
