package io.opencdp.resolve.profile;

import io.opencdp.schemas.event.EventTypes;
import io.opencdp.schemas.event.Identifier;
import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.event.TouchpointEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Counts every usable identifier of a profile's events (valid, not blocked), with when it was first
 * and last seen, which sources sent it and, for emails, the latest suppression the email service
 * reported for the address.
 */
final class ContactPointTally {
  private final ProfileRules rules;
  private final Map<IdentifierType, Map<String, Stats>> byType =
      new EnumMap<>(IdentifierType.class);
  private final Set<String> shared = new HashSet<>();

  private static final class Stats {
    long count;
    Instant first;
    Instant last;
    final TreeSet<String> sources = new TreeSet<>();
    String suppressedReason;
    Instant suppressedAt;
    String suppressedBy;

    void add(Instant at, String source) {
      count++;
      first = first == null || at.isBefore(first) ? at : first;
      last = last == null || at.isAfter(last) ? at : last;
      sources.add(source);
    }

    void suppress(String reason, Instant at, String eventId) {
      boolean later =
          suppressedAt == null
              || at.isAfter(suppressedAt)
              || (at.equals(suppressedAt) && eventId.compareTo(suppressedBy) < 0);
      if (later) {
        suppressedReason = reason;
        suppressedAt = at;
        suppressedBy = eventId;
      }
    }
  }

  ContactPointTally(ProfileRules rules) {
    this.rules = rules;
  }

  void add(TouchpointEvent event) {
    String reason = suppression(event);
    Set<String> seen = new HashSet<>();
    for (Identifier id : event.identifiers()) {
      if (!rules.usable(id) || !seen.add(id.type() + ":" + id.normalized())) {
        continue;
      }
      Stats stats =
          byType
              .computeIfAbsent(id.type(), t -> new HashMap<>())
              .computeIfAbsent(id.normalized(), v -> new Stats());
      stats.add(event.occurredAt(), event.sourceSystem());
      if (reason != null && id.type() == IdentifierType.EMAIL) {
        stats.suppress(reason, event.occurredAt(), event.eventId());
      }
    }
  }

  /** Identity resolution marked {@code value} shared ({@code identity_map.shared}). */
  void markShared(IdentifierType type, String value) {
    shared.add(type + ":" + value);
  }

  boolean isShared(IdentifierType type, String value) {
    return shared.contains(type + ":" + value);
  }

  /** The contact points, with the primary email and phone flagged. */
  ContactPoints build(String primaryEmail, String primaryPhone) {
    return new ContactPoints(
        list(IdentifierType.EMAIL, primaryEmail),
        list(IdentifierType.PHONE, primaryPhone),
        list(IdentifierType.CUSTOMER_ID, null),
        list(IdentifierType.LOYALTY_ID, null),
        list(IdentifierType.DEVICE_ID, null),
        list(IdentifierType.ANONYMOUS_ID, null));
  }

  private List<ContactPoint> list(IdentifierType type, String primary) {
    List<ContactPoint> points = new ArrayList<>();
    byType
        .getOrDefault(type, Map.of())
        .forEach(
            (value, s) ->
                points.add(
                    new ContactPoint(
                        value,
                        value.equals(primary),
                        isShared(type, value),
                        s.count,
                        s.first,
                        s.last,
                        List.copyOf(s.sources),
                        s.suppressedReason,
                        s.suppressedAt)));
    points.sort(
        Comparator.comparing(ContactPoint::primary)
            .reversed()
            .thenComparing(ContactPoint::lastSeenAt, Comparator.reverseOrder())
            .thenComparing(ContactPoint::value));
    return points;
  }

  /** What the event says about its email address's deliverability, or null. */
  static String suppression(TouchpointEvent event) {
    return switch (event.eventType()) {
      case EventTypes.EMAIL_BOUNCE -> {
        var email = event.properties().email();
        // SendGrid: type "bounce" is a hard bounce; "blocked" is a temporary refusal
        yield email != null && "bounce".equals(email.bounceType()) ? "hard_bounce" : null;
      }
      case EventTypes.EMAIL_SPAMREPORT -> "spamreport";
      case EventTypes.EMAIL_UNSUBSCRIBE -> "unsubscribe";
      default -> null;
    };
  }
}
