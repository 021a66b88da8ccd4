package io.opencdp.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfilesConfigTest {
  @TempDir Path dir;

  @Test
  void defaultsAreTheDocumentedValues() {
    ProfilesConfig config = ConfigLoader.load(null, Map.of()).profiles();

    assertThat(config.sourcePriority())
        .containsExactly("crm", "segment-web", "segment-app", "amazon-connect", "pos", "sendgrid");
    assertThat(config.survivorship()).containsOnlyKeys(ProfileAttribute.values());
    assertThat(config.rule(ProfileAttribute.FIRST_NAME).rule())
        .isEqualTo(SurvivorshipRule.MOST_FREQUENT);
    assertThat(config.rule(ProfileAttribute.ADDRESS).rule())
        .isEqualTo(SurvivorshipRule.MOST_RECENT);
    assertThat(config.rule(ProfileAttribute.BIRTH_DATE).sources())
        .isEqualTo(config.sourcePriority());
    assertThat(config.reportingCurrency()).isEqualTo("USD");
    assertThat(config.exchangeRates())
        .contains(new ExchangeRate("EUR", LocalDate.of(2026, 7, 1), new BigDecimal("1.1700")));
    assertThat(config.rfm().recencyDays()).containsExactly(30, 90, 180, 365);
    assertThat(config.customTraits()).isEmpty();
    assertThat(config.asOf()).isNull();
  }

  @Test
  void userFileSetsOneAttributeRuleAndItsSources() throws IOException {
    ProfilesConfig config =
        load(
            "profiles:\n  survivorship:\n    phone:\n      rule: source_priority\n"
                + "      sources: [pos, crm]\n  as_of: 2026-11-01T00:00:00Z\n");

    assertThat(config.rule(ProfileAttribute.PHONE))
        .isEqualTo(new AttributeRule(SurvivorshipRule.SOURCE_PRIORITY, List.of("pos", "crm")));
    assertThat(config.rule(ProfileAttribute.EMAIL).rule())
        .isEqualTo(SurvivorshipRule.SOURCE_PRIORITY);
    assertThat(config.asOf()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
  }

  @Test
  void customTraitsBindEveryField() throws IOException {
    ProfilesConfig config =
        load(
            "profiles:\n  custom_traits:\n"
                + "    - {name: web_orders_90d, aggregation: count, event_types: [order_completed],"
                + " where: {channel: web}, window_days: 90}\n"
                + "    - {name: top_store, aggregation: most_frequent,"
                + " property: properties.order.store_id}\n");

    assertThat(config.customTraits())
        .containsExactly(
            new CustomTraitConfig(
                "web_orders_90d",
                TraitAggregation.COUNT,
                List.of("order_completed"),
                null,
                Map.of("channel", "web"),
                90),
            new CustomTraitConfig(
                "top_store",
                TraitAggregation.MOST_FREQUENT,
                List.of(),
                "properties.order.store_id",
                Map.of(),
                null));
  }

  @Test
  void unknownKeysAreRejectedByName() throws IOException {
    assertThatThrownBy(
            () -> load("profiles:\n  survivorship:\n    nickname: {rule: most_recent}\n"))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("profiles.survivorship.nickname");
    assertThatThrownBy(
            () ->
                load(
                    "profiles:\n  custom_traits:\n"
                        + "    - {name: x, aggregation: count, windw_days: 3}\n"))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("windw_days")
        .extracting(e -> ((CdpException) e).code())
        .isEqualTo(ErrorCode.CONFIG_INVALID);
  }

  @Test
  void badValuesNameTheirKey() {
    assertThatThrownBy(() -> load("profiles:\n  survivorship:\n    first_name: {rule: newest}\n"))
        .hasMessageContaining("profiles.survivorship.first_name.rule must be one of most_recent");
    assertThatThrownBy(
            () ->
                load(
                    "profiles:\n  exchange_rates:\n"
                        + "    - {currency: EUR, effective_from: 2026-13-01, rate: 1.1}\n"))
        .hasMessageContaining("profiles.exchange_rates[0].effective_from");
    assertThatThrownBy(
            () ->
                load(
                    "profiles:\n  exchange_rates:\n"
                        + "    - {currency: EUR, effective_from: 2026-01-01, rate: 0}\n"))
        .hasMessageContaining("profiles.exchange_rates[0].rate must be a positive number");
    assertThatThrownBy(() -> load("profiles:\n  rfm:\n    recency_days: [30, 20, 180, 365]\n"))
        .hasMessageContaining("profiles.rfm.recency_days must be strictly increasing");
    assertThatThrownBy(
            () -> load("profiles:\n  custom_traits:\n    - {name: total, aggregation: sum}\n"))
        .hasMessageContaining("profiles.custom_traits[0].property is required for aggregation sum");
    assertThatThrownBy(() -> load("profiles:\n  as_of: yesterday\n"))
        .hasMessageContaining("profiles.as_of must be an ISO-8601 UTC time");
    assertThatThrownBy(() -> load("profiles:\n  reporting_currency: usd\n"))
        .hasMessageContaining("profiles.reporting_currency must be an ISO 4217 code");
  }

  @Test
  void exchangeRatesAreExactDecimals() throws IOException {
    ProfilesConfig config =
        load(
            "profiles:\n  exchange_rates:\n"
                + "    - {currency: JPY, effective_from: 2026-01-01, rate: 0.006512}\n");

    assertThat(config.exchangeRates())
        .containsExactly(
            new ExchangeRate("JPY", LocalDate.of(2026, 1, 1), new BigDecimal("0.006512")));
  }

  private ProfilesConfig load(String yaml) throws IOException {
    Path file = dir.resolve("cdp.yaml");
    Files.writeString(file, yaml);
    return ConfigLoader.load(file, Map.of()).profiles();
  }
}
