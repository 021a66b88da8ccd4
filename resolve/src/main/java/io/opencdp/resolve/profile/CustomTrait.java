package io.opencdp.resolve.profile;

import io.opencdp.schemas.config.CustomTraitConfig;
import io.opencdp.schemas.config.TraitAggregation;
import io.opencdp.schemas.event.TouchpointEvent;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One {@code profiles.custom_traits[]} entry, compiled: which events count (type, property
 * equality, window) and which value of theirs is aggregated.
 */
final class CustomTrait implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final TraitAggregation aggregation;
  private final Set<String> eventTypes;
  private final PropertyPath property;
  private final List<Condition> where;
  private final Duration window;

  private record Condition(PropertyPath path, String value) implements Serializable {}

  private CustomTrait(
      String name,
      TraitAggregation aggregation,
      Set<String> eventTypes,
      PropertyPath property,
      List<Condition> where,
      Duration window) {
    this.name = name;
    this.aggregation = aggregation;
    this.eventTypes = eventTypes;
    this.property = property;
    this.where = where;
    this.window = window;
  }

  /** Compiles entry {@code index}; errors name {@code profiles.custom_traits[index]}. */
  static CustomTrait compile(int index, CustomTraitConfig config) {
    String key = "profiles.custom_traits[" + index + "]";
    PropertyPath property =
        config.property() == null
            ? null
            : PropertyPath.compile(key + ".property", config.property());
    List<Condition> where = new ArrayList<>();
    for (Map.Entry<String, String> e : config.where().entrySet()) {
      where.add(
          new Condition(
              PropertyPath.compile(key + ".where." + e.getKey(), e.getKey()), e.getValue()));
    }
    return new CustomTrait(
        config.name(),
        config.aggregation(),
        Set.copyOf(config.eventTypes()),
        property,
        List.copyOf(where),
        config.windowDays() == null ? null : Duration.ofDays(config.windowDays()));
  }

  String name() {
    return name;
  }

  TraitAggregation aggregation() {
    return aggregation;
  }

  /** Whether {@code event} counts: its type, its properties and, with a window, its time. */
  boolean matches(TouchpointEvent event, ProfileRules rules) {
    if (!eventTypes.isEmpty() && !eventTypes.contains(event.eventType())) {
      return false;
    }
    if (window != null && !rules.inWindow(event.occurredAt(), window)) {
      return false;
    }
    for (Condition condition : where) {
      Object value =
          TraitValues.normalize(
              condition.path().resolve(event), event.occurredAt(), rules.converter());
      if (value == null || !TraitValues.text(value).equals(condition.value())) {
        return false;
      }
    }
    return true;
  }

  /** The value {@code event} contributes; null when it has none ({@code count} without one: 1). */
  Object value(TouchpointEvent event, ProfileRules rules) {
    if (property == null) {
      return Boolean.TRUE;
    }
    return TraitValues.normalize(property.resolve(event), event.occurredAt(), rules.converter());
  }
}
