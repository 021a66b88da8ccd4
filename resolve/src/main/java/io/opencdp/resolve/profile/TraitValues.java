package io.opencdp.resolve.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.opencdp.schemas.event.Channel;
import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.event.Money;
import io.opencdp.schemas.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The values custom traits aggregate: numbers as exact decimals, money converted into the reporting
 * currency (on the event's UTC date), enums by their wire name, times and dates as they are, lists
 * and maps as JSON text. Also their text form in {@code custom_traits} and their order for {@code
 * min}/{@code max}.
 */
final class TraitValues {
  private TraitValues() {}

  /** The value to aggregate, or null when there is none (or money without a rate). */
  static Object normalize(Object raw, Instant occurredAt, CurrencyConverter converter) {
    if (raw == null) {
      return null;
    }
    if (raw instanceof Money money) {
      LocalDate date = occurredAt.atOffset(ZoneOffset.UTC).toLocalDate();
      return converter.toReporting(money, date).orElse(null);
    }
    if (raw instanceof BigDecimal
        || raw instanceof String
        || raw instanceof Boolean
        || raw instanceof Instant
        || raw instanceof LocalDate) {
      return raw;
    }
    if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
      return BigDecimal.valueOf(((Number) raw).longValue());
    }
    if (raw instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    if (raw instanceof Channel c) {
      return c.wireName();
    }
    if (raw instanceof IdentifierType t) {
      return t.wireName();
    }
    if (raw instanceof Enum<?> e) {
      return e.name().toLowerCase(Locale.ROOT);
    }
    if (raw instanceof Map<?, ?> || raw instanceof List<?> || raw instanceof Record) {
      try {
        return Json.mapper().writeValueAsString(raw);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write a trait value as JSON", e);
      }
    }
    return raw.toString();
  }

  /** The text form written to {@code custom_traits}. */
  static String text(Object value) {
    if (value instanceof BigDecimal d) {
      return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }
    return value.toString();
  }

  /** Numbers by value, times by time, dates by date; anything else (or mixed) by text. */
  static int compare(Object a, Object b) {
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      return x.compareTo(y);
    }
    if (a instanceof Instant x && b instanceof Instant y) {
      return x.compareTo(y);
    }
    if (a instanceof LocalDate x && b instanceof LocalDate y) {
      return x.compareTo(y);
    }
    return text(a).compareTo(text(b));
  }
}
