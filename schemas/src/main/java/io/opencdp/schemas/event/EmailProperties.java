package io.opencdp.schemas.event;

import java.util.List;

/**
 * An email delivery or engagement event (SendGrid Event Webhook).
 *
 * @param messageId the email service's message id ({@code sg_message_id})
 * @param campaignId the marketing campaign or single send the email belongs to
 * @param emailId the template or email definition that was sent
 * @param categories the categories the sender tagged the email with
 * @param url the link clicked ({@code click} events)
 * @param bounceType {@code bounce} or {@code blocked} for bounces
 * @param reason the receiving server's or the service's explanation (bounce, dropped, deferred)
 */
public record EmailProperties(
    String messageId,
    String campaignId,
    String emailId,
    List<String> categories,
    String url,
    String bounceType,
    String reason) {

  public EmailProperties {
    categories = Checks.list(categories, "categories");
  }
}
