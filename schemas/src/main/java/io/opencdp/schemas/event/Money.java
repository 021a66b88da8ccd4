package io.opencdp.schemas.event;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of money: an exact decimal, never a double, with its currency. JSON keeps the scale the
 * source sent ({@code 19.90} stays {@code 19.90}); the Delta tables store {@code decimal(18,4)}, so
 * an amount has at most 14 integer digits and 4 decimal places (trailing zeros aside). Two amounts
 * are equal when they are numerically equal in the same currency: {@code 19.90 USD} equals {@code
 * 19.9000 USD}, as read back from a table.
 *
 * @param amount the amount; negative for refunds
 * @param currency ISO 4217 code in upper case, e.g. {@code USD}
 */
public record Money(BigDecimal amount, String currency) {
  /** Decimal places a Delta money column keeps. */
  public static final int MAX_SCALE = 4;

  /** Integer digits a Delta money column keeps: {@code decimal(18,4)}. */
  public static final int MAX_INTEGER_DIGITS = 14;

  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  public Money {
    requireNonNull(amount, "amount is null");
    Checks.matches(currency, CURRENCY, "currency");
    if (amount.scale() < 0) {
      // 1E+2 becomes 100: JSON and Delta decimals have no negative scale
      amount = amount.setScale(0);
    }
    BigDecimal stripped = amount.stripTrailingZeros();
    if (stripped.scale() > MAX_SCALE) {
      throw new IllegalArgumentException(
          "amount must have at most " + MAX_SCALE + " decimal places, got " + amount);
    }
    if (stripped.precision() - stripped.scale() > MAX_INTEGER_DIGITS) {
      throw new IllegalArgumentException(
          "amount must have at most " + MAX_INTEGER_DIGITS + " integer digits, got " + amount);
    }
  }

  /** Money from a decimal string, e.g. {@code Money.of("19.90", "USD")}. */
  public static Money of(String amount, String currency) {
    return new Money(new BigDecimal(requireNonNull(amount, "amount is null")), currency);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Money other
        && currency.equals(other.currency)
        && amount.compareTo(other.amount) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(amount.stripTrailingZeros(), currency);
  }
}
