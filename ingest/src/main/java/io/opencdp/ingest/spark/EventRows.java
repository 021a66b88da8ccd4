package io.opencdp.ingest.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.opencdp.schemas.event.CallProperties;
import io.opencdp.schemas.event.ConsentChange;
import io.opencdp.schemas.event.DeviceProperties;
import io.opencdp.schemas.event.EmailProperties;
import io.opencdp.schemas.event.EventProperties;
import io.opencdp.schemas.event.Identifier;
import io.opencdp.schemas.event.LineItem;
import io.opencdp.schemas.event.Money;
import io.opencdp.schemas.event.OrderProperties;
import io.opencdp.schemas.event.PageProperties;
import io.opencdp.schemas.event.PersonAttributes;
import io.opencdp.schemas.event.PostalAddress;
import io.opencdp.schemas.event.TouchpointEvent;
import io.opencdp.schemas.json.Json;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Maps a canonical event to a row of {@link EventsTable#SCHEMA}; the one place that knows both
 * shapes.
 */
public final class EventRows {
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
