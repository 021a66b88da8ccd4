package io.opencdp.resolve.profile;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The golden profile of one person: one row of the {@code profiles} table and, later, one
 * Elasticsearch document. Built by {@link ProfileAccumulator} from the person's events.
 *
 * @param workspaceId the workspace
 * @param profileId the profile, as identity resolution named it
 * @param attributes the surviving attributes, each with its provenance
 * @param contactPoints every identifier of the profile
 * @param traits computed traits
 * @param consent the current consent per (purpose, channel) that any event recorded
 * @param customTraits the {@code profiles.custom_traits} values as text, in config order
 * @param asOf the time windowed traits are computed at
 * @param updatedAt when this profile was built
 */
public record GoldenProfile(
    String workspaceId,
    String profileId,
    ProfileAttributes attributes,
    ContactPoints contactPoints,
    Traits traits,
    List<ConsentState> consent,
    Map<String, String> customTraits,
    Instant asOf,
    Instant updatedAt) {
  public GoldenProfile {
    requireNonNull(workspaceId, "workspace_id is null");
    requireNonNull(profileId, "profile_id is null");
    requireNonNull(attributes, "attributes is null");
    requireNonNull(contactPoints, "contact_points is null");
    requireNonNull(traits, "traits is null");
    consent = List.copyOf(consent);
    customTraits = Collections.unmodifiableMap(new LinkedHashMap<>(customTraits));
    requireNonNull(asOf, "as_of is null");
    requireNonNull(updatedAt, "updated_at is null");
  }

  /**
   * Whether the person consents to {@code purpose} on {@code channel}: the latest change for that
   * channel or for every channel decides; no change recorded means not granted.
   */
  public boolean consentGranted(String purpose, String channel) {
    return ConsentState.isGranted(consent, purpose, channel);
  }
}
