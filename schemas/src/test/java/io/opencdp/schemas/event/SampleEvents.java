package io.opencdp.schemas.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small events for tests: one with every field set, one with only the required fields. */
public final class SampleEvents {
  static final Instant OCCURRED_AT = Instant.parse("2024-05-01T09:30:00.123456Z");
  static final Instant RECEIVED_AT = Instant.parse("2024-05-01T09:30:02Z");

  private SampleEvents() {}

  /** Every optional value set and every list non-empty, so the JSON shows every field. */
  public static TouchpointEvent fullyPopulated() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("tier", "gold");
    nested.put("points", 1200L);
    Map<String, Object> custom = new LinkedHashMap<>();
    custom.put("revenue", new BigDecimal("19.90"));
    custom.put("coupon", null);
    custom.put("first_purchase", true);
    custom.put("loyalty", nested);
    custom.put("tags", List.of("spring", "sale"));
    return TouchpointEvent.builder()
        .workspaceId("brand_a")
        .channel(Channel.CALL_CENTER)
        .sourceSystem(SourceSystems.AMAZON_CONNECT)
        .sourceKey("6a1e1c0e-5b4f-4f4e-9d3a-2f1d2c3b4a59")
        .sourceVersion(Instant.parse("2024-05-01T09:45:10Z"))
        .eventType(EventTypes.CALL_CONTACT)
        .eventName("Inbound call")
        .occurredAt(OCCURRED_AT)
        .receivedAt(RECEIVED_AT)
        .identifier(Identifier.valid(IdentifierType.PHONE, "(415) 555-0132", "+14155550132"))
        .identifier(
            Identifier.valid(
                IdentifierType.EMAIL, " Ana.Lopez@Example.COM", "ana.lopez@example.com"))
        .identifier(Identifier.invalid(IdentifierType.LOYALTY_ID, "N/A"))
        .person(
            new PersonAttributes(
                "Ana",
                "López",
                "Ana López",
                " Ana.Lopez@Example.COM",
                "(415) 555-0132",
                new PostalAddress("1 Market St", "San Francisco", "CA", "94105", "US"),
                LocalDate.of(1988, 2, 29)))
        .properties(
            new EventProperties(
                new OrderProperties(
                    "T-1001",
                    2,
                    Money.of("19.90", "USD"),
                    List.of(new LineItem("SKU-1", "Linen shirt", 2, Money.of("9.950", "USD"))),
                    "store-042",
                    false),
                new EmailProperties(
                    "msg-1",
                    "camp-7",
                    "email-3",
                    List.of("newsletter", "spring"),
                    "https://shop.example.com/sale",
                    "blocked",
                    "550 5.1.1 mailbox unavailable"),
                new PageProperties(
                    "https://shop.example.com/p/1?ref=x",
                    "/p/1",
                    "Linen shirt",
                    "https://google.com/"),
                new DeviceProperties("dev-9", "ios", "Apple", "iPhone15,2", "iOS 17.4"),
                new CallProperties(
                    "6a1e1c0e-5b4f-4f4e-9d3a-2f1d2c3b4a59",
                    "VOICE",
                    "INBOUND",
                    "Billing",
                    "agent.smith",
                    "refund",
                    312L,
                    Instant.parse("2024-05-01T09:35:12Z"))))
        .consent(
            new ConsentChange(
                "marketing",
                "email",
                false,
                "sendgrid_unsubscribe",
                Instant.parse("2024-05-01T09:31:00Z")))
        .custom(custom)
        .sourceRef(new SourceRef("call_center/2024-05-01/ctr-0001.jsonl", 17L, 20480L))
        .build();
  }

  /** Only the required fields. */
  static TouchpointEvent minimal() {
    return TouchpointEvent.builder()
        .channel(Channel.WEB)
        .sourceSystem(SourceSystems.SEGMENT_WEB)
        .sourceKey("ajs-msg-1")
        .eventType(EventTypes.PAGE)
        .occurredAt(OCCURRED_AT)
        .receivedAt(RECEIVED_AT)
        .build();
  }
}
