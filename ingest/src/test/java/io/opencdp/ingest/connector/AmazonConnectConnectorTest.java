package io.opencdp.ingest.connector;

import static io.opencdp.ingest.connector.Lines.remove;
import static io.opencdp.ingest.connector.Lines.replace;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencdp.schemas.event.CallProperties;
import io.opencdp.schemas.event.EventTypes;
import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.event.TouchpointEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

class AmazonConnectConnectorTest extends AbstractConnectorConformanceTest {
  static final String CONTACT =
      "{\"AWSAccountId\":\"123456789012\",\"AWSContactTraceRecordFormatVersion\":\"2017-03-10\","
          + "\"Agent\":{\"Username\":\"jdoe\",\"CustomerHoldDuration\":0},"
          + "\"Attributes\":{\"call_reason\":\"order_status\",\"customer_id\":\"C100\","
          + "\"loyalty_id\":\"L555\",\"first_name\":\"Ann\",\"last_name\":\"Lee\","
          + "\"birth_date\":\"1990-05-01\",\"email\":\"ann@example.com\",\"language\":\"en-US\"},"
          + "\"Channel\":\"VOICE\",\"ContactId\":\"c0ffee-1\","
          + "\"CustomerEndpoint\":{\"Address\":\"+12125550147\",\"Type\":\"TELEPHONE_NUMBER\"},"
          + "\"DisconnectTimestamp\":\"2026-10-15T12:05:30Z\",\"InitiationMethod\":\"INBOUND\","
          + "\"InitiationTimestamp\":\"2026-10-15T12:00:00Z\","
          + "\"LastUpdateTimestamp\":\"2026-10-15T12:07:00Z\","
          + "\"Queue\":{\"Name\":\"Orders\",\"Duration\":42},"
          + "\"SystemEndpoint\":{\"Address\":\"+18005550100\",\"Type\":\"TELEPHONE_NUMBER\"}}";

  @Override
  String sourceName() {
    return "callcenter";
  }

  @Override
  String validRecord() {
    return CONTACT;
  }

  @Override
  String expectedSourceKey() {
    return "c0ffee-1";
  }

  @Override
  void assertMapsEveryField(TouchpointEvent e) {
    assertThat(e.eventType()).isEqualTo(EventTypes.CALL_CONTACT);
    assertThat(e.eventName()).isEqualTo("VOICE");
    assertThat(e.occurredAt()).isEqualTo(Instant.parse("2026-10-15T12:00:00Z"));
    assertThat(e.sourceVersion()).isEqualTo(Instant.parse("2026-10-15T12:07:00Z"));
    assertThat(e.receivedAt()).isEqualTo(Instant.parse("2026-10-15T12:07:00Z"));
    assertThat(e.identifiers())
        .extracting(i -> i.type() + "=" + i.normalized())
        .containsExactlyInAnyOrder(
            "CUSTOMER_ID=C100", "LOYALTY_ID=L555", "EMAIL=ann@example.com", "PHONE=+12125550147");
    assertThat(e.person().firstName()).isEqualTo("Ann");
    assertThat(e.person().lastName()).isEqualTo("Lee");
    assertThat(e.person().birthDate()).isEqualTo(LocalDate.of(1990, 5, 1));
    assertThat(e.person().phone()).isEqualTo("+12125550147");
    assertThat(e.properties().call())
        .isEqualTo(
            new CallProperties(
                "c0ffee-1",
                "VOICE",
                "INBOUND",
                "Orders",
                "jdoe",
                "order_status",
                330L,
                Instant.parse("2026-10-15T12:05:30Z")));
    assertThat(e.custom())
        .containsEntry("Attributes", Map.of("language", "en-US"))
        .containsEntry("Agent", Map.of("CustomerHoldDuration", 0L))
        .containsEntry("Queue", Map.of("Duration", 42L))
        .containsEntry("AWSAccountId", "123456789012")
        .containsKey("SystemEndpoint")
        .doesNotContainKey("CustomerEndpoint");
  }

  @Override
  String messyContactRecord() {
    String line =
        replace(CONTACT, "\"email\":\"ann@example.com\"", "\"email\":\"ANN.LEE@example.com \"");
    line = replace(line, "\"Address\":\"+12125550147\"", "\"Address\":\"+1 212-555-0147\"");
    return replace(line, "\"first_name\":\"Ann\"", "\"first_name\":\" Ann\"");
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
        replace(
            CONTACT,
            "\"LastUpdateTimestamp\":\"2026-10-15T12:07:00Z\"",
            "\"LastUpdateTimestamp\":\"2026-10-16T09:00:00Z\""),
        "\"language\":\"en-US\"",
        "\"language\":\"en-US\",\"resolution\":\"escalated\"");
  }

  @Override
  String recordWithInvalidContact() {
    return replace(CONTACT, "\"Address\":\"+12125550147\"", "\"Address\":\"anonymous\"");
  }

  @Override
  IdentifierType invalidContactType() {
    return IdentifierType.PHONE;
  }

  @Override
  String recordWithinFutureTolerance() {
    return replace(
        CONTACT,
        "\"InitiationTimestamp\":\"2026-10-15T12:00:00Z\"",
        "\"InitiationTimestamp\":\"2026-10-15T12:05:00Z\"");
  }

  @Override
  Optional<String> anonymousRecord() {
    return Optional.of(
        "{\"AWSAccountId\":\"123456789012\",\"Agent\":null,\"Attributes\":{\"call_reason\":\"x\"},"
            + "\"Channel\":\"CHAT\",\"ContactId\":\"c0ffee-2\",\"CustomerEndpoint\":null,"
            + "\"InitiationMethod\":\"INBOUND\",\"InitiationTimestamp\":\"2026-10-15T12:00:00Z\","
            + "\"LastUpdateTimestamp\":\"2026-10-15T12:01:00Z\"}");
  }

  @Override
  Map<BadRecord, BadCase> badRecords() {
    return Map.of(
        BadRecord.TRUNCATED,
        new BadCase(CONTACT.substring(0, CONTACT.length() / 2), ReasonCodes.JSON_MALFORMED, "JSON"),
        BadRecord.WRONG_TYPE,
        new BadCase(
            replace(CONTACT, "\"customer_id\":\"C100\"", "\"customer_id\":100"),
            ReasonCodes.WRONG_TYPE,
            "Attributes.customer_id"),
        BadRecord.TIMESTAMP_INVALID,
        new BadCase(
            replace(
                CONTACT,
                "\"InitiationTimestamp\":\"2026-10-15T12:00:00Z\"",
                "\"InitiationTimestamp\":\"2026-10-15T12:00:00\""),
            ReasonCodes.TIMESTAMP_INVALID,
            "InitiationTimestamp"),
        BadRecord.IMPOSSIBLE_DATE,
        new BadCase(
            replace(
                CONTACT,
                "\"InitiationTimestamp\":\"2026-10-15T12:00:00Z\"",
                "\"InitiationTimestamp\":\"2026-02-30T12:00:00Z\""),
            ReasonCodes.DATE_IMPOSSIBLE,
            "InitiationTimestamp"),
        BadRecord.FUTURE_TIMESTAMP,
        new BadCase(
            replace(
                CONTACT,
                "\"LastUpdateTimestamp\":\"2026-10-15T12:07:00Z\"",
                "\"LastUpdateTimestamp\":\"2026-11-02T12:07:00Z\""),
            ReasonCodes.TIMESTAMP_IN_FUTURE,
            "LastUpdateTimestamp"),
        BadRecord.UNKNOWN_EVENT_TYPE,
        new BadCase(
            replace(CONTACT, "\"Channel\":\"VOICE\"", "\"Channel\":\"FAX\""),
            ReasonCodes.UNKNOWN_EVENT_TYPE,
            "FAX"),
        BadRecord.MISSING_NATURAL_KEY,
        new BadCase(
            remove(CONTACT, "\"ContactId\":\"c0ffee-1\","),
            ReasonCodes.MISSING_FIELD,
            "ContactId"));
  }

  @Override
  Map<BadRecord, String> notApplicable() {
    return Map.of(
        BadRecord.TOO_MANY_COLUMNS, "JSON lines have no columns",
        BadRecord.MISSING_IDENTIFIER, "an abandoned chat has no identifier and is still a contact");
  }
}
