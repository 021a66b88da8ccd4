package io.opencdp.ingest.connector;

import static io.opencdp.ingest.connector.Lines.replace;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencdp.schemas.event.EventTypes;
import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.event.PersonAttributes;
import io.opencdp.schemas.event.PostalAddress;
import io.opencdp.schemas.event.TouchpointEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrmCsvConnectorTest extends AbstractConnectorConformanceTest {
  static final String HEADER =
      "customer_id,email,phone,first_name,last_name,birth_date,street,city,state,postal_code,"
          + "country,created_at,updated_at";

  static final String ROW =
      "C100,ann@example.com,+12125550147,Ann,Lee,1990-05-01,1 Main St,Los Angeles,CA,90012,US,"
          + "2024-01-02T03:04:05Z,2026-10-15T12:00:00Z";

  @Override
  String sourceName() {
    return "crm";
  }

  @Override
  String header() {
    return HEADER;
  }

  @Override
  String validRecord() {
    return ROW;
  }

  @Override
  String expectedSourceKey() {
    return "C100";
  }

  @Override
  void assertMapsEveryField(TouchpointEvent e) {
    assertThat(e.eventType()).isEqualTo(EventTypes.CUSTOMER_RECORD);
    assertThat(e.occurredAt()).isEqualTo(Instant.parse("2026-10-15T12:00:00Z"));
    assertThat(e.sourceVersion()).isEqualTo(Instant.parse("2026-10-15T12:00:00Z"));
    assertThat(e.receivedAt()).isEqualTo(INGESTED_AT);
    assertThat(e.identifiers())
        .extracting(i -> i.type() + "=" + i.normalized())
        .containsExactlyInAnyOrder(
            "CUSTOMER_ID=C100", "EMAIL=ann@example.com", "PHONE=+12125550147");
    assertThat(e.person())
        .isEqualTo(
            new PersonAttributes(
                "Ann",
                "Lee",
                null,
                "ann@example.com",
                "+12125550147",
                new PostalAddress("1 Main St", "Los Angeles", "CA", "90012", "US"),
                LocalDate.of(1990, 5, 1)));
    assertThat(e.custom()).containsOnly(Map.entry("created_at", "2024-01-02T03:04:05Z"));
  }

  @Override
  String messyContactRecord() {
    return replace(
        replace(
            replace(ROW, "ann@example.com", "\" Ann.Lee@Example.COM \""),
            "+12125550147",
            "(212) 555-0147"),
        ",Ann,",
        ",\"  Ann  \",");
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
        replace(ROW, "1 Main St", "2 Oak Ave"), "2026-10-15T12:00:00Z", "2026-10-20T08:00:00Z");
  }

  @Override
  String recordWithInvalidContact() {
    return replace(ROW, "ann@example.com", "none");
  }

  @Override
  IdentifierType invalidContactType() {
    return IdentifierType.EMAIL;
  }

  @Override
  String recordWithinFutureTolerance() {
    return replace(ROW, "2026-10-15T12:00:00Z", "2026-11-01T00:09:59Z");
  }

  @Override
  Map<BadRecord, BadCase> badRecords() {
    return Map.of(
        BadRecord.TRUNCATED,
        new BadCase(
            ROW.substring(0, ROW.indexOf(",US,")), ReasonCodes.CSV_COLUMN_COUNT, "10 columns"),
        BadRecord.TOO_MANY_COLUMNS,
        new BadCase(ROW + ",", ReasonCodes.CSV_COLUMN_COUNT, "14 columns"),
        BadRecord.TIMESTAMP_INVALID,
        new BadCase(
            replace(ROW, "2026-10-15T12:00:00Z", "2026-10-15"),
            ReasonCodes.TIMESTAMP_INVALID,
            "updated_at"),
        BadRecord.IMPOSSIBLE_DATE,
        new BadCase(
            replace(ROW, "2026-10-15T12:00:00Z", "2026-13-15T12:00:00Z"),
            ReasonCodes.DATE_IMPOSSIBLE,
            "updated_at"),
        BadRecord.FUTURE_TIMESTAMP,
        new BadCase(
            replace(ROW, "2026-10-15T12:00:00Z", "2026-11-01T00:10:01Z"),
            ReasonCodes.TIMESTAMP_IN_FUTURE,
            "updated_at"),
        BadRecord.MISSING_IDENTIFIER,
        new BadCase(
            replace(replace(replace(ROW, "C100,", ","), "ann@example.com", ""), "+12125550147", ""),
            ReasonCodes.MISSING_FIELD,
            "customer_id"),
        BadRecord.MISSING_NATURAL_KEY,
        new BadCase(replace(ROW, "C100,", "  ,"), ReasonCodes.MISSING_FIELD, "customer_id"));
  }

  @Override
  Map<BadRecord, String> notApplicable() {
    return Map.of(
        BadRecord.WRONG_TYPE,
            "every CRM cell is free text except the timestamps (see TIMESTAMP_INVALID)",
        BadRecord.UNKNOWN_EVENT_TYPE, "a CRM row has no type: every row is a customer");
  }

  @Test
  void keepsACustomerWithAnImpossibleBirthDateAndAnUnknownCountry() {
    TouchpointEvent e =
        event(replace(replace(ROW, "1990-05-01", "1990-02-30"), ",US,", ",Narnia,"));

    assertThat(e.person().birthDate()).isNull();
    assertThat(e.person().address().country()).isNull();
    assertThat(e.custom().get(PersonFields.INVALID_ATTRIBUTES))
        .isEqualTo(
            Map.of(
                "birth_date", Map.of("raw", "1990-02-30", "reason", "date_impossible"),
                "country", Map.of("raw", "Narnia", "reason", "country_unknown")));
  }

  @Test
  void readsAPhoneWithoutCountryCodeInTheAddressCountry() {
    TouchpointEvent e =
        event(
            replace(
                replace(ROW, "+12125550147", "020 7946 0958"), ",CA,90012,US,", ",,SW1A 1AA,GB,"));

    assertThat(identifier(e, IdentifierType.PHONE).orElseThrow().normalized())
        .isEqualTo("+442079460958");
  }
}
