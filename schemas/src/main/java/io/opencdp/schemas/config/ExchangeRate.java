package io.opencdp.schemas.config;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * One row of the dated exchange-rate table ({@code profiles.exchange_rates[]}): from {@code
 * effectiveFrom} until the currency's next row, one unit of {@code currency} is worth {@code rate}
 * units of the reporting currency.
 *
 * @param currency ISO 4217 code in upper case
 * @param effectiveFrom the first (UTC) order date the rate applies to
 * @param rate units of the reporting currency per unit of {@code currency}; positive
 */
public record ExchangeRate(String currency, LocalDate effectiveFrom, BigDecimal rate)
    implements Serializable {
  static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  public ExchangeRate {
    requireNonNull(currency, "currency is null");
    requireNonNull(effectiveFrom, "effective_from is null");
    // 1.1700 and 1.17 are the same rate: YAML reads both as the same number
    rate = requireNonNull(rate, "rate is null").stripTrailingZeros();
  }

  /** Checks one row as written; every message names {@code key}. */
  static ExchangeRate of(String key, String currency, String effectiveFrom, BigDecimal rate) {
    currency(key + ".currency", currency);
    ConfigChecks.notBlank(key + ".effective_from", effectiveFrom);
    LocalDate from;
    try {
      from = LocalDate.parse(effectiveFrom.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(
          key + ".effective_from must be a date (yyyy-MM-dd), got '" + effectiveFrom + "'");
    }
    if (rate == null || rate.signum() <= 0) {
      throw new IllegalArgumentException(key + ".rate must be a positive number, got " + rate);
    }
    return new ExchangeRate(currency, from, rate);
  }

  static String currency(String key, String value) {
    if (value == null || !CURRENCY.matcher(value).matches()) {
      throw new IllegalArgumentException(
          key + " must be an ISO 4217 code in upper case (USD, EUR), got '" + value + "'");
    }
    return value;
  }
}
