package io.opencdp.resolve.profile;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * One identifier of a profile, as its events carried it.
 *
 * @param value the normalized value (lower-case email, E.164 phone, trimmed id)
 * @param primary the surviving primary email or phone
 * @param shared identity resolution found it on several persons ({@code identity_map.shared}): kept
 *     on the profile, never used to link
 * @param eventCount the profile's events that carried it
 * @param firstSeenAt the earliest of those events
 * @param lastSeenAt the latest of those events
 * @param sources the source systems that sent it, sorted
 * @param suppressedReason emails only: {@code hard_bounce}, {@code spamreport} or {@code
 *     unsubscribe} when the email service reported one for this address (the latest); else null
 * @param suppressedAt when that report happened; null when not suppressed
 */
public record ContactPoint(
    String value,
    boolean primary,
    boolean shared,
    long eventCount,
    Instant firstSeenAt,
    Instant lastSeenAt,
    List<String> sources,
    String suppressedReason,
    Instant suppressedAt) {
  public ContactPoint {
    requireNonNull(value, "value is null");
    requireNonNull(firstSeenAt, "first_seen_at is null");
    requireNonNull(lastSeenAt, "last_seen_at is null");
    sources = List.copyOf(sources);
  }
}
