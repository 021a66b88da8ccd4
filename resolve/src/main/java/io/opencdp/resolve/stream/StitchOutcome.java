package io.opencdp.resolve.stream;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * What one event changed.
 *
 * @param eventId the event
 * @param profileId the profile it now belongs to; null when nothing placed it (no usable identifier
 *     and no name)
 * @param updated every profile whose members or events changed, as it is now
 * @param merged ids that stopped being active because their profile merged into another: alias to
 *     surviving id
 * @param retired ids that stopped being active with no identifier left in any profile
 * @param sharedNow identifiers ({@code type:value}) this event made shared
 * @param placed identifiers this event placed in a profile they were not in before (new, moved by a
 *     merge or a split): what the batch reads to keep the ids the stream gave out
 */
public record StitchOutcome(
    String eventId,
    String profileId,
    List<ProfileNode> updated,
    Map<String, String> merged,
    List<String> retired,
    List<String> sharedNow,
    List<Placement> placed) {
  public StitchOutcome {
    requireNonNull(eventId, "eventId is null");
    updated = List.copyOf(requireNonNull(updated, "updated is null"));
    merged = Map.copyOf(requireNonNull(merged, "merged is null"));
    retired = List.copyOf(requireNonNull(retired, "retired is null"));
    sharedNow = List.copyOf(requireNonNull(sharedNow, "sharedNow is null"));
    placed = List.copyOf(requireNonNull(placed, "placed is null"));
  }

  /** An identifier ({@code type:value}) now in the profile {@code profileId}. */
  public record Placement(String profileId, String identifier) {
    public Placement {
      requireNonNull(profileId, "profileId is null");
      requireNonNull(identifier, "identifier is null");
    }
  }
}
