package io.opencdp.resolve.profile;

import io.opencdp.schemas.config.SurvivorshipRule;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every value one attribute of a profile has been seen with, kept small enough to stream: per
 * distinct value key only its count and its earliest, latest and most trusted observation. Events
 * may be added in any order; {@link #choose} gives the same answer for every order.
 */
final class Candidates<V> {
  private final Map<String, Tally<V>> byKey = new HashMap<>();

  private static final class Tally<V> {
    long count;
    Observation<V> earliest;
    Observation<V> latest;
    Observation<V> mostTrusted;

    void add(Observation<V> o) {
      count++;
      earliest = Survivorship.better(earliest, o, Survivorship.EARLIEST);
      latest = Survivorship.better(latest, o, Survivorship.LATEST);
      mostTrusted = Survivorship.better(mostTrusted, o, Survivorship.BY_SOURCE);
    }

    Observation<V> representative(SurvivorshipRule rule) {
      return switch (rule) {
        case MOST_RECENT, MOST_FREQUENT -> latest;
        case FIRST_SEEN -> earliest;
        case SOURCE_PRIORITY -> mostTrusted;
      };
    }
  }

  void add(Observation<V> observation) {
    byKey.computeIfAbsent(observation.key(), k -> new Tally<>()).add(observation);
  }

  boolean isEmpty() {
    return byKey.isEmpty();
  }

  /** Whether any value key passes {@code keys}. */
  boolean any(Predicate<String> keys) {
    return byKey.keySet().stream().anyMatch(keys);
  }

  /** The surviving value under {@code rule}, among the value keys {@code keys} accepts. */
  Optional<Attribute<V>> choose(SurvivorshipRule rule, Predicate<String> keys) {
    Tally<V> best = null;
    for (Map.Entry<String, Tally<V>> entry : byKey.entrySet()) {
      if (!keys.test(entry.getKey())) {
        continue;
      }
      Tally<V> tally = entry.getValue();
      if (best == null || better(rule, tally, best)) {
        best = tally;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    Observation<V> winner = best.representative(rule);
    return Optional.of(new Attribute<>(winner.value(), winner.provenance(), rule, best.count));
  }

  private static <V> boolean better(SurvivorshipRule rule, Tally<V> a, Tally<V> b) {
    if (rule == SurvivorshipRule.MOST_FREQUENT && a.count != b.count) {
      return a.count > b.count;
    }
    var order =
        switch (rule) {
          case MOST_RECENT, MOST_FREQUENT -> Survivorship.LATEST;
          case FIRST_SEEN -> Survivorship.EARLIEST;
          case SOURCE_PRIORITY -> Survivorship.BY_SOURCE;
        };
    return order.compare(a.representative(rule), b.representative(rule)) < 0;
  }
}
