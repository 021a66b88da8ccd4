package io.opencdp.schemas.config;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A computed trait defined in config, without code ({@code profiles.custom_traits[]}): an
 * aggregation of one event property over the profile's events of some types whose properties equal
 * given values, optionally only within the last days before the profile's {@code as_of}.
 *
 * @param name the trait's key in the profile's {@code custom_traits}
 * @param aggregation what to compute
 * @param eventTypes the event types that count; empty for every type
 * @param property the path of the aggregated value in the event's JSON form, e.g. {@code
 *     properties.order.total} or {@code custom.properties.delivery_method}; null only for {@code
 *     count}
 * @param where path to the value it must equal (compared as text), e.g. {@code channel: web}
 * @param windowDays only events in the {@code windowDays} days up to {@code as_of}; null for all
 */
public record CustomTraitConfig(
    String name,
    TraitAggregation aggregation,
    List<String> eventTypes,
    String property,
    Map<String, String> where,
    Integer windowDays)
    implements Serializable {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
  private static final Pattern EVENT_TYPE = Pattern.compile("[a-z][a-z0-9_]{0,63}");
  private static final Pattern PATH = Pattern.compile("[^.\\s]+(\\.[^.\\s]+)*");

  /** The longest window: ten years. */
  public static final int MAX_WINDOW_DAYS = 3650;

  public CustomTraitConfig {
    requireNonNull(name, "name is null");
    requireNonNull(aggregation, "aggregation is null");
    eventTypes = List.copyOf(requireNonNull(eventTypes, "event_types is null"));
    where = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(where, "where")));
  }

  /** Checks one entry as written; every message names {@code key} (e.g. custom_traits[2]). */
  static CustomTraitConfig of(
      String key,
      String name,
      String aggregation,
      List<String> eventTypes,
      String property,
      Map<String, String> where,
      Integer windowDays) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          key
              + ".name must be 1-64 lowercase letters, digits or '_' starting with a letter, got '"
              + name
              + "'");
    }
    TraitAggregation agg = TraitAggregation.parse(key + ".aggregation", aggregation);
    List<String> types = eventTypes == null ? List.of() : eventTypes;
    for (int i = 0; i < types.size(); i++) {
      if (types.get(i) == null || !EVENT_TYPE.matcher(types.get(i)).matches()) {
        throw new IllegalArgumentException(
            key + ".event_types[" + i + "] is not an event type: '" + types.get(i) + "'");
      }
    }
    if (property == null && agg != TraitAggregation.COUNT) {
      throw new IllegalArgumentException(
          key + ".property is required for aggregation " + agg.wireName());
    }
    if (property != null) {
      path(key + ".property", property);
    }
    Map<String, String> conditions = new LinkedHashMap<>();
    if (where != null) {
      where.forEach(
          (path, value) -> {
            path(key + ".where." + path, path);
            if (value == null) {
              throw new IllegalArgumentException(
                  key + ".where." + path + " is empty; quote it (\"null\") to match the text");
            }
            conditions.put(path, value);
          });
    }
    if (windowDays != null) {
      ConfigChecks.range(key + ".window_days", windowDays, 1, MAX_WINDOW_DAYS);
    }
    return new CustomTraitConfig(name, agg, types, property, conditions, windowDays);
  }

  private static void path(String key, String path) {
    if (!PATH.matcher(path).matches()) {
      throw new IllegalArgumentException(
          key + " must be a dotted path such as properties.order.total, got '" + path + "'");
    }
  }
}
