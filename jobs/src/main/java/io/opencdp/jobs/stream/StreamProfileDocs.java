package io.opencdp.jobs.stream;

import io.opencdp.jobs.index.ProfileDocument;
import io.opencdp.resolve.profile.GoldenProfile;
import io.opencdp.schemas.event.TouchpointEvent;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The stream's profile documents: the indexer's {@link ProfileDocument}, field for field. */
final class StreamProfileDocs {
  private StreamProfileDocs() {}

  /**
   * The profile document of {@code profile} (docs/profile-store.md) with {@code segments} empty:
   * the sink keeps the segments the document in the store already has.
   */
  static String json(
      GoldenProfile profile,
      Collection<String> mergedFrom,
      Collection<TouchpointEvent> events,
      Instant indexedAt) {
    return ProfileDocument.json(
        profile, mergedFrom, events, List.of(), indexedAt, ProfileDocument.NOT_FROM_DELTA);
  }
}
