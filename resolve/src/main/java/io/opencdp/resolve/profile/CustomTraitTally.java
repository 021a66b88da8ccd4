package io.opencdp.resolve.profile;

import io.opencdp.schemas.config.TraitAggregation;
import io.opencdp.schemas.event.TouchpointEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The running value of one custom trait over a profile's events, in any order. Ties are broken like
 * survivorship: {@code first}/{@code last} by event time, then the smaller event id; {@code
 * most_frequent} by count, then the value seen last, then the smaller text.
 */
final class CustomTraitTally {
  private final CustomTrait trait;
  private long count;
  private BigDecimal sum = BigDecimal.ZERO;
  private Object extreme;
  private Object picked;
  private Instant pickedAt;
  private String pickedEvent;
  private final Map<String, Seen> frequency = new HashMap<>();
  private final Set<String> distinct = new HashSet<>();

  private static final class Seen {
    long count;
    Instant lastAt;
    String lastEvent;
  }

  CustomTraitTally(CustomTrait trait) {
    this.trait = trait;
  }

  void add(TouchpointEvent event, ProfileRules rules) {
    if (!trait.matches(event, rules)) {
      return;
    }
    Object value = trait.value(event, rules);
    if (value == null) {
      return;
    }
    Instant at = event.occurredAt();
    String id = event.eventId();
    switch (trait.aggregation()) {
      case COUNT -> count++;
      case SUM -> {
        if (value instanceof BigDecimal d) {
          sum = sum.add(d);
        }
      }
      case MIN ->
          extreme = extreme == null || TraitValues.compare(value, extreme) < 0 ? value : extreme;
      case MAX ->
          extreme = extreme == null || TraitValues.compare(value, extreme) > 0 ? value : extreme;
      case FIRST -> pick(value, at, id, at2 -> at.isBefore(at2));
      case LAST -> pick(value, at, id, at2 -> at.isAfter(at2));
      case MOST_FREQUENT -> {
        Seen seen = frequency.computeIfAbsent(TraitValues.text(value), v -> new Seen());
        seen.count++;
        if (seen.lastAt == null
            || at.isAfter(seen.lastAt)
            || (at.equals(seen.lastAt) && id.compareTo(seen.lastEvent) < 0)) {
          seen.lastAt = at;
          seen.lastEvent = id;
        }
      }
      case DISTINCT_COUNT -> distinct.add(TraitValues.text(value));
    }
  }

  private void pick(
      Object value, Instant at, String id, java.util.function.Predicate<Instant> wins) {
    if (pickedAt == null
        || wins.test(pickedAt)
        || (at.equals(pickedAt) && id.compareTo(pickedEvent) < 0)) {
      picked = value;
      pickedAt = at;
      pickedEvent = id;
    }
  }

  String name() {
    return trait.name();
  }

  /** The trait's text value; null when no event gave it one (counts and sums are 0). */
  String result() {
    TraitAggregation aggregation = trait.aggregation();
    return switch (aggregation) {
      case COUNT -> Long.toString(count);
      case SUM -> TraitValues.text(sum);
      case MIN, MAX -> extreme == null ? null : TraitValues.text(extreme);
      case FIRST, LAST -> picked == null ? null : TraitValues.text(picked);
      case MOST_FREQUENT -> mostFrequent();
      case DISTINCT_COUNT -> Integer.toString(distinct.size());
    };
  }

  private String mostFrequent() {
    String best = null;
    Seen bestSeen = null;
    for (Map.Entry<String, Seen> e : frequency.entrySet()) {
      Seen s = e.getValue();
      boolean better =
          bestSeen == null
              || s.count > bestSeen.count
              || (s.count == bestSeen.count && s.lastAt.isAfter(bestSeen.lastAt))
              || (s.count == bestSeen.count
                  && s.lastAt.equals(bestSeen.lastAt)
                  && e.getKey().compareTo(best) < 0);
      if (better) {
        best = e.getKey();
        bestSeen = s;
      }
    }
    return best;
  }
}
