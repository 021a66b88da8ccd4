package io.opencdp.ingest.connector;

import static io.opencdp.ingest.connector.Lines.remove;
import static io.opencdp.ingest.connector.Lines.replace;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencdp.schemas.event.ConsentChange;
import io.opencdp.schemas.event.EmailProperties;
import io.opencdp.schemas.event.EventTypes;
import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.event.TouchpointEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SendGridConnectorTest extends AbstractConnectorConformanceTest {
  static final String CLICK =
      "{\"email\":\"ann@example.com\",\"timestamp\":1792065600,\"smtp-id\":\"<a1@sg>\","
          + "\"event\":\"click\",\"category\":[\"marketing\",\"fall_sale\"],\"sg_event_id\":\"EV1\","
          + "\"sg_message_id\":\"MSG1.filter\",\"campaign_id\":\"cmp_fall\",\"email_id\":\"tmpl_fall\","
          + "\"customer_id\":\"C100\",\"useragent\":\"Mozilla/5.0\",\"ip\":\"1.2.3.4\","
          + "\"url\":\"https://shop.example/x?utm_source=sendgrid\"}";

  static final Instant AT = Instant.parse("2026-10-15T12:00:00Z");

  @Override
  String sourceName() {
    return "email";
  }

  @Override
  String validRecord() {
    return CLICK;
  }

  @Override
  String expectedSourceKey() {
    return "EV1";
  }

  @Override
  void assertMapsEveryField(TouchpointEvent e) {
    assertThat(e.eventType()).isEqualTo(EventTypes.EMAIL_CLICK);
    assertThat(e.eventName()).isEqualTo("click");
    assertThat(e.occurredAt()).isEqualTo(AT);
    assertThat(e.receivedAt()).isEqualTo(INGESTED_AT);
    assertThat(e.identifiers())
        .extracting(i -> i.type() + "=" + i.normalized())
        .containsExactlyInAnyOrder("EMAIL=ann@example.com", "CUSTOMER_ID=C100");
    assertThat(e.person().email()).isEqualTo("ann@example.com");
    assertThat(e.properties().email())
        .isEqualTo(
            new EmailProperties(
                "MSG1.filter",
                "cmp_fall",
                "tmpl_fall",
                List.of("marketing", "fall_sale"),
                "https://shop.example/x?utm_source=sendgrid",
                null,
                null));
    assertThat(e.custom())
        .containsOnly(
            Map.entry("smtp-id", "<a1@sg>"),
            Map.entry("useragent", "Mozilla/5.0"),
            Map.entry("ip", "1.2.3.4"));
    assertThat(e.consent()).isEmpty();
  }

  @Override
  String messyContactRecord() {
    return replace(CLICK, "\"email\":\"ann@example.com\"", "\"email\":\" Ann.Lee@Example.COM \"");
  }

  @Override
  String expectedEmail() {
    return "ann.lee@example.com";
  }

  @Override
  String expectedPhone() {
    return null;
  }

  @Override
  String expectedFirstName() {
    return null;
  }

  @Override
  String redeliveryOfValidRecord() {
    return replace(CLICK, "\"ip\":\"1.2.3.4\"", "\"ip\":\"1.2.3.5\"");
  }

  @Override
  String recordWithInvalidContact() {
    return replace(CLICK, "\"email\":\"ann@example.com\"", "\"email\":\"ann@@example\"");
  }

  @Override
  IdentifierType invalidContactType() {
    return IdentifierType.EMAIL;
  }

  @Override
  String recordWithinFutureTolerance() {
    return replace(CLICK, "1792065600", "1793491500"); // the run + 5 minutes
  }

  @Override
  Map<BadRecord, BadCase> badRecords() {
    return Map.of(
        BadRecord.TRUNCATED,
        new BadCase(CLICK.substring(0, 60), ReasonCodes.JSON_MALFORMED, "JSON"),
        BadRecord.WRONG_TYPE,
        new BadCase(
            replace(CLICK, "\"category\":[\"marketing\",\"fall_sale\"]", "\"category\":[1,2]"),
            ReasonCodes.WRONG_TYPE,
            "category[0]"),
        BadRecord.TIMESTAMP_INVALID,
        new BadCase(
            replace(CLICK, "1792065600", "99999999999999999"),
            ReasonCodes.TIMESTAMP_INVALID,
            "timestamp"),
        BadRecord.FUTURE_TIMESTAMP,
        new BadCase(
            replace(CLICK, "1792065600", "1793494800"), // the run + 1 hour
            ReasonCodes.TIMESTAMP_IN_FUTURE,
            "timestamp"),
        BadRecord.UNKNOWN_EVENT_TYPE,
        new BadCase(
            replace(CLICK, "\"event\":\"click\"", "\"event\":\"opened\""),
            ReasonCodes.UNKNOWN_EVENT_TYPE,
            "opened"),
        BadRecord.MISSING_IDENTIFIER,
        new BadCase(
            remove(CLICK, "\"email\":\"ann@example.com\","),
            ReasonCodes.MISSING_IDENTIFIER,
            "email"),
        BadRecord.MISSING_NATURAL_KEY,
        new BadCase(
            remove(CLICK, "\"sg_event_id\":\"EV1\","), ReasonCodes.MISSING_FIELD, "sg_event_id"));
  }

  @Override
  Map<BadRecord, String> notApplicable() {
    return Map.of(
        BadRecord.TOO_MANY_COLUMNS, "JSON lines have no columns",
        BadRecord.IMPOSSIBLE_DATE, "SendGrid times are Unix seconds: every number is a real date");
  }

  private TouchpointEvent ofType(String event, String extra) {
    String line = replace(CLICK, "\"event\":\"click\"", "\"event\":\"" + event + "\"" + extra);
    return event(remove(line, ",\"url\":\"https://shop.example/x?utm_source=sendgrid\""));
  }

  @Test
  void unsubscribeAndSpamReportWithdrawMarketingEmailConsent() {
    assertThat(ofType("unsubscribe", "").consent())
        .containsExactly(
            new ConsentChange("marketing", "email", false, "sendgrid_unsubscribe", AT));
    assertThat(ofType("spamreport", "").consent())
        .containsExactly(new ConsentChange("marketing", "email", false, "sendgrid_spamreport", AT));
  }

  @Test
  void groupUnsubscribeAndResubscribeChangeTheGroupsConsent() {
    assertThat(ofType("group_unsubscribe", ",\"asm_group_id\":1042").consent())
        .containsExactly(
            new ConsentChange(
                "email_group:1042", "email", false, "sendgrid_group_unsubscribe", AT));
    TouchpointEvent resubscribe = ofType("group_resubscribe", ",\"asm_group_id\":1042");
    assertThat(resubscribe.eventType()).isEqualTo(EventTypes.EMAIL_GROUP_RESUBSCRIBE);
    assertThat(resubscribe.consent())
        .containsExactly(
            new ConsentChange("email_group:1042", "email", true, "sendgrid_group_resubscribe", AT));
    assertThat(
            deadLetter(
                    remove(
                        replace(CLICK, "\"event\":\"click\"", "\"event\":\"group_unsubscribe\""),
                        ",\"url\":\"https://shop.example/x?utm_source=sendgrid\""))
                .message())
        .contains("asm_group_id");
  }

  @Test
  void bounceKeepsItsTypeAndReason() {
    TouchpointEvent bounce =
        ofType(
            "bounce",
            ",\"type\":\"blocked\",\"reason\":\"550 5.7.1 rejected\",\"status\":\"5.7.1\"");

    assertThat(bounce.properties().email().bounceType()).isEqualTo("blocked");
    assertThat(bounce.properties().email().reason()).isEqualTo("550 5.7.1 rejected");
    assertThat(bounce.custom()).containsEntry("status", "5.7.1");
  }

  @Test
  void deferredTakesItsReasonFromTheResponse() {
    TouchpointEvent deferred = ofType("deferred", ",\"response\":\"421 try later\"");

    assertThat(deferred.properties().email().reason()).isEqualTo("421 try later");
  }

  @Test
  void everySendGridEventTypeMaps() {
    for (String type :
        List.of(
            "processed",
            "delivered",
            "deferred",
            "bounce",
            "dropped",
            "open",
            "unsubscribe",
            "spamreport")) {
      assertThat(ofType(type, "").eventType()).isEqualTo("email_" + type);
    }
  }

  @Test
  void aSingleCategoryStringIsOneCategory() {
    TouchpointEvent e =
        event(
            replace(CLICK, "\"category\":[\"marketing\",\"fall_sale\"]", "\"category\":\"cart\""));

    assertThat(e.properties().email().categories()).containsExactly("cart");
  }
}
