package io.opencdp.ingest.connector;

import io.opencdp.schemas.event.Money;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Money from raw amounts: the currency's shape and {@link Money}'s limits, as dead letters. */
final class Amounts {
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  private Amounts() {}

  /** A currency code; {@code wrong_type} naming the field unless three upper-case letters. */
  static String currency(String field, String raw) {
    if (raw == null) {
      throw RecordException.missing(field);
    }
    String code = raw.strip();
    if (!CURRENCY.matcher(code).matches()) {
      throw RecordException.wrongType(field, "an ISO 4217 code such as USD", "'" + raw + "'");
    }
    return code;
  }

  /** The amount as money; {@code amount_invalid} naming the field when Money rejects it. */
  static Money money(String field, BigDecimal amount, String currency) {
    try {
      return new Money(amount, currency);
    } catch (IllegalArgumentException e) {
      throw new RecordException(
          ReasonCodes.AMOUNT_INVALID, "field '" + field + "': " + e.getMessage());
    }
  }

  /** A decimal amount written as text, e.g. a CSV cell. */
  static BigDecimal decimal(String field, String raw) {
    try {
      return new BigDecimal(raw.strip());
    } catch (NumberFormatException e) {
      throw RecordException.wrongType(field, "a decimal number such as 19.90", "'" + raw + "'");
    }
  }
}
