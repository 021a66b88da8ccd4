package io.opencdp.schemas.privacy;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.config.PrivacyConfig;
import io.opencdp.schemas.config.PrivacyConfig.ConsentPurpose;
import java.io.Serializable;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The named consent purposes of a workspace ({@code privacy.purposes}: {@code marketing_email} is
 * {@code marketing} on {@code email}, ...) and the one answer to "is named purpose P granted for
 * this profile": {@link ConsentRule} on the purpose's (purpose, channel). The consent route,
 * segment conditions and audience exports read names through here.
 *
 * @param byName the purposes by name, in config order
 */
public record ConsentPurposes(Map<String, ConsentPurpose> byName) implements Serializable {
  public ConsentPurposes {
    byName = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(byName, "byName")));
  }

  public static ConsentPurposes of(PrivacyConfig privacy) {
    return new ConsentPurposes(privacy.purposes());
  }

  /** No named purpose: every name is read as a consent purpose as a whole. */
  public static ConsentPurposes none() {
    return new ConsentPurposes(Map.of());
  }

  /** The configured purpose {@code name}, if there is one. */
  public Optional<ConsentPurpose> named(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * What {@code name} reads: the configured purpose of that name, else the consent purpose {@code
   * name} as a whole (channel null), as {@code exports.consent_purpose} and segment conditions
   * without a channel allow.
   */
  public ConsentPurpose resolve(String name) {
    return named(name).orElseGet(() -> new ConsentPurpose(name, null));
  }

  /** Whether {@code changes} grant {@code purpose}. */
  public static boolean isGranted(
      Collection<? extends ConsentRule.Change> changes, ConsentPurpose purpose) {
    return ConsentRule.isGranted(changes, purpose.purpose(), purpose.channel());
  }
}
