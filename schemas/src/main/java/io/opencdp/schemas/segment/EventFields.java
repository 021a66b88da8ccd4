package io.opencdp.schemas.segment;

import static io.opencdp.schemas.segment.FieldType.BOOLEAN;
import static io.opencdp.schemas.segment.FieldType.NUMBER;
import static io.opencdp.schemas.segment.FieldType.TEXT;
import static io.opencdp.schemas.segment.FieldType.TEXT_LIST;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The event fields an event condition's {@code where} compares (docs/segments.md, "Event fields"):
 * names of the canonical event's JSON form below {@code properties} (plus {@code channel}, {@code
 * source_system}, {@code event_name}); all compare exactly.
 */
public final class EventFields {
  /** Every event field, in the order of the doc's table. */
  public static final List<Field> ALL =
      List.of(
          Field.of("channel", TEXT),
          Field.of("source_system", TEXT),
          Field.of("event_name", TEXT),
          Field.of("order.order_id", TEXT),
          Field.of("order.store_id", TEXT),
          Field.of("order.total.currency", TEXT),
          Field.of("order.total.amount", NUMBER),
          Field.of("order.is_return", BOOLEAN),
          Field.of("order.items.sku", TEXT_LIST),
          Field.of("email.campaign_id", TEXT),
          Field.of("email.url", TEXT),
          Field.of("email.bounce_type", TEXT),
          Field.of("email.categories", TEXT_LIST),
          Field.of("page.path", TEXT),
          Field.of("page.url", TEXT),
          Field.of("call.reason", TEXT),
          Field.of("call.queue", TEXT),
          Field.of("call.channel", TEXT),
          Field.of("device.type", TEXT),
          Field.of("device.os", TEXT));

  private static final Map<String, Field> BY_NAME = ProfileFields.byName(ALL);

  private EventFields() {}

  /** The event field named {@code name}, if there is one. */
  public static Optional<Field> find(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }
}
