package io.opencdp.schemas.config;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The survivorship rule of one profile attribute ({@code profiles.survivorship.<attribute>}).
 *
 * @param rule how the value is picked
 * @param sources source systems or channels, most trusted first: what {@code source_priority} ranks
 *     by, and every rule's second tie-break; {@code profiles.source_priority} when the attribute
 *     names none. A source that is not listed ranks after every listed one.
 */
public record AttributeRule(SurvivorshipRule rule, List<String> sources) implements Serializable {
  /** A source system ({@code segment-web}) or a channel ({@code call_center}). */
  static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  public AttributeRule {
    requireNonNull(rule, "rule is null");
    sources = List.copyOf(requireNonNull(sources, "sources is null"));
  }

  /** Checks a list of sources; every message names {@code key}. */
  static List<String> sources(String key, List<String> sources) {
    requireNonNull(sources, key + " is required");
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < sources.size(); i++) {
      String source = sources.get(i);
      if (source == null || !SOURCE.matcher(source).matches()) {
        throw new IllegalArgumentException(
            key
                + "["
                + i
                + "] must be a source system or channel (lowercase letters, digits, '.', '_', '-'),"
                + " got '"
                + source
                + "'");
      }
      if (!seen.add(source)) {
        throw new IllegalArgumentException(key + " names '" + source + "' twice");
      }
    }
    return List.copyOf(sources);
  }
}
