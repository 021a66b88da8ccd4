package io.opencdp.schemas.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Golden profiles ({@code profiles}): survivorship per attribute, the reporting currency and its
 * dated exchange rates, the RFM score bounds, custom computed traits and the time windowed traits
 * are computed at. The Spark batch build and the Flink streaming job read the same object (through
 * {@code io.opencdp.resolve.profile}).
 *
 * @param sourcePriority source systems or channels, most trusted first ({@code source_priority}):
 *     the default {@code sources} of every attribute
 * @param survivorship the rule of every attribute ({@code survivorship.<attribute>})
 * @param reportingCurrency the currency spend is reported in ({@code reporting_currency})
 * @param exchangeRates the dated rates other currencies convert at ({@code exchange_rates})
 * @param rfm the score bounds ({@code rfm})
 * @param customTraits traits defined without code ({@code custom_traits})
 * @param asOf the time windowed traits are computed at; null for the run's time ({@code as_of})
 */
public record ProfilesConfig(
    List<String> sourcePriority,
    Map<ProfileAttribute, AttributeRule> survivorship,
    String reportingCurrency,
    List<ExchangeRate> exchangeRates,
    RfmThresholds rfm,
    List<CustomTraitConfig> customTraits,
    Instant asOf)
    implements Serializable {
  private static final String PREFIX = "profiles.";

  public ProfilesConfig {
    sourcePriority = AttributeRule.sources(PREFIX + "source_priority", sourcePriority);
    requireNonNull(survivorship, PREFIX + "survivorship is required");
    EnumMap<ProfileAttribute, AttributeRule> rules = new EnumMap<>(ProfileAttribute.class);
    for (ProfileAttribute attribute : ProfileAttribute.values()) {
      AttributeRule rule = survivorship.get(attribute);
      if (rule == null) {
        throw new IllegalArgumentException(
            PREFIX + "survivorship." + attribute.wireName() + " is required");
      }
      rules.put(attribute, rule);
    }
    survivorship = Collections.unmodifiableMap(rules);
    ExchangeRate.currency(PREFIX + "reporting_currency", reportingCurrency);
    requireNonNull(exchangeRates, PREFIX + "exchange_rates is required");
    Set<String> dated = new HashSet<>();
    for (int i = 0; i < exchangeRates.size(); i++) {
      ExchangeRate rate = exchangeRates.get(i);
      String key = PREFIX + "exchange_rates[" + i + "]";
      requireNonNull(rate, key + " is empty");
      if (rate.currency().equals(reportingCurrency)) {
        throw new IllegalArgumentException(
            key
                + ".currency is the reporting currency "
                + reportingCurrency
                + "; it always converts at 1");
      }
      if (!dated.add(rate.currency() + "@" + rate.effectiveFrom())) {
        throw new IllegalArgumentException(
            key
                + " is a second rate for "
                + rate.currency()
                + " effective from "
                + rate.effectiveFrom());
      }
    }
    exchangeRates = List.copyOf(exchangeRates);
    requireNonNull(rfm, PREFIX + "rfm is required");
    requireNonNull(customTraits, PREFIX + "custom_traits is required");
    Set<String> names = new HashSet<>();
    for (int i = 0; i < customTraits.size(); i++) {
      CustomTraitConfig trait = customTraits.get(i);
      requireNonNull(trait, PREFIX + "custom_traits[" + i + "] is empty");
      if (!names.add(trait.name())) {
        throw new IllegalArgumentException(
            PREFIX + "custom_traits[" + i + "].name '" + trait.name() + "' is used twice");
      }
    }
    customTraits = List.copyOf(customTraits);
  }

  /** The rule of {@code attribute}. */
  public AttributeRule rule(ProfileAttribute attribute) {
    return survivorship.get(attribute);
  }

  public ProfilesConfig withAsOf(Instant newAsOf) {
    return new ProfilesConfig(
        sourcePriority, survivorship, reportingCurrency, exchangeRates, rfm, customTraits, newAsOf);
  }

  public ProfilesConfig withCustomTraits(List<CustomTraitConfig> newCustomTraits) {
    return new ProfilesConfig(
        sourcePriority, survivorship, reportingCurrency, exchangeRates, rfm, newCustomTraits, asOf);
  }

  /** One {@code survivorship.<attribute>} entry as written. */
  record RuleYaml(
      @JsonProperty("rule") String rule, @JsonProperty("sources") List<String> sources) {}

  /** One {@code exchange_rates[]} row as written. */
  record RateYaml(
      @JsonProperty("currency") String currency,
      @JsonProperty("effective_from") String effectiveFrom,
      @JsonProperty("rate") BigDecimal rate) {}

  /** The {@code rfm} section as written. */
  record RfmYaml(
      @JsonProperty("recency_days") List<Integer> recencyDays,
      @JsonProperty("frequency_orders") List<Integer> frequencyOrders,
      @JsonProperty("monetary") List<BigDecimal> monetary) {}

  /** One {@code custom_traits[]} entry as written. */
  record TraitYaml(
      @JsonProperty("name") String name,
      @JsonProperty("aggregation") String aggregation,
      @JsonProperty("event_types") List<String> eventTypes,
      @JsonProperty("property") String property,
      @JsonProperty("where") Map<String, String> where,
      @JsonProperty("window_days") Integer windowDays) {}

  /** Binds the {@code profiles} section; every message names the full key. */
  @JsonCreator
  static ProfilesConfig fromConfig(
      @JsonProperty("source_priority") List<String> sourcePriority,
      @JsonProperty("survivorship") Map<String, RuleYaml> survivorship,
      @JsonProperty("reporting_currency") String reportingCurrency,
      @JsonProperty("exchange_rates") List<RateYaml> exchangeRates,
      @JsonProperty("rfm") RfmYaml rfm,
      @JsonProperty("custom_traits") List<TraitYaml> customTraits,
      @JsonProperty("as_of") String asOf) {
    List<String> defaultSources = AttributeRule.sources(PREFIX + "source_priority", sourcePriority);
    requireNonNull(survivorship, PREFIX + "survivorship is required");
    EnumMap<ProfileAttribute, AttributeRule> rules = new EnumMap<>(ProfileAttribute.class);
    survivorship.forEach(
        (name, yaml) -> {
          String key = PREFIX + "survivorship." + name;
          ProfileAttribute attribute = ProfileAttribute.parse(key, name);
          requireNonNull(yaml, key + " is empty");
          List<String> sources =
              yaml.sources() == null
                  ? defaultSources
                  : AttributeRule.sources(key + ".sources", yaml.sources());
          rules.put(
              attribute,
              new AttributeRule(SurvivorshipRule.parse(key + ".rule", yaml.rule()), sources));
        });
    List<ExchangeRate> rates = new ArrayList<>();
    List<RateYaml> rateRows = exchangeRates == null ? List.of() : exchangeRates;
    for (int i = 0; i < rateRows.size(); i++) {
      String key = PREFIX + "exchange_rates[" + i + "]";
      RateYaml row = requireNonNull(rateRows.get(i), key + " is empty");
      rates.add(ExchangeRate.of(key, row.currency(), row.effectiveFrom(), row.rate()));
    }
    requireNonNull(rfm, PREFIX + "rfm is required");
    List<CustomTraitConfig> traits = new ArrayList<>();
    List<TraitYaml> traitRows = customTraits == null ? List.of() : customTraits;
    for (int i = 0; i < traitRows.size(); i++) {
      String key = PREFIX + "custom_traits[" + i + "]";
      TraitYaml t = requireNonNull(traitRows.get(i), key + " is empty");
      traits.add(
          CustomTraitConfig.of(
              key,
              t.name(),
              t.aggregation(),
              t.eventTypes(),
              t.property(),
              t.where(),
              t.windowDays()));
    }
    return new ProfilesConfig(
        defaultSources,
        rules,
        reportingCurrency,
        rates,
        new RfmThresholds(rfm.recencyDays(), rfm.frequencyOrders(), rfm.monetary()),
        traits,
        asOf(asOf));
  }

  private static Instant asOf(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          PREFIX
              + "as_of must be an ISO-8601 UTC time such as 2026-11-01T00:00:00Z, got '"
              + text
              + "'");
    }
  }
}
