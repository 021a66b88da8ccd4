package io.opencdp.schemas.event;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A person granted or withdrew consent, e.g. an unsubscribe or a CRM opt-in flag.
 *
 * @param purpose what the consent is for: {@code marketing}, {@code analytics}, {@code
 *     personalization}, or {@code email_group:<asm_group_id>} for a SendGrid suppression group
 * @param channel the contact channel it applies to ({@code email}, {@code sms}, {@code phone},
 *     {@code push}); null for every channel
 * @param granted true for an opt-in, false for an opt-out
 * @param source what recorded it, e.g. {@code sendgrid_unsubscribe}, {@code crm_opt_in_flag}
 * @param changedAt when the person made the change, UTC
 */
public record ConsentChange(
    String purpose, String channel, boolean granted, String source, Instant changedAt) {
  private static final Pattern PURPOSE = Pattern.compile("[a-z0-9][a-z0-9_:.-]{0,127}");
  private static final Pattern CHANNEL = Pattern.compile("[a-z0-9][a-z0-9_]{0,31}");

  public ConsentChange {
    Checks.matches(purpose, PURPOSE, "purpose");
    Checks.optionalMatches(channel, CHANNEL, "channel");
    changedAt = Checks.instant(changedAt, "changed_at");
  }

  /** Whether {@code purpose} is spelled as a consent purpose can be (segment conditions ask). */
  public static boolean isPurpose(String purpose) {
    return purpose != null && PURPOSE.matcher(purpose).matches();
  }

  /** Whether {@code channel} is spelled as a consent channel can be. */
  public static boolean isChannel(String channel) {
    return channel != null && CHANNEL.matcher(channel).matches();
  }
}
