package io.opencdp.resolve.profile;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.config.SurvivorshipRule;

/**
 * The surviving value of one profile attribute, with where it came from and why it won.
 *
 * @param value the value, as the winning event carried it
 * @param provenance the event that carried it (for {@code most_frequent}: the latest such event)
 * @param rule the survivorship rule that chose it
 * @param support how many of the profile's events carried this value (compared case-insensitively)
 * @param <V> the value's type
 */
public record Attribute<V>(V value, Provenance provenance, SurvivorshipRule rule, long support) {
  public Attribute {
    requireNonNull(value, "value is null");
    requireNonNull(provenance, "provenance is null");
    requireNonNull(rule, "rule is null");
  }
}
