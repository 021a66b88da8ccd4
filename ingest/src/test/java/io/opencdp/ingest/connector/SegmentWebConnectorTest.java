package io.opencdp.ingest.connector;

import static io.opencdp.ingest.connector.Lines.remove;
import static io.opencdp.ingest.connector.Lines.replace;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencdp.schemas.event.ConsentChange;
import io.opencdp.schemas.event.EventTypes;
import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.event.LineItem;
import io.opencdp.schemas.event.Money;
import io.opencdp.schemas.event.PageProperties;
import io.opencdp.schemas.event.PostalAddress;
import io.opencdp.schemas.event.TouchpointEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmentWebConnectorTest extends AbstractConnectorConformanceTest {
  static final String ORDER =
      "{\"type\":\"track\",\"event\":\"Order Completed\",\"messageId\":\"ajs-next-1\","
          + "\"anonymousId\":\"anon-1\",\"userId\":\"C100\","
          + "\"properties\":{\"order_id\":\"W123\",\"total\":42.50,\"currency\":\"USD\","
          + "\"coupon\":\"WELCOME10\",\"products\":[{\"product_id\":\"P1\",\"sku\":\"SKU-1\","
          + "\"name\":\"Tee\",\"price\":19.90,\"quantity\":2,\"category\":\"Apparel\"}]},"
          + "\"context\":{\"ip\":\"1.2.3.4\",\"page\":{\"url\":\"https://shop.example/checkout\","
          + "\"path\":\"/checkout\",\"title\":\"Checkout\",\"referrer\":\"https://google.com/\"},"
          + "\"traits\":{\"email\":\"ann@example.com\",\"phone\":\"+12125550147\","
          + "\"firstName\":\"Ann\",\"lastName\":\"Lee\"}},"
          + "\"timestamp\":\"2026-10-15T12:00:00.000Z\","
          + "\"originalTimestamp\":\"2026-10-15T12:00:00.000Z\","
          + "\"sentAt\":\"2026-10-15T12:00:00.100Z\",\"receivedAt\":\"2026-10-15T12:00:00.300Z\","
          + "\"version\":2}";

  static final String IDENTIFY =
      "{\"type\":\"identify\",\"messageId\":\"ajs-next-2\",\"anonymousId\":\"anon-1\","
          + "\"userId\":\"C100\",\"traits\":{\"email\":\"ann@example.com\",\"firstName\":\"Ann\","
          + "\"lastName\":\"Lee\",\"birthday\":\"1990-05-01\",\"address\":{\"street\":\"1 Main St\","
          + "\"city\":\"New York\",\"postalCode\":\"10001\",\"state\":\"new york\","
          + "\"country\":\"US\"},\"plan\":\"plus\",\"newsletter_opt_in\":false},"
          + "\"context\":{\"consent\":{\"categoryPreferences\":{\"Advertising\":true}}},"
          + "\"timestamp\":\"2026-10-15T12:00:00.000Z\","
          + "\"receivedAt\":\"2026-10-15T12:00:01.000Z\"}";

  @Override
  String sourceName() {
    return "web";
  }

  @Override
  String validRecord() {
    return ORDER;
  }

  @Override
  String expectedSourceKey() {
    return "ajs-next-1";
  }

  @Override
  void assertMapsEveryField(TouchpointEvent e) {
    assertThat(e.eventType()).isEqualTo(EventTypes.ORDER_COMPLETED);
    assertThat(e.eventName()).isEqualTo("Order Completed");
    assertThat(e.occurredAt()).isEqualTo(Instant.parse("2026-10-15T12:00:00Z"));
    assertThat(e.receivedAt()).isEqualTo(Instant.parse("2026-10-15T12:00:00.300Z"));
    assertThat(e.identifiers())
        .extracting(i -> i.type() + "=" + i.normalized())
        .containsExactlyInAnyOrder(
            "CUSTOMER_ID=C100",
            "ANONYMOUS_ID=anon-1",
            "EMAIL=ann@example.com",
            "PHONE=+12125550147");
    var order = e.properties().order();
    assertThat(order.orderId()).isEqualTo("W123");
    assertThat(order.total()).isEqualTo(Money.of("42.50", "USD"));
    assertThat(order.total().amount()).isEqualByComparingTo("42.50");
    assertThat(order.total().amount().scale()).isEqualTo(2);
    assertThat(order.items())
        .containsExactly(new LineItem("SKU-1", "Tee", 2, Money.of("19.90", "USD")));
    assertThat(order.isReturn()).isFalse();
    assertThat(e.properties().page())
        .isEqualTo(
            new PageProperties(
                "https://shop.example/checkout", "/checkout", "Checkout", "https://google.com/"));
    assertThat(e.person().firstName()).isEqualTo("Ann");
    assertThat(e.person().lastName()).isEqualTo("Lee");
    assertThat(e.person().email()).isEqualTo("ann@example.com");
    assertThat(e.custom())
        .containsEntry("version", 2L)
        .containsEntry("sentAt", "2026-10-15T12:00:00.100Z")
        .containsEntry("context", Map.of("ip", "1.2.3.4"));
    @SuppressWarnings("unchecked")
    Map<String, Object> properties = (Map<String, Object>) e.custom().get("properties");
    assertThat(properties)
        .containsEntry("coupon", "WELCOME10")
        .containsEntry("products", List.of(Map.of("product_id", "P1", "category", "Apparel")));
  }

  @Override
  String messyContactRecord() {
    String line =
        replace(ORDER, "\"email\":\"ann@example.com\"", "\"email\":\" Ann.Lee@Example.COM \"");
    line = replace(line, "\"phone\":\"+12125550147\"", "\"phone\":\"(212) 555-0147\"");
    return replace(line, "\"firstName\":\"Ann\"", "\"firstName\":\"  Ann  \"");
  }

  @Override
  String expectedEmail() {
    return "ann.lee@example.com";
  }

  @Override
  String expectedPhone() {
    return "+12125550147";
  }

  @Override
  String expectedFirstName() {
    return "Ann";
  }

  @Override
  String redeliveryOfValidRecord() {
    return replace(
        ORDER,
        "\"receivedAt\":\"2026-10-15T12:00:00.300Z\"",
        "\"receivedAt\":\"2026-10-15T12:00:31.300Z\"");
  }

  @Override
  String recordWithInvalidContact() {
    return replace(ORDER, "\"email\":\"ann@example.com\"", "\"email\":\"ann at example\"");
  }

  @Override
  IdentifierType invalidContactType() {
    return IdentifierType.EMAIL;
  }

  @Override
  String recordWithinFutureTolerance() {
    return replace(
        ORDER,
        "\"timestamp\":\"2026-10-15T12:00:00.000Z\"",
        "\"timestamp\":\"2026-10-15T12:09:00.000Z\"");
  }

  @Override
  Map<BadRecord, BadCase> badRecords() {
    return Map.of(
        BadRecord.TRUNCATED,
        new BadCase(ORDER.substring(0, 120), ReasonCodes.JSON_MALFORMED, "not valid JSON"),
        BadRecord.WRONG_TYPE,
        new BadCase(
            replace(ORDER, "\"total\":42.50", "\"total\":\"lots\""),
            ReasonCodes.WRONG_TYPE,
            "properties.total"),
        BadRecord.TIMESTAMP_INVALID,
        new BadCase(
            replace(
                ORDER, "\"timestamp\":\"2026-10-15T12:00:00.000Z\"", "\"timestamp\":\"yesterday\""),
            ReasonCodes.TIMESTAMP_INVALID,
            "timestamp"),
        BadRecord.IMPOSSIBLE_DATE,
        new BadCase(
            replace(
                ORDER,
                "\"timestamp\":\"2026-10-15T12:00:00.000Z\"",
                "\"timestamp\":\"2026-02-30T12:00:00.000Z\""),
            ReasonCodes.DATE_IMPOSSIBLE,
            "timestamp"),
        BadRecord.FUTURE_TIMESTAMP,
        new BadCase(
            replace(
                ORDER,
                "\"timestamp\":\"2026-10-15T12:00:00.000Z\"",
                "\"timestamp\":\"2026-10-15T12:11:00.000Z\""),
            ReasonCodes.TIMESTAMP_IN_FUTURE,
            "timestamp"),
        BadRecord.UNKNOWN_EVENT_TYPE,
        new BadCase(
            replace(ORDER, "\"type\":\"track\"", "\"type\":\"purchase\""),
            ReasonCodes.UNKNOWN_EVENT_TYPE,
            "purchase"),
        BadRecord.MISSING_IDENTIFIER,
        new BadCase(
            remove(remove(ORDER, "\"userId\":\"C100\","), "\"anonymousId\":\"anon-1\","),
            ReasonCodes.MISSING_IDENTIFIER,
            "anonymousId"),
        BadRecord.MISSING_NATURAL_KEY,
        new BadCase(
            remove(ORDER, "\"messageId\":\"ajs-next-1\","),
            ReasonCodes.MISSING_FIELD,
            "messageId"));
  }

  @Override
  Map<BadRecord, String> notApplicable() {
    return Map.of(BadRecord.TOO_MANY_COLUMNS, "JSON lines have no columns");
  }

  @Test
  void identifyMapsTraitsToPersonConsentAndCustom() {
    TouchpointEvent e = event(IDENTIFY);

    assertThat(e.eventType()).isEqualTo(EventTypes.IDENTIFY);
    assertThat(e.person().birthDate()).isEqualTo(LocalDate.of(1990, 5, 1));
    assertThat(e.person().address())
        .isEqualTo(new PostalAddress("1 Main St", "New York", "NY", "10001", "US"));
    assertThat(e.consent())
        .containsExactly(
            new ConsentChange(
                "marketing",
                "email",
                false,
                "segment_newsletter_opt_in",
                Instant.parse("2026-10-15T12:00:00Z")),
            new ConsentChange(
                "advertising",
                null,
                true,
                "segment_consent_preferences",
                Instant.parse("2026-10-15T12:00:00Z")));
    assertThat(e.custom()).containsEntry("traits", Map.of("plan", "plus"));
  }

  @Test
  void keepsAnImpossibleBirthdayAsAnInvalidAttribute() {
    TouchpointEvent e = event(replace(IDENTIFY, "1990-05-01", "1990-02-30"));

    assertThat(e.person().birthDate()).isNull();
    assertThat(e.custom())
        .containsEntry(
            PersonFields.INVALID_ATTRIBUTES,
            Map.of("birth_date", Map.of("raw", "1990-02-30", "reason", "date_impossible")));
  }

  @Test
  void pageMapsItsPropertiesAndName() {
    String page =
        "{\"type\":\"page\",\"messageId\":\"m-3\",\"anonymousId\":\"anon-1\",\"name\":\"Home\","
            + "\"properties\":{\"path\":\"/\",\"referrer\":\"\",\"url\":\"https://shop.example/\","
            + "\"search\":\"?q=1\"},\"timestamp\":\"2026-10-15T12:00:00Z\"}";

    TouchpointEvent e = event(page);

    assertThat(e.eventType()).isEqualTo(EventTypes.PAGE);
    assertThat(e.eventName()).isEqualTo("Home");
    assertThat(e.properties().page())
        .isEqualTo(new PageProperties("https://shop.example/", "/", "Home", null));
    assertThat(e.receivedAt()).isEqualTo(INGESTED_AT);
    assertThat(e.custom()).containsEntry("properties", Map.of("search", "?q=1"));
  }

  @Test
  void aliasLinksUserIdAndPreviousId() {
    String alias =
        "{\"type\":\"alias\",\"messageId\":\"m-4\",\"userId\":\"C100\",\"previousId\":\"anon-9\","
            + "\"timestamp\":\"2026-10-15T12:00:00Z\"}";

    TouchpointEvent e = event(alias);

    assertThat(e.identifiers())
        .extracting(i -> i.type() + "=" + i.normalized())
        .containsExactly("CUSTOMER_ID=C100", "ANONYMOUS_ID=anon-9");
    assertThat(deadLetter(remove(alias, "\"previousId\":\"anon-9\",")).reasonCode())
        .isEqualTo(ReasonCodes.MISSING_IDENTIFIER);
  }

  @Test
  void orderRefundedIsAReturnOrder() {
    TouchpointEvent e = event(replace(ORDER, "Order Completed", "Order Refunded"));

    assertThat(e.eventType()).isEqualTo(SegmentConnector.ORDER_REFUNDED);
    assertThat(e.properties().order().isReturn()).isTrue();
  }

  @Test
  void anAmountWithMoreThanFourDecimalsIsDeadLettered() {
    DeadLetter dead = deadLetter(replace(ORDER, "\"total\":42.50", "\"total\":42.123456"));

    assertThat(dead.reasonCode()).isEqualTo(ReasonCodes.AMOUNT_INVALID);
    assertThat(dead.message()).contains("properties.total");
  }

  @Test
  void deadLetterKeepsTheIdentifiersItCouldRead() {
    DeadLetter dead = deadLetter(remove(ORDER, "\"messageId\":\"ajs-next-1\","));

    assertThat(dead.identifiers())
        .extracting(i -> i.type() + "=" + i.normalized())
        .contains("CUSTOMER_ID=C100", "ANONYMOUS_ID=anon-1");
  }

  @Test
  void aJsonArrayIsNotAnObject() {
    assertThat(deadLetter("[" + ORDER + "]").reasonCode()).isEqualTo(ReasonCodes.NOT_AN_OBJECT);
  }

  @Test
  void aRepeatedKeyIsMalformed() {
    assertThat(
            deadLetter(replace(ORDER, "\"version\":2", "\"version\":2,\"version\":3")).reasonCode())
        .isEqualTo(ReasonCodes.JSON_MALFORMED);
  }

  @Test
  void decimalsKeepTheirScaleInCustom() {
    TouchpointEvent e = event(replace(ORDER, "\"coupon\":\"WELCOME10\"", "\"tax\":3.10"));

    @SuppressWarnings("unchecked")
    Map<String, Object> properties = (Map<String, Object>) e.custom().get("properties");
    assertThat(properties.get("tax")).isEqualTo(new BigDecimal("3.10"));
  }
}
