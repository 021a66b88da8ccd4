package io.opencdp.resolve.profile;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.event.TouchpointEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds one golden profile from its events, taken one at a time in any order: the batch build
 * feeds a profile's whole history, the streaming job its state plus each new event. Every rule is
 * order-independent (explicit tie-breaks), so both produce the same {@link GoldenProfile}. Not
 * thread-safe; one accumulator per profile.
 */
public final class ProfileAccumulator {
  private final ProfileRules rules;
  private final String workspaceId;
  private final String profileId;
  private final SurvivingAttributes attributes;
  private final ContactPointTally contacts;
  private final TraitTally traits;
  private final ConsentLedger consent = new ConsentLedger();
  private final List<CustomTraitTally> customTraits;
  private long events;

  public ProfileAccumulator(ProfileRules rules, String workspaceId, String profileId) {
    this.rules = requireNonNull(rules, "rules is null");
    this.workspaceId = requireNonNull(workspaceId, "workspaceId is null");
    this.profileId = requireNonNull(profileId, "profileId is null");
    this.attributes = new SurvivingAttributes(rules);
    this.contacts = new ContactPointTally(rules);
    this.traits = new TraitTally(rules);
    this.customTraits = rules.customTraits().stream().map(CustomTraitTally::new).toList();
  }

  /** Adds one of the profile's events. */
  public ProfileAccumulator add(TouchpointEvent event) {
    if (!event.workspaceId().equals(workspaceId)) {
      throw new IllegalArgumentException(
          "event "
              + event.eventId()
              + " belongs to workspace "
              + event.workspaceId()
              + ", not "
              + workspaceId);
    }
    Provenance provenance =
        new Provenance(
            event.channel().wireName(), event.sourceSystem(), event.eventId(), event.occurredAt());
    attributes.add(event, provenance);
    contacts.add(event);
    traits.add(event);
    consent.add(event);
    for (CustomTraitTally trait : customTraits) {
      trait.add(event, rules);
    }
    events++;
    return this;
  }

  /**
   * Records what identity resolution knows about one of the profile's identifiers ({@code
   * identity_map}): a shared one stays a contact point, flagged, and is primary only when the
   * profile has no other of its type.
   */
  public ProfileAccumulator identifier(IdentifierType type, String value, boolean shared) {
    if (shared) {
      contacts.markShared(requireNonNull(type, "type is null"), requireNonNull(value, "value"));
    }
    return this;
  }

  /** Events added so far. */
  public long eventCount() {
    return events;
  }

  /** The profile as of the events added so far; at least one event is needed. */
  public GoldenProfile build(Instant updatedAt) {
    if (events == 0) {
      throw new IllegalStateException("profile " + profileId + " has no events to build from");
    }
    ProfileAttributes surviving =
        attributes.build(
            v -> contacts.isShared(IdentifierType.EMAIL, v),
            v -> contacts.isShared(IdentifierType.PHONE, v));
    ContactPoints points =
        contacts.build(
            surviving.email() == null ? null : surviving.email().value(),
            surviving.phone() == null ? null : surviving.phone().value());
    ContactPoint primaryEmail =
        points.emails().stream().filter(ContactPoint::primary).findFirst().orElse(null);
    Map<String, String> custom = new LinkedHashMap<>();
    for (CustomTraitTally trait : customTraits) {
      String value = trait.result();
      if (value != null) {
        custom.put(trait.name(), value);
      }
    }
    return new GoldenProfile(
        workspaceId,
        profileId,
        surviving,
        points,
        traits.build(primaryEmail),
        consent.build(),
        custom,
        rules.asOf(),
        updatedAt);
  }
}
