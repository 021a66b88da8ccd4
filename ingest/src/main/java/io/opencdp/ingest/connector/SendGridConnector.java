package io.opencdp.ingest.connector;

import com.fasterxml.jackson.databind.JsonNode;
import io.opencdp.schemas.event.ConsentChange;
import io.opencdp.schemas.event.EmailProperties;
import io.opencdp.schemas.event.EventProperties;
import io.opencdp.schemas.event.EventTypes;
import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.event.PersonAttributes;
import io.opencdp.schemas.event.TouchpointEvent;
import io.opencdp.schemas.event.TouchpointEventBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * SendGrid Event Webhook events, one JSON object per line.
 *
 * <ul>
 *   <li>{@code source_key} = {@code sg_event_id}; {@code event_type} = {@code email_<event>}
 *       ({@link EventTypes#forSendGridEvent}); {@code occurred_at} = Unix {@code timestamp}; {@code
 *       received_at} = the run's time (the webhook carries none).
 *   <li>Identifiers: {@code email} (required: without it, {@code missing_identifier}) and a {@code
 *       customer_id} custom argument.
 *   <li>Email properties: {@code sg_message_id}; campaign from the {@code campaign_id} custom
 *       argument, else {@code marketing_campaign_id}, else {@code singlesend_id}; email from the
 *       {@code email_id} custom argument, else {@code sg_template_id}; {@code category} (string or
 *       list); {@code url}; bounce {@code type}; {@code reason} (deferred: {@code response}).
 *   <li>Consent: {@code unsubscribe} and {@code spamreport} withdraw {@code marketing} on {@code
 *       email}; {@code group_unsubscribe} / {@code group_resubscribe} withdraw / grant {@code
 *       email_group:<asm_group_id>} on {@code email}.
 *   <li>Everything else (smtp-id, response, status, useragent, ip, other custom arguments) stays in
 *       {@code custom}.
 * </ul>
 */
final class SendGridConnector extends JsonLinesConnector {
  private static final long serialVersionUID = 1L;

  SendGridConnector(ConnectorSettings settings) {
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
      JsonFields e = JsonFields.root(JsonLines.readObject(ctx.record.text()));
      String email = e.text("email");
      ctx.identifiers.email(email);
      ctx.identifiers.id(IdentifierType.CUSTOMER_ID, e.scalarText("customer_id"));
      String event = e.requiredText("event");
      String eventType = "email_" + event;
      if (!EventTypes.CANONICAL.contains(eventType)) {
        throw new RecordException(
            ReasonCodes.UNKNOWN_EVENT_TYPE,
            "field 'event' is '" + event + "', not a SendGrid event type");
      }
      if (email == null) {
        throw new RecordException(
            ReasonCodes.MISSING_IDENTIFIER,
            "field 'email' is missing; a SendGrid event needs its recipient");
      }
      String eventId = e.requiredText("sg_event_id");
      Instant occurredAt = timestamp(e);
      ctx.checkNotInFuture("timestamp", occurredAt, "the ingest run", ctx.ingestedAt);

      TouchpointEventBuilder builder =
          ctx.builder()
              .sourceKey(eventId)
              .eventType(EventTypes.forSendGridEvent(event))
              .eventName(event)
              .occurredAt(occurredAt)
              .receivedAt(ctx.ingestedAt)
              .person(new PersonAttributes(null, null, null, email.strip(), null, null, null))
              .properties(new EventProperties(null, properties(e, event), null, null, null));
      consent(e, event, occurredAt).forEach(builder::consent);
      builder.custom(e.remaining());
      return ctx.build(builder);
    }

    private static Instant timestamp(JsonFields e) {
      JsonNode ts = e.node("timestamp");
      if (ts == null) {
        throw RecordException.missing("timestamp");
      }
      if (ts.isIntegralNumber() && ts.canConvertToLong()) {
        return EventTimes.epochSeconds("timestamp", ts.longValue());
      }
      if (ts.isNumber()) {
        return EventTimes.epochSeconds("timestamp", ts.decimalValue().toPlainString());
      }
      throw RecordException.wrongType(
          "timestamp", "Unix epoch seconds as a number", JsonFields.describe(ts));
    }

    private static EmailProperties properties(JsonFields e, String event) {
      String campaign = e.scalarText("campaign_id");
      if (campaign == null) {
        campaign = e.has("marketing_campaign_id") ? e.scalarText("marketing_campaign_id") : null;
      }
      if (campaign == null && e.has("singlesend_id")) {
        campaign = e.text("singlesend_id");
      }
      String emailId = e.text("email_id");
      if (emailId == null && e.has("sg_template_id")) {
        emailId = e.text("sg_template_id");
      }
      String url = e.text("url");
      if (event.equals("click") && url == null) {
        throw RecordException.missing("url");
      }
      String bounceType = event.equals("bounce") ? e.text("type") : null;
      String reason = e.text("reason");
      if (reason == null && event.equals("deferred")) {
        reason = e.text("response");
      }
      return new EmailProperties(
          e.text("sg_message_id"), campaign, emailId, categories(e), url, bounceType, reason);
    }

    private static List<String> categories(JsonFields e) {
      JsonNode category = e.node("category");
      List<String> categories = new ArrayList<>();
      if (category == null) {
        return categories;
      }
      if (category.isTextual()) {
        categories.add(category.textValue());
        return categories;
      }
      if (category.isArray()) {
        for (int i = 0; i < category.size(); i++) {
          JsonNode element = category.get(i);
          if (!element.isTextual()) {
            throw RecordException.wrongType(
                "category[" + i + "]", "a string", JsonFields.describe(element));
          }
          categories.add(element.textValue());
        }
        return categories;
      }
      throw RecordException.wrongType(
          "category", "a string or a list of strings", JsonFields.describe(category));
    }

    private static List<ConsentChange> consent(JsonFields e, String event, Instant at) {
      return switch (event) {
        case "unsubscribe" ->
            List.of(new ConsentChange("marketing", "email", false, "sendgrid_unsubscribe", at));
        case "spamreport" ->
            List.of(new ConsentChange("marketing", "email", false, "sendgrid_spamreport", at));
        case "group_unsubscribe", "group_resubscribe" -> {
          Long group = e.integer("asm_group_id");
          if (group == null) {
            throw RecordException.missing("asm_group_id");
          }
          boolean granted = event.equals("group_resubscribe");
          yield List.of(
              new ConsentChange("email_group:" + group, "email", granted, "sendgrid_" + event, at));
        }
        default -> List.of();
      };
    }
  }
}
