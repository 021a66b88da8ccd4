package io.opencdp.resolve.guardrail;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.config.GuardrailConfig;
import io.opencdp.schemas.event.IdentifierType;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Identifier values that never link: placeholders ({@code unknown}, {@code n/a}), test data ({@code
 * test@test.com}) and junk phones ({@code +10000000000}), per identifier type, from {@code
 * resolve.guardrails.blocked}. Exact values are compared after trimming and lowercasing; the
 * regexes are compiled once, case-insensitive, and must match the whole value. The lookup is a hash
 * probe plus the type's regexes (at most one by default), so it is cheap enough for every
 * identifier of every event. Immutable and serializable, for Spark closures and Flink operators.
 */
public final class BlockedValues implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Map<IdentifierType, Set<String>> exact = new EnumMap<>(IdentifierType.class);
  private final Map<IdentifierType, List<Pattern>> regex = new EnumMap<>(IdentifierType.class);

  private BlockedValues(GuardrailConfig config) {
    for (IdentifierType type : IdentifierType.values()) {
      Set<String> values = new HashSet<>();
      for (String value : config.blockedExact().get(type)) {
        values.add(key(value));
      }
      exact.put(type, Set.copyOf(values));
      // compiled one by one, not as one alternation: a pattern's back references (\1) stay its own
      regex.put(
          type,
          config.blockedRegex().get(type).stream()
              .map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE))
              .toList());
    }
  }

  /** The block lists of {@code resolve.guardrails.blocked}. */
  public static BlockedValues from(GuardrailConfig config) {
    requireNonNull(config, "config is null");
    return new BlockedValues(config);
  }

  /** Whether {@code normalized} (a normalized value of {@code type}) must never be linked on. */
  public boolean isBlocked(IdentifierType type, String normalized) {
    requireNonNull(type, "type is null");
    if (normalized == null) {
      return true;
    }
    if (exact.get(type).contains(key(normalized))) {
      return true;
    }
    String value = normalized.strip();
    for (Pattern pattern : regex.get(type)) {
      if (pattern.matcher(value).matches()) {
        return true;
      }
    }
    return false;
  }

  public boolean isBlocked(IdentifierKey identifier) {
    return isBlocked(identifier.type(), identifier.value());
  }

  private static String key(String value) {
    return value.strip().toLowerCase(Locale.ROOT);
  }
}
