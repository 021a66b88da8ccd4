package io.opencdp.resolve.stream;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * One active profile in the stream's state.
 *
 * @param profileId its id
 * @param clusterKey its highest-priority identifier ({@code type:value}), or {@code event:<id>}
 * @param firstSeen the earliest received_at of its events
 * @param members its identifiers ({@code type:value}), sorted
 * @param eventIds its events, sorted
 */
public record ProfileNode(
    String profileId,
    String clusterKey,
    Instant firstSeen,
    List<String> members,
    List<String> eventIds) {
  public ProfileNode {
    requireNonNull(profileId, "profileId is null");
    requireNonNull(clusterKey, "clusterKey is null");
    members = List.copyOf(requireNonNull(members, "members is null"));
    eventIds = List.copyOf(requireNonNull(eventIds, "eventIds is null"));
  }
}
