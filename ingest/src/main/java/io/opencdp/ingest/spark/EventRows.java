package io.opencdp.ingest.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
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
import io.opencdp.schemas.json.Json;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Maps a canonical event to a row of {@link EventsTable#SCHEMA} and back; the one place that knows
 * both shapes.
 */
public final class EventRows {
  /** Reads {@code custom} with every fraction as an exact decimal, as the event's JSON does. */
  private static final ObjectReader CUSTOM_READER =
      Json.mapper()
          .readerFor(new TypeReference<Map<String, Object>>() {})
          .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private EventRows() {}

  public static Row toRow(TouchpointEvent e, String runId, Instant ingestedAt) {
    return RowFactory.create(
        e.workspaceId(),
        e.eventId(),
        e.channel().wireName(),
        e.sourceSystem(),
        e.sourceKey(),
        e.sourceVersion(),
        e.eventType(),
        e.eventName(),
        e.occurredAt(),
        e.receivedAt(),
        e.occurredAt().atOffset(ZoneOffset.UTC).toLocalDate(),
        list(e.identifiers(), EventRows::identifier),
        person(e.person()),
        properties(e.properties()),
        list(e.consent(), EventRows::consent),
        customJson(e),
        e.schemaVersion(),
        e.sourceRef() == null ? null : e.sourceRef().file(),
        e.sourceRef() == null ? null : e.sourceRef().line(),
        e.sourceRef() == null ? null : e.sourceRef().offset(),
        runId,
        ingestedAt);
  }

  /**
   * The event a row of {@link EventsTable#SCHEMA} holds, read by column name (so a row with more
   * columns, such as a join's, reads too). Timestamps may be {@code Instant}s or {@code
   * Timestamp}s, dates {@code LocalDate}s or {@code Date}s, whichever the session produces.
   */
  public static TouchpointEvent fromRow(Row r) {
    Long line = r.getAs("source_line");
    Long offset = r.getAs("source_offset");
    String file = r.getAs("source_file");
    return new TouchpointEvent(
        r.<Integer>getAs("schema_version"),
        r.getAs("workspace_id"),
        r.getAs("event_id"),
        Channel.fromWireName(r.getAs("channel")),
        r.getAs("source_system"),
        r.getAs("source_key"),
        instant(r.getAs("source_version")),
        r.getAs("event_type"),
        r.getAs("event_name"),
        instant(r.getAs("occurred_at")),
        instant(r.getAs("received_at")),
        rows(r, "identifiers").stream()
            .map(
                i ->
                    new Identifier(
                        IdentifierType.fromWireName(i.getAs("type")),
                        i.getAs("raw"),
                        i.getAs("normalized"),
                        i.<Boolean>getAs("valid")))
            .toList(),
        readPerson(r.getAs("person")),
        readProperties(r.getAs("properties")),
        rows(r, "consent").stream()
            .map(
                c ->
                    new ConsentChange(
                        c.getAs("purpose"),
                        c.getAs("channel"),
                        c.<Boolean>getAs("granted"),
                        c.getAs("source"),
                        instant(c.getAs("changed_at"))))
            .toList(),
        readCustom(r.getAs("custom")),
        file == null ? null : new SourceRef(file, line, offset));
  }

  private static PersonAttributes readPerson(Row p) {
    if (p == null) {
      return null;
    }
    Row a = p.getAs("address");
    return new PersonAttributes(
        p.getAs("first_name"),
        p.getAs("last_name"),
        p.getAs("full_name"),
        p.getAs("email"),
        p.getAs("phone"),
        a == null
            ? null
            : new PostalAddress(
                a.getAs("street"),
                a.getAs("city"),
                a.getAs("region"),
                a.getAs("postal_code"),
                a.getAs("country")),
        date(p.getAs("birth_date")));
  }

  private static EventProperties readProperties(Row p) {
    if (p == null) {
      return null;
    }
    Row o = p.getAs("order");
    Row e = p.getAs("email");
    Row pg = p.getAs("page");
    Row d = p.getAs("device");
    Row c = p.getAs("call");
    return new EventProperties(
        o == null
            ? null
            : new OrderProperties(
                o.getAs("order_id"),
                o.getAs("line_number"),
                readMoney(o.getAs("total")),
                rows(o, "items").stream()
                    .map(
                        li ->
                            new LineItem(
                                li.getAs("sku"),
                                li.getAs("description"),
                                li.<Integer>getAs("quantity"),
                                readMoney(li.getAs("unit_price"))))
                    .toList(),
                o.getAs("store_id"),
                o.<Boolean>getAs("is_return")),
        e == null
            ? null
            : new EmailProperties(
                e.getAs("message_id"),
                e.getAs("campaign_id"),
                e.getAs("email_id"),
                e.isNullAt(e.fieldIndex("categories"))
                    ? null
                    : e.getList(e.fieldIndex("categories")),
                e.getAs("url"),
                e.getAs("bounce_type"),
                e.getAs("reason")),
        pg == null
            ? null
            : new PageProperties(
                pg.getAs("url"), pg.getAs("path"), pg.getAs("title"), pg.getAs("referrer")),
        d == null
            ? null
            : new DeviceProperties(
                d.getAs("device_id"),
                d.getAs("type"),
                d.getAs("manufacturer"),
                d.getAs("model"),
                d.getAs("os")),
        c == null
            ? null
            : new CallProperties(
                c.getAs("contact_id"),
                c.getAs("channel"),
                c.getAs("initiation_method"),
                c.getAs("queue"),
                c.getAs("agent"),
                c.getAs("reason"),
                c.getAs("duration_seconds"),
                instant(c.getAs("disconnect_at"))));
  }

  private static Money readMoney(Row m) {
    return m == null ? null : new Money(m.getAs("amount"), m.getAs("currency"));
  }

  private static Map<String, Object> readCustom(String json) {
    if (json == null) {
      return Map.of();
    }
    try {
      return CUSTOM_READER.readValue(json);
    } catch (JsonProcessingException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  private static List<Row> rows(Row r, String field) {
    int i = r.fieldIndex(field);
    return r.isNullAt(i) ? List.of() : r.getList(i);
  }

  private static Instant instant(Object value) {
    if (value == null || value instanceof Instant) {
      return (Instant) value;
    }
    return ((Timestamp) value).toInstant();
  }

  private static LocalDate date(Object value) {
    if (value == null || value instanceof LocalDate) {
      return (LocalDate) value;
    }
    return ((Date) value).toLocalDate();
  }

  private static String customJson(TouchpointEvent e) {
    if (e.custom().isEmpty()) {
      return null;
    }
    try {
      return Json.mapper().writeValueAsString(e.custom());
    } catch (JsonProcessingException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  private static Row identifier(Identifier i) {
    return RowFactory.create(i.type().wireName(), i.raw(), i.normalized(), i.valid());
  }

  private static Row person(PersonAttributes p) {
    if (p == null) {
      return null;
    }
    return RowFactory.create(
        p.firstName(),
        p.lastName(),
        p.fullName(),
        p.email(),
        p.phone(),
        address(p.address()),
        p.birthDate());
  }

  private static Row address(PostalAddress a) {
    return a == null
        ? null
        : RowFactory.create(a.street(), a.city(), a.region(), a.postalCode(), a.country());
  }

  private static Row properties(EventProperties p) {
    if (p == null) {
      return null;
    }
    return RowFactory.create(
        order(p.order()), email(p.email()), page(p.page()), device(p.device()), call(p.call()));
  }

  private static Row order(OrderProperties o) {
    return o == null
        ? null
        : RowFactory.create(
            o.orderId(),
            o.lineNumber(),
            money(o.total()),
            list(o.items(), EventRows::lineItem),
            o.storeId(),
            o.isReturn());
  }

  private static Row lineItem(LineItem li) {
    return RowFactory.create(li.sku(), li.description(), li.quantity(), money(li.unitPrice()));
  }

  private static Row money(Money m) {
    return m == null ? null : RowFactory.create(m.amount(), m.currency());
  }

  private static Row email(EmailProperties e) {
    return e == null
        ? null
        : RowFactory.create(
            e.messageId(),
            e.campaignId(),
            e.emailId(),
            seq(e.categories()),
            e.url(),
            e.bounceType(),
            e.reason());
  }

  private static Row page(PageProperties p) {
    return p == null ? null : RowFactory.create(p.url(), p.path(), p.title(), p.referrer());
  }

  private static Row device(DeviceProperties d) {
    return d == null
        ? null
        : RowFactory.create(d.deviceId(), d.type(), d.manufacturer(), d.model(), d.os());
  }

  private static Row call(CallProperties c) {
    return c == null
        ? null
        : RowFactory.create(
            c.contactId(),
            c.channel(),
            c.initiationMethod(),
            c.queue(),
            c.agent(),
            c.reason(),
            c.durationSeconds(),
            c.disconnectAt());
  }

  private static Row consent(ConsentChange c) {
    return RowFactory.create(c.purpose(), c.channel(), c.granted(), c.source(), c.changedAt());
  }

  private static <T> Seq<Row> list(List<T> values, Function<T, Row> mapper) {
    return seq(values == null ? List.of() : values.stream().map(mapper).toList());
  }

  /** Spark's external row format wants Scala sequences for array columns. */
  static <T> Seq<T> seq(List<T> values) {
    return values == null ? null : CollectionConverters.asScala(values).toSeq();
  }
}
