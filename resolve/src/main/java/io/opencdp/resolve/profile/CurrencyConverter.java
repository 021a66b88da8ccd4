package io.opencdp.resolve.profile;

import io.opencdp.schemas.config.ExchangeRate;
import io.opencdp.schemas.event.Money;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Converts money into the reporting currency with the dated rate table of {@code
 * profiles.exchange_rates}: the rate of the currency's latest row effective on or before the date.
 * Results keep 4 decimal places (the money columns' scale), rounded half-even.
 */
final class CurrencyConverter implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Decimal places of converted amounts: those of {@code decimal(18,4)}. */
  static final int SCALE = Money.MAX_SCALE;

  private final String reportingCurrency;
  private final Map<String, TreeMap<LocalDate, BigDecimal>> rates = new HashMap<>();

  CurrencyConverter(String reportingCurrency, List<ExchangeRate> table) {
    this.reportingCurrency = reportingCurrency;
    for (ExchangeRate rate : table) {
      rates
          .computeIfAbsent(rate.currency(), c -> new TreeMap<>())
          .put(rate.effectiveFrom(), rate.rate());
    }
  }

  String reportingCurrency() {
    return reportingCurrency;
  }

  /** {@code money} in the reporting currency on {@code date}; empty when no rate is effective. */
  Optional<BigDecimal> toReporting(Money money, LocalDate date) {
    if (money.currency().equals(reportingCurrency)) {
      return Optional.of(money.amount().setScale(SCALE, RoundingMode.HALF_EVEN));
    }
    TreeMap<LocalDate, BigDecimal> table = rates.get(money.currency());
    Map.Entry<LocalDate, BigDecimal> rate = table == null ? null : table.floorEntry(date);
    if (rate == null) {
      return Optional.empty();
    }
    return Optional.of(
        money.amount().multiply(rate.getValue()).setScale(SCALE, RoundingMode.HALF_EVEN));
  }

  /** An amount in the reporting currency as money. */
  Money money(BigDecimal amount) {
    return new Money(amount.setScale(SCALE, RoundingMode.HALF_EVEN), reportingCurrency);
  }
}
