package io.opencdp.resolve.profile;

import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.config.ProfilesConfig;
import io.opencdp.schemas.event.CallProperties;
import io.opencdp.schemas.event.Channel;
import io.opencdp.schemas.event.EmailProperties;
import io.opencdp.schemas.event.EventProperties;
import io.opencdp.schemas.event.EventTypes;
import io.opencdp.schemas.event.Identifier;
import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.event.LineItem;
import io.opencdp.schemas.event.Money;
import io.opencdp.schemas.event.OrderProperties;
import io.opencdp.schemas.event.PersonAttributes;
import io.opencdp.schemas.event.PostalAddress;
import io.opencdp.schemas.event.SourceSystems;
import io.opencdp.schemas.event.TouchpointEvent;
import io.opencdp.schemas.event.TouchpointEventBuilder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Small hand-built events and rules for the profile tests; times are days before {@link #AS_OF}.
 */
final class Events {
  static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");
  static final Instant UPDATED_AT = Instant.parse("2026-11-02T08:00:00Z");

  private Events() {}

  static ProfilesConfig defaults() {
    return CdpConfig.defaults().profiles();
  }

  /** The defaults with {@code attribute} chosen by {@code rule} over {@code sources}. */
  static ProfilesConfig withRule(
      io.opencdp.schemas.config.ProfileAttribute attribute,
      io.opencdp.schemas.config.SurvivorshipRule rule,
      List<String> sources) {
    ProfilesConfig d = defaults();
    var rules = new java.util.EnumMap<>(d.survivorship());
    rules.put(attribute, new io.opencdp.schemas.config.AttributeRule(rule, sources));
    return new ProfilesConfig(
        d.sourcePriority(),
        rules,
        d.reportingCurrency(),
        d.exchangeRates(),
        d.rfm(),
        d.customTraits(),
        d.asOf());
  }

  static ProfileRules rules() {
    return rules(defaults());
  }

  static ProfileRules rules(ProfilesConfig profiles) {
    return ProfileRules.of(profiles, CdpConfig.defaults().resolve().guardrails(), AS_OF);
  }

  static Instant daysAgo(double days) {
    return AS_OF.minusSeconds(Math.round(days * 86_400));
  }

  /** An event of {@code sourceSystem}; its channel follows from the source system. */
  static TouchpointEventBuilder event(String key, String sourceSystem, String type, Instant at) {
    return TouchpointEvent.builder()
        .channel(channelOf(sourceSystem))
        .sourceSystem(sourceSystem)
        .sourceKey(key)
        .eventType(type)
        .occurredAt(at)
        .receivedAt(at);
  }

  static String eventId(String sourceSystem, String key) {
    return io.opencdp.schemas.event.EventIds.derive("default", sourceSystem, key);
  }

  static TouchpointEvent named(
      String key, String sourceSystem, Instant at, String first, String last) {
    return event(key, sourceSystem, EventTypes.IDENTIFY, at)
        .person(new PersonAttributes(first, last, null, null, null, null, null))
        .build();
  }

  static TouchpointEvent withPerson(
      String key, String sourceSystem, Instant at, UnaryOperator<PersonBuilder> person) {
    PersonBuilder p = person.apply(new PersonBuilder());
    return event(key, sourceSystem, EventTypes.IDENTIFY, at)
        .person(new PersonAttributes(p.first, p.last, null, null, null, p.address, p.birthDate))
        .build();
  }

  static final class PersonBuilder {
    String first;
    String last;
    PostalAddress address;
    LocalDate birthDate;

    PersonBuilder first(String v) {
      first = v;
      return this;
    }

    PersonBuilder address(String street, String city, String postal) {
      address = new PostalAddress(street, city, null, postal, "US");
      return this;
    }

    PersonBuilder birthDate(String v) {
      birthDate = LocalDate.parse(v);
      return this;
    }
  }

  static Identifier email(String value) {
    return Identifier.valid(IdentifierType.EMAIL, value, value);
  }

  static Identifier phone(String value) {
    return Identifier.valid(IdentifierType.PHONE, value, value);
  }

  static TouchpointEvent withIds(String key, String sourceSystem, Instant at, Identifier... ids) {
    TouchpointEventBuilder b = event(key, sourceSystem, EventTypes.IDENTIFY, at);
    for (Identifier id : ids) {
      b.identifier(id);
    }
    return b.build();
  }

  /** A whole online order (Segment Order Completed). */
  static TouchpointEvent onlineOrder(String orderId, Instant at, String total, String currency) {
    return event("order-" + orderId, SourceSystems.SEGMENT_WEB, EventTypes.ORDER_COMPLETED, at)
        .properties(
            orders(
                new OrderProperties(
                    orderId, null, Money.of(total, currency), List.of(), null, false)))
        .build();
  }

  /** One POS line: a sale, or a return when the quantity is negative. */
  static TouchpointEvent posLine(
      String transactionId, int line, Instant at, int quantity, String unitPrice) {
    Money price = Money.of(unitPrice, "USD");
    Money total = new Money(price.amount().multiply(java.math.BigDecimal.valueOf(quantity)), "USD");
    return event(
            SourceSystems.posLineKey(transactionId, line),
            SourceSystems.POS,
            quantity < 0 ? EventTypes.RETURN_LINE : EventTypes.ORDER_LINE,
            at)
        .properties(
            orders(
                new OrderProperties(
                    transactionId,
                    line,
                    total,
                    List.of(new LineItem("SKU-" + line, null, quantity, price)),
                    "S001",
                    quantity < 0)))
        .build();
  }

  static TouchpointEvent emailEvent(String key, String type, Instant at, String address) {
    return emailEvent(key, type, at, address, null);
  }

  static TouchpointEvent emailEvent(
      String key, String type, Instant at, String address, String bounceType) {
    return event(key, SourceSystems.SENDGRID, type, at)
        .identifier(email(address))
        .properties(
            new EventProperties(
                null,
                new EmailProperties("m-" + key, "c1", null, List.of(), null, bounceType, null),
                null,
                null,
                null))
        .build();
  }

  static TouchpointEvent call(String key, Instant at, String reason) {
    return event(key, SourceSystems.AMAZON_CONNECT, EventTypes.CALL_CONTACT, at)
        .eventName("VOICE")
        .properties(
            new EventProperties(
                null,
                null,
                null,
                null,
                new CallProperties(
                    key, "VOICE", "INBOUND", "support", "agent1", reason, 60L, null)))
        .build();
  }

  private static EventProperties orders(OrderProperties order) {
    return new EventProperties(order, null, null, null, null);
  }

  private static Channel channelOf(String sourceSystem) {
    return switch (sourceSystem) {
      case SourceSystems.SEGMENT_WEB -> Channel.WEB;
      case SourceSystems.SEGMENT_APP -> Channel.APP;
      case SourceSystems.POS -> Channel.STORE;
      case SourceSystems.SENDGRID -> Channel.EMAIL;
      case SourceSystems.AMAZON_CONNECT -> Channel.CALL_CENTER;
      case SourceSystems.CRM -> Channel.CRM;
      default -> Channel.WEB;
    };
  }

  /** Accumulates {@code events} into one profile and builds it with the given rules. */
  static GoldenProfile build(ProfileRules rules, List<TouchpointEvent> events) {
    ProfileAccumulator acc = new ProfileAccumulator(rules, "default", "p_test");
    events.forEach(acc::add);
    return acc.build(UPDATED_AT);
  }

  static GoldenProfile build(List<TouchpointEvent> events) {
    return build(rules(), events);
  }
}
