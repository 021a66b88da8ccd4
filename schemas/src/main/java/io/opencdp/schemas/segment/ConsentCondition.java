package io.opencdp.schemas.segment;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.event.ConsentChange;

/**
 * {@code {"consent": {"purpose": P, "channel": CH}}}: consent for {@code purpose} on {@code
 * channel} is granted, by the rule of {@code GoldenProfile.consentGranted} (no record means not
 * granted).
 *
 * @param purpose e.g. {@code marketing}, {@code email_group:123}
 * @param channel e.g. {@code email}; null for the purpose as a whole (a change recorded without a
 *     channel)
 */
public record ConsentCondition(String purpose, String channel) implements Condition {
  public ConsentCondition {
    requireNonNull(purpose, "purpose is null");
    if (!ConsentChange.isPurpose(purpose)) {
      throw new IllegalArgumentException("not a consent purpose: '" + purpose + "'");
    }
    if (channel != null && !ConsentChange.isChannel(channel)) {
      throw new IllegalArgumentException("not a consent channel: '" + channel + "'");
    }
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitConsent(this);
  }

  /**
   * The key of a granted (purpose, channel) in a profile document's {@code consent_granted}
   * (docs/profile-store.md): {@code purpose:channel}, or {@code purpose:*} for the purpose as a
   * whole (channel null). The indexer writes these keys and the compiler queries them.
   */
  public static String grantedKey(String purpose, String channel) {
    return purpose + ":" + (channel == null ? "*" : channel);
  }
}
