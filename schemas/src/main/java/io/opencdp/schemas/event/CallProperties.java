package io.opencdp.schemas.event;

import java.time.Instant;

/**
 * A call-center contact (Amazon Connect contact record).
 *
 * @param contactId the contact's id ({@code ContactId})
 * @param channel the contact's medium: {@code VOICE}, {@code CHAT}, {@code TASK} or {@code EMAIL}
 * @param initiationMethod how it started, e.g. {@code INBOUND}, {@code OUTBOUND}, {@code TRANSFER}
 * @param queue the queue's name
 * @param agent the agent's user name
 * @param reason the contact reason, from the contact attributes
 * @param durationSeconds seconds from initiation to disconnect
 * @param disconnectAt when the customer disconnected, UTC
 */
public record CallProperties(
    String contactId,
    String channel,
    String initiationMethod,
    String queue,
    String agent,
    String reason,
    Long durationSeconds,
    Instant disconnectAt) {

  public CallProperties {
    Checks.nonBlank(contactId, "contact_id");
    Checks.optionalNotNegative(durationSeconds, "duration_seconds");
    disconnectAt = Checks.optionalInstant(disconnectAt);
  }
}
