package io.opencdp.resolve.profile;

import io.opencdp.schemas.event.CallProperties;
import io.opencdp.schemas.event.EventTypes;
import io.opencdp.schemas.event.OrderProperties;
import io.opencdp.schemas.event.TouchpointEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Accumulates the computed traits of one profile from its events, in any order. Orders and returns
 * are counted once per order id (per source system), however many lines they have; amounts are
 * converted into the reporting currency at the rate effective on the event's UTC date.
 */
final class TraitTally {
  /** The window of the {@code *_30d} email traits. */
  static final Duration ENGAGEMENT_WINDOW = Duration.ofDays(30);

  private final ProfileRules rules;
  private Instant firstSeen;
  private Instant lastSeen;
  private long events;
  private final Map<String, Long> perChannel = new TreeMap<>();
  private final Map<String, OrderSum> orders = new HashMap<>();
  private final Map<String, OrderSum> returns = new HashMap<>();
  private Instant lastOrderAt;
  private long delivered;
  private long opened;
  private long clicked;
  private long calls;
  private Instant lastCallAt;
  private Instant lastReasonAt;
  private String lastReasonEvent;
  private String lastReason;

  /** One order or return: its amount in the reporting currency, or unconverted. */
  private static final class OrderSum {
    BigDecimal amount = BigDecimal.ZERO;
    boolean hasAmount;
    boolean unconverted;
  }

  TraitTally(ProfileRules rules) {
    this.rules = rules;
  }

  void add(TouchpointEvent event) {
    Instant at = event.occurredAt();
    events++;
    firstSeen = firstSeen == null || at.isBefore(firstSeen) ? at : firstSeen;
    lastSeen = lastSeen == null || at.isAfter(lastSeen) ? at : lastSeen;
    perChannel.merge(event.channel().wireName(), 1L, Long::sum);
    OrderProperties order = event.properties().order();
    if (order != null) {
      order(event, order);
    }
    if (rules.inWindow(at, ENGAGEMENT_WINDOW)) {
      switch (event.eventType()) {
        case EventTypes.EMAIL_DELIVERED -> delivered++;
        case EventTypes.EMAIL_OPEN -> opened++;
        case EventTypes.EMAIL_CLICK -> clicked++;
        default -> {}
      }
    }
    CallProperties call = event.properties().call();
    if (call != null || event.eventType().equals(EventTypes.CALL_CONTACT)) {
      call(event, call);
    }
  }

  private void order(TouchpointEvent event, OrderProperties order) {
    String key = event.sourceSystem() + "\u001f" + order.orderId();
    OrderSum sum = (order.isReturn() ? returns : orders).computeIfAbsent(key, k -> new OrderSum());
    if (!order.isReturn()) {
      Instant at = event.occurredAt();
      lastOrderAt = lastOrderAt == null || at.isAfter(lastOrderAt) ? at : lastOrderAt;
    }
    if (order.total() == null) {
      return;
    }
    LocalDate date = event.occurredAt().atOffset(ZoneOffset.UTC).toLocalDate();
    Optional<BigDecimal> converted = rules.converter().toReporting(order.total(), date);
    if (converted.isEmpty()) {
      sum.unconverted = true;
      return;
    }
    // a POS return line is negative, an online refund positive: returns are kept positive
    BigDecimal amount = order.isReturn() ? converted.get().abs() : converted.get();
    sum.amount = sum.amount.add(amount);
    sum.hasAmount = true;
  }

  private void call(TouchpointEvent event, CallProperties call) {
    calls++;
    Instant at = event.occurredAt();
    lastCallAt = lastCallAt == null || at.isAfter(lastCallAt) ? at : lastCallAt;
    String reason = call == null ? null : call.reason();
    if (reason == null || reason.isBlank()) {
      return;
    }
    boolean later =
        lastReasonAt == null
            || at.isAfter(lastReasonAt)
            || (at.equals(lastReasonAt) && event.eventId().compareTo(lastReasonEvent) < 0);
    if (later) {
      lastReasonAt = at;
      lastReasonEvent = event.eventId();
      lastReason = reason.strip();
    }
  }

  /** The traits; {@code primaryEmail} decides {@code email_suppressed} (null when none). */
  Traits build(ContactPoint primaryEmail) {
    CurrencyConverter converter = rules.converter();
    BigDecimal sales = BigDecimal.ZERO;
    long converted = 0;
    long unconverted = 0;
    for (OrderSum order : orders.values()) {
      if (order.unconverted) {
        unconverted++;
      } else if (order.hasAmount) {
        sales = sales.add(order.amount);
        converted++;
      }
    }
    BigDecimal refunded = BigDecimal.ZERO;
    for (OrderSum ret : returns.values()) {
      if (ret.unconverted) {
        unconverted++;
      } else {
        refunded = refunded.add(ret.amount);
      }
    }
    BigDecimal net = sales.subtract(refunded);
    RfmScore rfm = null;
    if (!orders.isEmpty()) {
      long days = Math.max(0, ChronoUnit.DAYS.between(lastOrderAt, rules.asOf()));
      rfm = RfmScore.of(rules.rfmThresholds(), days, orders.size(), net);
    }
    boolean suppressed = primaryEmail != null && primaryEmail.suppressedAt() != null;
    return new Traits(
        firstSeen,
        lastSeen,
        events,
        List.copyOf(perChannel.keySet()),
        perChannel,
        orders.size(),
        converter.money(net),
        converted == 0
            ? null
            : converter.money(
                sales.divide(
                    BigDecimal.valueOf(converted),
                    CurrencyConverter.SCALE,
                    java.math.RoundingMode.HALF_EVEN)),
        lastOrderAt,
        returns.size(),
        converter.money(refunded),
        unconverted,
        delivered,
        opened,
        clicked,
        suppressed,
        suppressed ? primaryEmail.suppressedReason() : null,
        suppressed ? primaryEmail.suppressedAt() : null,
        calls,
        lastCallAt,
        lastReason,
        rfm,
        rules.asOf());
  }
}
