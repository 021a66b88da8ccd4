package io.opencdp.resolve.profile;

import static java.util.Objects.requireNonNull;

import io.opencdp.resolve.guardrail.BlockedValues;
import io.opencdp.schemas.config.AttributeRule;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.config.GuardrailConfig;
import io.opencdp.schemas.config.ProfileAttribute;
import io.opencdp.schemas.config.ProfilesConfig;
import io.opencdp.schemas.config.RfmThresholds;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.event.Identifier;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The compiled {@code profiles} config every accumulator of a run shares: survivorship rules and
 * source rankings, the guardrails' blocked values (a blocked identifier is never a contact point),
 * the currency converter, the RFM bounds, the custom traits and the run's {@code as_of}. Immutable
 * and serializable, so a Spark or Flink job ships one copy to its workers.
 */
public final class ProfileRules implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ProfilesConfig config;
  private final Map<ProfileAttribute, SourceRanking> rankings;
  private final BlockedValues blocked;
  private final CurrencyConverter converter;
  private final List<CustomTrait> customTraits;
  private final Instant asOf;

  private ProfileRules(
      ProfilesConfig config, BlockedValues blocked, List<CustomTrait> customTraits, Instant asOf) {
    this.config = config;
    EnumMap<ProfileAttribute, SourceRanking> ranks = new EnumMap<>(ProfileAttribute.class);
    for (ProfileAttribute attribute : ProfileAttribute.values()) {
      ranks.put(attribute, new SourceRanking(config.rule(attribute).sources()));
    }
    this.rankings = Collections.unmodifiableMap(ranks);
    this.blocked = blocked;
    this.converter = new CurrencyConverter(config.reportingCurrency(), config.exchangeRates());
    this.customTraits = customTraits;
    this.asOf = asOf;
  }

  /**
   * The rules of {@code config}; windowed traits are computed at {@code profiles.as_of}, or at
   * {@code runTime} when it is not set.
   */
  public static ProfileRules from(CdpConfig config, Instant runTime) {
    Instant configured = config.profiles().asOf();
    return of(
        config.profiles(),
        config.resolve().guardrails(),
        configured != null ? configured : requireNonNull(runTime, "runTime is null"));
  }

  /** The rules of {@code profiles}, computing windowed traits at {@code asOf}. */
  public static ProfileRules of(ProfilesConfig profiles, GuardrailConfig guardrails, Instant asOf) {
    requireNonNull(profiles, "profiles is null");
    List<CustomTrait> traits = new ArrayList<>();
    try {
      for (int i = 0; i < profiles.customTraits().size(); i++) {
        traits.add(CustomTrait.compile(i, profiles.customTraits().get(i)));
      }
    } catch (IllegalArgumentException e) {
      throw new CdpException(ErrorCode.CONFIG_INVALID, e.getMessage(), e);
    }
    return new ProfileRules(
        profiles,
        BlockedValues.from(guardrails),
        List.copyOf(traits),
        requireNonNull(asOf, "asOf is null").truncatedTo(ChronoUnit.MICROS));
  }

  /** The time windowed traits are computed at. */
  public Instant asOf() {
    return asOf;
  }

  /** The {@code profiles} config these rules were compiled from. */
  public ProfilesConfig config() {
    return config;
  }

  AttributeRule rule(ProfileAttribute attribute) {
    return config.rule(attribute);
  }

  SourceRanking ranking(ProfileAttribute attribute) {
    return rankings.get(attribute);
  }

  /** A contact point: valid, normalized and not a blocked value (a placeholder, junk). */
  boolean usable(Identifier id) {
    return id.valid() && id.normalized() != null && !blocked.isBlocked(id.type(), id.normalized());
  }

  CurrencyConverter converter() {
    return converter;
  }

  RfmThresholds rfmThresholds() {
    return config.rfm();
  }

  List<CustomTrait> customTraits() {
    return customTraits;
  }

  /**
   * Whether {@code at} falls in the {@code window} up to {@code as_of}: (as_of - window, as_of].
   */
  boolean inWindow(Instant at, Duration window) {
    return at.isAfter(asOf.minus(window)) && !at.isAfter(asOf);
  }
}
