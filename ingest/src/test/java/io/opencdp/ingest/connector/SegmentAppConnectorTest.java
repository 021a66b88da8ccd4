package io.opencdp.ingest.connector;

import static io.opencdp.ingest.connector.Lines.remove;
import static io.opencdp.ingest.connector.Lines.replace;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencdp.schemas.event.Channel;
import io.opencdp.schemas.event.DeviceProperties;
import io.opencdp.schemas.event.EventTypes;
import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.event.PageProperties;
import io.opencdp.schemas.event.TouchpointEvent;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmentAppConnectorTest extends AbstractConnectorConformanceTest {
  static final String SCREEN =
      "{\"type\":\"screen\",\"name\":\"Product Detail\",\"messageId\":\"5f0c6a1e-1\","
          + "\"anonymousId\":\"dev-anon-1\",\"userId\":\"C200\","
          + "\"properties\":{\"title\":\"Tee\",\"path\":\"/products/tee\"},"
          + "\"context\":{\"app\":{\"name\":\"Northwind\",\"version\":\"5.12.0\"},"
          + "\"device\":{\"id\":\"DEV-1\",\"manufacturer\":\"Apple\",\"model\":\"iPhone15,2\","
          + "\"type\":\"ios\"},\"os\":{\"name\":\"iOS\",\"version\":\"17.4\"},"
          + "\"traits\":{\"email\":\"bo@example.com\",\"phone\":\"+442079460958\","
          + "\"firstName\":\"Bo\"},\"timezone\":\"Europe/London\"},"
          + "\"timestamp\":\"2026-10-15T08:00:00.000Z\","
          + "\"originalTimestamp\":\"2026-10-15T08:00:00.000Z\","
          + "\"sentAt\":\"2026-10-15T08:00:02.000Z\",\"receivedAt\":\"2026-10-15T08:00:03.000Z\"}";

  @Override
  String sourceName() {
    return "app";
  }

  @Override
  String validRecord() {
    return SCREEN;
  }

  @Override
  String expectedSourceKey() {
    return "5f0c6a1e-1";
  }

  @Override
  void assertMapsEveryField(TouchpointEvent e) {
    assertThat(e.channel()).isEqualTo(Channel.APP);
    assertThat(e.eventType()).isEqualTo(EventTypes.SCREEN);
    assertThat(e.eventName()).isEqualTo("Product Detail");
    assertThat(e.occurredAt()).isEqualTo(Instant.parse("2026-10-15T08:00:00Z"));
    assertThat(e.receivedAt()).isEqualTo(Instant.parse("2026-10-15T08:00:03Z"));
    assertThat(e.identifiers())
        .extracting(i -> i.type() + "=" + i.normalized())
        .containsExactlyInAnyOrder(
            "CUSTOMER_ID=C200",
            "ANONYMOUS_ID=dev-anon-1",
            "DEVICE_ID=DEV-1",
            "EMAIL=bo@example.com",
            "PHONE=+442079460958");
    assertThat(e.properties().device())
        .isEqualTo(new DeviceProperties("DEV-1", "ios", "Apple", "iPhone15,2", "iOS 17.4"));
    assertThat(e.properties().page())
        .isEqualTo(new PageProperties(null, "/products/tee", "Tee", null));
    assertThat(e.person().firstName()).isEqualTo("Bo");
    assertThat(e.custom())
        .containsEntry(
            "context",
            Map.of(
                "app",
                Map.of("name", "Northwind", "version", "5.12.0"),
                "timezone",
                "Europe/London"));
  }

  @Override
  String messyContactRecord() {
    String line = replace(SCREEN, "\"email\":\"bo@example.com\"", "\"email\":\"<BO@EXAMPLE.COM>\"");
    line = replace(line, "\"phone\":\"+442079460958\"", "\"phone\":\"+44 20 7946 0958\"");
    return replace(line, "\"firstName\":\"Bo\"", "\"firstName\":\"Bo \"");
  }

  @Override
  String expectedEmail() {
    return "bo@example.com";
  }

  @Override
  String expectedPhone() {
    return "+442079460958";
  }

  @Override
  String expectedFirstName() {
    return "Bo";
  }

  @Override
  String redeliveryOfValidRecord() {
    return replace(
        SCREEN,
        "\"receivedAt\":\"2026-10-15T08:00:03.000Z\"",
        "\"receivedAt\":\"2026-10-15T08:00:09.000Z\"");
  }

  @Override
  String recordWithInvalidContact() {
    return replace(SCREEN, "\"phone\":\"+442079460958\"", "\"phone\":\"unknown\"");
  }

  @Override
  IdentifierType invalidContactType() {
    return IdentifierType.PHONE;
  }

  @Override
  String recordWithinFutureTolerance() {
    return replace(
        SCREEN,
        "\"timestamp\":\"2026-10-15T08:00:00.000Z\"",
        "\"timestamp\":\"2026-10-15T08:10:03.000Z\"");
  }

  @Override
  Map<BadRecord, BadCase> badRecords() {
    return Map.of(
        BadRecord.TRUNCATED,
        new BadCase(SCREEN.substring(0, SCREEN.length() - 1), ReasonCodes.JSON_MALFORMED, "JSON"),
        BadRecord.WRONG_TYPE,
        new BadCase(
            replace(SCREEN, "\"device\":{", "\"device\":\"DEV-1\",\"x\":{"),
            ReasonCodes.WRONG_TYPE,
            "context.device"),
        BadRecord.TIMESTAMP_INVALID,
        new BadCase(
            replace(
                SCREEN,
                "\"receivedAt\":\"2026-10-15T08:00:03.000Z\"",
                "\"receivedAt\":\"15/10/2026 08:00\""),
            ReasonCodes.TIMESTAMP_INVALID,
            "receivedAt"),
        BadRecord.IMPOSSIBLE_DATE,
        new BadCase(
            replace(
                SCREEN,
                "\"timestamp\":\"2026-10-15T08:00:00.000Z\"",
                "\"timestamp\":\"2026-13-15T08:00:00.000Z\""),
            ReasonCodes.DATE_IMPOSSIBLE,
            "timestamp"),
        BadRecord.FUTURE_TIMESTAMP,
        new BadCase(
            replace(
                SCREEN,
                "\"timestamp\":\"2026-10-15T08:00:00.000Z\"",
                "\"timestamp\":\"2026-10-16T08:00:00.000Z\""),
            ReasonCodes.TIMESTAMP_IN_FUTURE,
            "timestamp"),
        BadRecord.UNKNOWN_EVENT_TYPE,
        new BadCase(
            replace(SCREEN, "\"type\":\"screen\"", "\"type\":\"Screen\""),
            ReasonCodes.UNKNOWN_EVENT_TYPE,
            "Screen"),
        BadRecord.MISSING_IDENTIFIER,
        new BadCase(
            replace(
                remove(SCREEN, "\"userId\":\"C200\","),
                "\"anonymousId\":\"dev-anon-1\"",
                "\"anonymousId\":\"  \""),
            ReasonCodes.MISSING_IDENTIFIER,
            "userId"),
        BadRecord.MISSING_NATURAL_KEY,
        new BadCase(
            replace(SCREEN, "\"messageId\":\"5f0c6a1e-1\"", "\"messageId\":null"),
            ReasonCodes.MISSING_FIELD,
            "messageId"));
  }

  @Override
  Map<BadRecord, String> notApplicable() {
    return Map.of(BadRecord.TOO_MANY_COLUMNS, "JSON lines have no columns");
  }

  @Test
  void correctsDeviceClockSkewWhenSegmentHasNotYet() {
    // no originalTimestamp: timestamp is the device clock, 2 hours behind the server
    String skewed =
        replace(
            replace(
                replace(
                    remove(SCREEN, "\"originalTimestamp\":\"2026-10-15T08:00:00.000Z\","),
                    "\"timestamp\":\"2026-10-15T08:00:00.000Z\"",
                    "\"timestamp\":\"2026-10-15T10:00:00.000Z\""),
                "\"sentAt\":\"2026-10-15T08:00:02.000Z\"",
                "\"sentAt\":\"2026-10-15T10:00:05.000Z\""),
            "\"receivedAt\":\"2026-10-15T08:00:03.000Z\"",
            "\"receivedAt\":\"2026-10-15T12:00:06.000Z\"");

    assertThat(event(skewed).occurredAt()).isEqualTo(Instant.parse("2026-10-15T12:00:01Z"));
  }

  @Test
  void aClientClockAheadOfTheServerIsNotInTheFutureOnceSegmentCorrectedIt() {
    // Segment corrected timestamp; the client's own clock (originalTimestamp, sentAt) runs ahead
    String ahead =
        replace(
            replace(
                SCREEN,
                "\"originalTimestamp\":\"2026-10-15T08:00:00.000Z\"",
                "\"originalTimestamp\":\"2026-10-15T09:30:00.000Z\""),
            "\"sentAt\":\"2026-10-15T08:00:02.000Z\"",
            "\"sentAt\":\"2026-10-15T09:30:02.000Z\"");

    assertThat(event(ahead).occurredAt()).isEqualTo(Instant.parse("2026-10-15T08:00:00Z"));
  }
}
