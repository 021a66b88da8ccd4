package io.opencdp.ingest.connector;

import io.opencdp.schemas.event.EventProperties;
import io.opencdp.schemas.event.EventTypes;
import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.event.OrderProperties;
import io.opencdp.schemas.event.TouchpointEvent;
import io.opencdp.schemas.event.TouchpointEventBuilder;
import io.opencdp.schemas.normalize.TimestampNormalizer;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Segment-spec messages (web and app sources), one JSON object per line.
 *
 * <ul>
 *   <li>{@code source_key} = {@code messageId}; {@code event_type} = the message type ({@code
 *       group} is a connector-defined type); a track named {@code Order Completed} is {@code
 *       order_completed}, {@code Order Refunded} is {@code order_refunded}.
 *   <li>{@code occurred_at}: when the message has {@code originalTimestamp}, Segment's servers have
 *       already corrected {@code timestamp} for client clock skew and it is used as is; without it,
 *       {@code timestamp} is the device's clock and is corrected from {@code sentAt} and {@code
 *       receivedAt} ({@link TimestampNormalizer#correctedTimestamp}). {@code received_at} = {@code
 *       receivedAt}, else the run's time.
 *   <li>Identifiers: {@code userId} (customer id), {@code anonymousId}, alias {@code previousId}
 *       (as an anonymous id), trait email and phone, {@code context.device.id}. A message with
 *       neither {@code userId} nor {@code anonymousId} (an alias without both {@code userId} and
 *       {@code previousId}) is {@code missing_identifier}.
 *   <li>Person: identify {@code traits}, other messages' {@code context.traits} (group traits
 *       describe the group and stay in custom).
 *   <li>Consent: boolean traits {@code newsletter_opt_in} / {@code email_opt_in} give purpose
 *       {@code marketing} on channel {@code email}; {@code context.consent.categoryPreferences}
 *       (Segment Consent Management) gives one change per category, purpose = the category in lower
 *       case.
 *   <li>Everything not mapped stays in {@code custom}, nested as sent ({@code custom.properties},
 *       {@code custom.traits}, {@code custom.context}, top-level keys such as {@code sentAt}).
 * </ul>
 */
final class SegmentConnector extends JsonLinesConnector {
  private static final long serialVersionUID = 1L;

  /** Segment group: the user belongs to an account; not a canonical type yet. */
  static final String GROUP = "group";

  /** Segment track "Order Refunded"; not a canonical type yet. */
  static final String ORDER_REFUNDED = "order_refunded";

  private static final List<String> TYPES =
      List.of(
          EventTypes.IDENTIFY,
          EventTypes.TRACK,
          EventTypes.PAGE,
          EventTypes.SCREEN,
          EventTypes.ALIAS,
          GROUP);

  SegmentConnector(ConnectorSettings settings) {
    super(settings);
  }

  @Override
  public FileParser open(String file, String header, Instant ingestedAt) {
    return new Parser(settings, file, ingestedAt);
  }

  private static final class Parser extends RecordParser {
    Parser(ConnectorSettings settings, String file, Instant ingestedAt) {
      super(settings, file, ingestedAt);
    }

    @Override
    TouchpointEvent read(RecordContext ctx) {
      JsonFields m = JsonFields.root(JsonLines.readObject(ctx.record.text()));
      String type = m.requiredText("type");
      if (!TYPES.contains(type)) {
        throw new RecordException(
            ReasonCodes.UNKNOWN_EVENT_TYPE,
            "field 'type' is '" + type + "', not one of " + String.join(", ", TYPES));
      }
      JsonFields context = m.object("context");
      JsonFields traits =
          type.equals(EventTypes.IDENTIFY)
              ? m.object("traits")
              : type.equals(GROUP) ? null : context.object("traits");
      identifiers(ctx, m, type, context);
      String messageId = m.requiredText("messageId");

      Instant timestamp = EventTimes.iso("timestamp", m.requiredText("timestamp"));
      Instant sentAt = EventTimes.optionalIso("sentAt", m.peekText("sentAt"));
      Instant receivedAt = EventTimes.optionalIso("receivedAt", m.text("receivedAt"));
      boolean serverCorrected = m.peekText("originalTimestamp") != null;
      Instant occurredAt =
          serverCorrected
              ? timestamp
              : TimestampNormalizer.correctedTimestamp(timestamp, sentAt, receivedAt);
      Instant received = receivedAt != null ? receivedAt : ctx.ingestedAt;
      ctx.checkNotInFuture("timestamp", occurredAt, "receivedAt", received);
      if (receivedAt != null) {
        ctx.checkNotInFuture("receivedAt", receivedAt, "the ingest run", ctx.ingestedAt);
      }

      TouchpointEventBuilder event =
          ctx.builder().sourceKey(messageId).occurredAt(occurredAt).receivedAt(received);
      PersonFields person = new PersonFields();
      if (traits != null) {
        SegmentTraits.read(traits, person, ctx);
        SegmentTraits.consent(traits, occurredAt).forEach(event::consent);
      }
      SegmentTraits.categoryConsent(context.object("consent"), occurredAt).forEach(event::consent);

      String eventType = type;
      String eventName = null;
      OrderProperties order = null;
      JsonFields properties = m.object("properties");
      switch (type) {
        case EventTypes.TRACK -> {
          eventName = m.requiredText("event");
          if (eventName.equals("Order Completed") || eventName.equals("Order Refunded")) {
            boolean refund = eventName.equals("Order Refunded");
            eventType = refund ? ORDER_REFUNDED : EventTypes.ORDER_COMPLETED;
            order = SegmentProperties.order(properties, refund);
          }
        }
        case EventTypes.PAGE, EventTypes.SCREEN -> eventName = m.text("name");
        default -> {}
      }
      event
          .eventType(eventType)
          .eventName(eventName)
          .person(person.build(ctx.dates))
          .properties(
              new EventProperties(
                  order,
                  null,
                  SegmentProperties.page(type, eventName, properties, context),
                  SegmentProperties.device(context),
                  null));
      Map<String, Object> custom = m.remaining();
      event.custom(custom);
      if (!person.invalid().isEmpty()) {
        event.custom(PersonFields.INVALID_ATTRIBUTES, person.invalid());
      }
      return ctx.build(event);
    }

    private static void identifiers(
        RecordContext ctx, JsonFields m, String type, JsonFields context) {
      String userId = m.scalarText("userId");
      String anonymousId = m.scalarText("anonymousId");
      ctx.identifiers.id(IdentifierType.CUSTOMER_ID, userId);
      ctx.identifiers.id(IdentifierType.ANONYMOUS_ID, anonymousId);
      String deviceId = context.object("device").text("id");
      ctx.identifiers.id(IdentifierType.DEVICE_ID, deviceId);
      if (type.equals(EventTypes.ALIAS)) {
        String previousId = m.scalarText("previousId");
        ctx.identifiers.id(IdentifierType.ANONYMOUS_ID, previousId);
        if (userId == null || previousId == null) {
          throw new RecordException(
              ReasonCodes.MISSING_IDENTIFIER,
              "field '"
                  + (userId == null ? "userId" : "previousId")
                  + "' is missing; an alias needs both userId and previousId");
        }
      } else if (userId == null && anonymousId == null) {
        throw new RecordException(
            ReasonCodes.MISSING_IDENTIFIER,
            "fields 'userId' and 'anonymousId' are both missing; a message needs one of them");
      }
    }
  }
}
