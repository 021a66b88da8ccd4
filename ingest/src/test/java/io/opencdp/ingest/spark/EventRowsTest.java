package io.opencdp.ingest.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencdp.ingest.testing.SharedSpark;
import io.opencdp.schemas.event.CallProperties;
import io.opencdp.schemas.event.Channel;
import io.opencdp.schemas.event.ConsentChange;
import io.opencdp.schemas.event.DeviceProperties;
import io.opencdp.schemas.event.EmailProperties;
import io.opencdp.schemas.event.EventProperties;
import io.opencdp.schemas.event.Identifier;
import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.event.LineItem;
import io.opencdp.schemas.event.Money;
import io.opencdp.schemas.event.OrderProperties;
import io.opencdp.schemas.event.PageProperties;
import io.opencdp.schemas.event.PersonAttributes;
import io.opencdp.schemas.event.PostalAddress;
import io.opencdp.schemas.event.SourceRef;
import io.opencdp.schemas.event.TouchpointEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** An event written as an events-table row and read back through Spark is the same event. */
class EventRowsTest {
  private static final Instant AT = Instant.parse("2026-05-01T09:30:00.123456Z");

  @Test
  void everyFieldSurvivesARoundTripThroughSpark() {
    TouchpointEvent full = fullyPopulated();
    TouchpointEvent minimal =
        TouchpointEvent.builder()
            .channel(Channel.WEB)
            .sourceSystem("segment-web")
            .sourceKey("m-1")
            .eventType("page")
            .occurredAt(AT)
            .receivedAt(AT)
            .build();

    List<Row> read =
        SharedSpark.session()
            .createDataFrame(
                List.of(EventRows.toRow(full, "run-1", AT), EventRows.toRow(minimal, "run-1", AT)),
                EventsTable.SCHEMA)
            .collectAsList();

    assertThat(EventRows.fromRow(read.get(0))).isEqualTo(full);
    assertThat(EventRows.fromRow(read.get(1))).isEqualTo(minimal);
  }

  private static TouchpointEvent fullyPopulated() {
    Map<String, Object> custom = new LinkedHashMap<>();
    custom.put("revenue", new BigDecimal("19.90"));
    custom.put("points", 1200L);
    custom.put("tags", List.of("spring", "sale"));
    custom.put("traits", Map.of("gender", "f"));
    return TouchpointEvent.builder()
        .channel(Channel.CALL_CENTER)
        .sourceSystem("amazon-connect")
        .sourceKey("c-1")
        .sourceVersion(AT.plusSeconds(60))
        .eventType("call_contact")
        .eventName("VOICE")
        .occurredAt(AT)
        .receivedAt(AT.plusSeconds(2))
        .identifier(Identifier.valid(IdentifierType.PHONE, "(415) 555-0132", "+14155550132"))
        .identifier(Identifier.invalid(IdentifierType.LOYALTY_ID, "N/A"))
        .person(
            new PersonAttributes(
                "Ana",
                "López",
                "Ana López",
                "ana@example.com",
                "(415) 555-0132",
                new PostalAddress("1 Market St", "San Francisco", "CA", "94105", "US"),
                LocalDate.of(1988, 2, 29)))
        .properties(
            new EventProperties(
                new OrderProperties(
                    "T-1",
                    2,
                    Money.of("19.90", "USD"),
                    List.of(new LineItem("SKU-1", "Linen shirt", 2, Money.of("9.95", "USD"))),
                    "S001",
                    false),
                new EmailProperties(
                    "m1", "c1", "e1", List.of("promo"), "https://x.test", "bounce", "r"),
                new PageProperties("https://x.test/a", "/a", "A", null),
                new DeviceProperties("d1", "ios", "Apple", "iPhone", "iOS 17"),
                new CallProperties(
                    "c-1", "VOICE", "INBOUND", "support", "agent", "billing", 90L, AT)))
        .consent(new ConsentChange("marketing", "email", false, "test", AT))
        .consent(new ConsentChange("analytics", null, true, "test", AT))
        .custom(custom)
        .sourceRef(new SourceRef("callcenter/connect-2026-05.jsonl", 3L, 120L))
        .build();
  }
}
