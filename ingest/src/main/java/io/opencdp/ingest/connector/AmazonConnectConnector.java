package io.opencdp.ingest.connector;

import io.opencdp.schemas.event.CallProperties;
import io.opencdp.schemas.event.EventProperties;
import io.opencdp.schemas.event.EventTypes;
import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.event.TouchpointEvent;
import io.opencdp.schemas.event.TouchpointEventBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Amazon Connect contact records (CTRs), one JSON object per line.
 *
 * <ul>
 *   <li>{@code source_key} = {@code ContactId}; {@code source_version} = {@code
 *       LastUpdateTimestamp} (of re-deliveries the latest wins); {@code occurred_at} = {@code
 *       InitiationTimestamp}; {@code received_at} = {@code LastUpdateTimestamp}, when Connect
 *       emitted the record. {@code event_type} = {@code call_contact}, {@code event_name} = the
 *       contact's {@code Channel} ({@code VOICE}, {@code CHAT}, {@code TASK}, {@code EMAIL}; any
 *       other is {@code unknown_event_type}).
 *   <li>Identifiers: {@code CustomerEndpoint.Address} (a phone for {@code TELEPHONE_NUMBER}, an
 *       email for {@code EMAIL_ADDRESS}) and the contact attributes {@code customer_id}, {@code
 *       loyalty_id}, {@code email}, {@code phone}. A contact with none (an abandoned chat) is kept.
 *   <li>Person: attributes {@code first_name}, {@code last_name}, {@code email}, {@code phone},
 *       {@code birth_date}.
 *   <li>Call properties: contact id, channel, initiation method, {@code Queue.Name}, {@code
 *       Agent.Username}, reason (attribute {@code call_reason}, else {@code reason}), duration from
 *       initiation to {@code DisconnectTimestamp}.
 *   <li>Everything else (other attributes, Agent and Queue details, endpoints, recording) stays in
 *       {@code custom}.
 * </ul>
 */
final class AmazonConnectConnector extends JsonLinesConnector {
  private static final long serialVersionUID = 1L;

  static final List<String> CHANNELS = List.of("VOICE", "CHAT", "TASK", "EMAIL");

  AmazonConnectConnector(ConnectorSettings settings) {
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
      JsonFields c = JsonFields.root(JsonLines.readObject(ctx.record.text()));
      JsonFields attributes = c.object("Attributes");
      PersonFields person = new PersonFields();
      person.firstName = attribute(attributes, "first_name");
      person.lastName = attribute(attributes, "last_name");
      person.email = attribute(attributes, "email");
      person.phone = attribute(attributes, "phone");
      person.birthDate = attribute(attributes, "birth_date");
      ctx.identifiers.id(IdentifierType.CUSTOMER_ID, attribute(attributes, "customer_id"));
      ctx.identifiers.id(IdentifierType.LOYALTY_ID, attribute(attributes, "loyalty_id"));
      endpoint(c.object("CustomerEndpoint"), person);
      ctx.identifiers.email(person.email);
      ctx.identifiers.phone(person.phone, null);
      String reason = attribute(attributes, "call_reason");
      if (reason == null) {
        reason = attribute(attributes, "reason");
      }

      String contactId = c.requiredText("ContactId");
      String channel = c.requiredText("Channel");
      if (!CHANNELS.contains(channel)) {
        throw new RecordException(
            ReasonCodes.UNKNOWN_EVENT_TYPE,
            "field 'Channel' is '" + channel + "', not one of " + String.join(", ", CHANNELS));
      }
      String method = c.requiredText("InitiationMethod");
      Instant initiation =
          EventTimes.iso("InitiationTimestamp", c.requiredText("InitiationTimestamp"));
      Instant lastUpdate =
          EventTimes.iso("LastUpdateTimestamp", c.requiredText("LastUpdateTimestamp"));
      Instant disconnect =
          EventTimes.optionalIso("DisconnectTimestamp", c.text("DisconnectTimestamp"));
      ctx.checkNotInFuture("InitiationTimestamp", initiation, "LastUpdateTimestamp", lastUpdate);
      ctx.checkNotInFuture("LastUpdateTimestamp", lastUpdate, "the ingest run", ctx.ingestedAt);
      Long duration = null;
      if (disconnect != null) {
        if (disconnect.isBefore(initiation)) {
          throw new RecordException(
              ReasonCodes.TIMESTAMP_INVALID,
              "field 'DisconnectTimestamp' ("
                  + disconnect
                  + ") is before 'InitiationTimestamp' ("
                  + initiation
                  + ")");
        }
        duration = Duration.between(initiation, disconnect).toSeconds();
      }
      CallProperties call =
          new CallProperties(
              contactId,
              channel,
              method,
              c.object("Queue").text("Name"),
              c.object("Agent").text("Username"),
              reason,
              duration,
              disconnect);

      TouchpointEventBuilder builder =
          ctx.builder()
              .sourceKey(contactId)
              .sourceVersion(lastUpdate)
              .eventType(EventTypes.CALL_CONTACT)
              .eventName(channel)
              .occurredAt(initiation)
              .receivedAt(lastUpdate)
              .person(person.build(ctx.dates))
              .properties(new EventProperties(null, null, null, null, call));
      builder.custom(c.remaining());
      if (!person.invalid().isEmpty()) {
        builder.custom(PersonFields.INVALID_ATTRIBUTES, person.invalid());
      }
      return ctx.build(builder);
    }

    /** A contact attribute: Connect attributes are strings; anything else is wrong_type. */
    private static String attribute(JsonFields attributes, String name) {
      return attributes.text(name);
    }

    /**
     * The customer's endpoint: a phone or email address, which is the person's unless an attribute
     * names one. Other endpoint types stay in custom.
     */
    private static void endpoint(JsonFields endpoint, PersonFields person) {
      String type = endpoint.peekText("Type");
      if ("TELEPHONE_NUMBER".equals(type) && person.phone == null) {
        person.phone = endpoint.text("Address");
        endpoint.consume("Type");
      } else if ("EMAIL_ADDRESS".equals(type) && person.email == null) {
        person.email = endpoint.text("Address");
        endpoint.consume("Type");
      }
    }
  }
}
