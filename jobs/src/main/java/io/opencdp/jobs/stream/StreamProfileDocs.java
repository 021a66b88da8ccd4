package io.opencdp.jobs.stream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.resolve.profile.ContactPoint;
import io.opencdp.resolve.profile.ContactPoints;
import io.opencdp.resolve.profile.GoldenProfile;
import io.opencdp.schemas.event.TouchpointEvent;
import io.opencdp.schemas.json.Json;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The stream's one call to the profile document builder, so the batch's builder is swapped in by
 * one line.
 */
final class StreamProfileDocs {
  /** {@code delta_version} of a document the stream wrote: it was not read from Delta. */
  static final long NOT_FROM_DELTA = -1;

  private StreamProfileDocs() {}

  /**
   * The profile document of {@code profile} (docs/profile-store.md), {@code segments} empty: the
   * sink keeps the segments the document in the store already has.
   */
  static String json(
      GoldenProfile profile,
      Collection<String> mergedFrom,
      Collection<TouchpointEvent> events,
      Instant indexedAt) {
    // TODO(profile-doc): return io.opencdp.jobs.index.ProfileDocument.json(profile, mergedFrom,
    // events, List.of(), indexedAt, NOT_FROM_DELTA) once branch profile-doc is on main; until then
    // the document carries the ids, the identifier lookups and the times only.
    ObjectNode doc = Json.mapper().createObjectNode();
    doc.put("workspace_id", profile.workspaceId());
    doc.put("profile_id", profile.profileId());
    ArrayNode merged = doc.putArray("merged_from");
    mergedFrom.stream().sorted().forEach(merged::add);
    ObjectNode identifiers = doc.putObject("identifiers");
    ContactPoints points = profile.contactPoints();
    values(identifiers, "email", points.emails());
    values(identifiers, "phone", points.phones());
    values(identifiers, "customer_id", points.customerIds());
    values(identifiers, "loyalty_id", points.loyaltyIds());
    values(identifiers, "device_id", points.deviceIds());
    values(identifiers, "anonymous_id", points.anonymousIds());
    doc.putArray("segments");
    doc.put("as_of", profile.asOf().toString());
    doc.put("updated_at", profile.updatedAt().toString());
    doc.put("indexed_at", indexedAt.toString());
    doc.put("delta_version", NOT_FROM_DELTA);
    return doc.toString();
  }

  private static void values(ObjectNode identifiers, String type, List<ContactPoint> points) {
    if (!points.isEmpty()) {
      ArrayNode list = identifiers.putArray(type);
      points.forEach(p -> list.add(p.value()));
    }
  }
}
