package io.opencdp.schemas.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.opencdp.schemas.event.IdentifierType;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * The guardrails of identity resolution ({@code resolve.guardrails}): which identifier values never
 * link, how many identifiers of each type one profile may hold, which type wins a conflict, and
 * when an email, phone or device counts as shared. Batch and streaming resolution read the same
 * object (through {@code io.opencdp.resolve.guardrail}).
 *
 * @param blockedExact per type, values that never link, compared after trimming and lowercasing
 *     ({@code blocked.exact.<type>})
 * @param blockedRegex per type, regular expressions a whole normalized value must match to be
 *     blocked, case-insensitive ({@code blocked.regex.<type>})
 * @param maxPerProfile per type, the most distinct identifiers one profile may hold ({@code
 *     limits.<type>})
 * @param priority every type once, highest priority first ({@code priority})
 * @param maxPersonsPerContact an email or phone seen with more distinct persons (counted by name)
 *     than this is shared ({@code shared.max_persons_per_email_or_phone})
 * @param maxCustomerIdsPerDevice a device seen with more distinct customer ids than this is shared
 *     ({@code shared.max_customer_ids_per_device})
 */
public record GuardrailConfig(
    Map<IdentifierType, List<String>> blockedExact,
    Map<IdentifierType, List<String>> blockedRegex,
    Map<IdentifierType, Integer> maxPerProfile,
    List<IdentifierType> priority,
    int maxPersonsPerContact,
    int maxCustomerIdsPerDevice)
    implements Serializable {
  private static final String PREFIX = "resolve.guardrails.";

  /** The largest accepted {@code limits.<type>}. */
  public static final int MAX_LIMIT = 10_000;

  public GuardrailConfig {
    blockedExact = perType("blocked.exact", blockedExact);
    blockedRegex = perType("blocked.regex", blockedRegex);
    blockedRegex.forEach(
        (type, patterns) -> {
          for (int i = 0; i < patterns.size(); i++) {
            try {
              Pattern.compile(patterns.get(i));
            } catch (PatternSyntaxException e) {
              throw new IllegalArgumentException(
                  PREFIX
                      + "blocked.regex."
                      + type.wireName()
                      + "["
                      + i
                      + "] is not a valid regular expression: "
                      + e.getDescription()
                      + " in '"
                      + patterns.get(i)
                      + "'");
            }
          }
        });
    requireNonNull(maxPerProfile, PREFIX + "limits is required");
    EnumMap<IdentifierType, Integer> limits = new EnumMap<>(IdentifierType.class);
    for (IdentifierType type : IdentifierType.values()) {
      Integer limit = maxPerProfile.get(type);
      if (limit == null) {
        throw new IllegalArgumentException(PREFIX + "limits." + type.wireName() + " is required");
      }
      ConfigChecks.range(PREFIX + "limits." + type.wireName(), limit, 1, MAX_LIMIT);
      limits.put(type, limit);
    }
    maxPerProfile = Collections.unmodifiableMap(limits);
    requireNonNull(priority, PREFIX + "priority is required");
    Set<IdentifierType> seen = EnumSet.noneOf(IdentifierType.class);
    for (IdentifierType type : priority) {
      requireNonNull(type, PREFIX + "priority holds an empty entry");
      if (!seen.add(type)) {
        throw new IllegalArgumentException(PREFIX + "priority names " + type.wireName() + " twice");
      }
    }
    if (seen.size() != IdentifierType.values().length) {
      throw new IllegalArgumentException(
          PREFIX
              + "priority must name every identifier type once; missing: "
              + EnumSet.complementOf(EnumSet.copyOf(seen)).stream()
                  .map(IdentifierType::wireName)
                  .collect(Collectors.joining(", ")));
    }
    priority = List.copyOf(priority);
    ConfigChecks.range(
        PREFIX + "shared.max_persons_per_email_or_phone", maxPersonsPerContact, 1, MAX_LIMIT);
    ConfigChecks.range(
        PREFIX + "shared.max_customer_ids_per_device", maxCustomerIdsPerDevice, 1, MAX_LIMIT);
  }

  private static Map<IdentifierType, List<String>> perType(
      String key, Map<IdentifierType, List<String>> values) {
    requireNonNull(values, PREFIX + key + " is required");
    EnumMap<IdentifierType, List<String>> copy = new EnumMap<>(IdentifierType.class);
    for (IdentifierType type : IdentifierType.values()) {
      List<String> list = values.get(type);
      String typeKey = PREFIX + key + "." + type.wireName();
      if (list == null) {
        copy.put(type, List.of());
        continue;
      }
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i) == null) {
          throw new IllegalArgumentException(
              typeKey + "[" + i + "] is empty; quote it (\"null\") to block the text null");
        }
      }
      copy.put(type, List.copyOf(list));
    }
    return Collections.unmodifiableMap(copy);
  }

  /** The {@code blocked} section as written. */
  record BlockedYaml(
      @JsonProperty("exact") Map<String, List<String>> exact,
      @JsonProperty("regex") Map<String, List<String>> regex) {}

  /** The {@code shared} section as written. */
  record SharedYaml(
      @JsonProperty("max_persons_per_email_or_phone") int maxPersonsPerEmailOrPhone,
      @JsonProperty("max_customer_ids_per_device") int maxCustomerIdsPerDevice) {}

  /** Binds the {@code resolve.guardrails} section; every message names the full key. */
  @JsonCreator
  static GuardrailConfig fromConfig(
      @JsonProperty("blocked") BlockedYaml blocked,
      @JsonProperty("limits") Map<String, Integer> limits,
      @JsonProperty("priority") List<String> priority,
      @JsonProperty("shared") SharedYaml shared) {
    requireNonNull(blocked, PREFIX + "blocked is required");
    requireNonNull(shared, PREFIX + "shared is required");
    requireNonNull(priority, PREFIX + "priority is required");
    List<IdentifierType> order = new ArrayList<>();
    for (int i = 0; i < priority.size(); i++) {
      order.add(type(PREFIX + "priority[" + i + "]", priority.get(i)));
    }
    return new GuardrailConfig(
        byType("blocked.exact", blocked.exact()),
        byType("blocked.regex", blocked.regex()),
        byType("limits", limits),
        order,
        shared.maxPersonsPerEmailOrPhone(),
        shared.maxCustomerIdsPerDevice());
  }

  private static <V> Map<IdentifierType, V> byType(String key, Map<String, V> values) {
    requireNonNull(values, PREFIX + key + " is required");
    EnumMap<IdentifierType, V> typed = new EnumMap<>(IdentifierType.class);
    values.forEach((name, value) -> typed.put(type(PREFIX + key + "." + name, name), value));
    return typed;
  }

  private static IdentifierType type(String key, String name) {
    return Enums.parse(key, name, IdentifierType.values(), IdentifierType::wireName);
  }
}
