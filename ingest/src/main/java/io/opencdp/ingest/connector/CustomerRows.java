package io.opencdp.ingest.connector;

import io.opencdp.schemas.config.CsvFormat;
import io.opencdp.schemas.event.EventTypes;
import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.event.TouchpointEvent;
import io.opencdp.schemas.event.TouchpointEventBuilder;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One CRM customer master row.
 *
 * <ul>
 *   <li>{@code source_key} = {@code customer_id}; {@code source_version} = {@code occurred_at} =
 *       {@code updated_at} (this version of the customer); {@code received_at} = the run; {@code
 *       event_type} = {@code customer_record}.
 *   <li>Identifiers: customer id, email, phone (read in the address country when it has none).
 *   <li>Person: names, email, phone, birth date, address. A value that fails its normalizer (an
 *       impossible birth date, an unknown country) does not reject the customer: it is left out and
 *       listed in {@code custom.invalid_attributes}.
 *   <li>{@code created_at} is informational and kept in custom as sent.
 * </ul>
 */
final class CustomerRows {
  private CustomerRows() {}

  static TouchpointEvent read(CsvRow row, CsvFormat format, RecordContext ctx) {
    String customerId = row.text("customer_id");
    ctx.identifiers.id(IdentifierType.CUSTOMER_ID, customerId);
    PersonFields person = new PersonFields();
    person.firstName = row.text("first_name");
    person.lastName = row.text("last_name");
    person.email = row.text("email");
    person.phone = row.text("phone");
    person.birthDate = row.text("birth_date");
    person.street = row.text("street");
    person.city = row.text("city");
    person.region = row.text("region");
    person.postalCode = row.text("postal_code");
    person.country = row.text("country");
    ctx.identifiers.email(person.email);
    ctx.identifiers.phone(person.phone, person.countryCode());

    if (customerId == null) {
      row.required("customer_id");
    }
    Instant updatedAt =
        EventTimes.read(
            format.timestampFormat(),
            format.column("updated_at"),
            row.required("updated_at"),
            ctx.settings.defaultTimeZone());
    ctx.checkNotInFuture(format.column("updated_at"), updatedAt, "the ingest run", ctx.ingestedAt);
    Map<String, Object> invalid = new LinkedHashMap<>();
    String createdAt = row.text("created_at");
    if (createdAt != null) {
      try {
        EventTimes.read(
            format.timestampFormat(),
            format.column("created_at"),
            createdAt,
            ctx.settings.defaultTimeZone());
      } catch (RecordException e) {
        invalid.put("created_at", Map.of("raw", createdAt, "reason", e.reasonCode()));
      }
    }

    TouchpointEventBuilder builder =
        ctx.builder()
            .sourceKey(customerId.strip())
            .sourceVersion(updatedAt)
            .eventType(EventTypes.CUSTOMER_RECORD)
            .occurredAt(updatedAt)
            .receivedAt(ctx.ingestedAt)
            .person(person.build(ctx.dates));
    builder.custom(row.remaining());
    if (createdAt != null) {
      builder.custom("created_at", createdAt);
    }
    invalid.putAll(person.invalid());
    if (!invalid.isEmpty()) {
      builder.custom(PersonFields.INVALID_ATTRIBUTES, invalid);
    }
    return ctx.build(builder);
  }
}
