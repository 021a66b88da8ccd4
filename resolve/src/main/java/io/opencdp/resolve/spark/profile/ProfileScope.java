package io.opencdp.resolve.spark.profile;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * Which profiles a build rebuilds: every profile (a full rebuild, which overwrites the table), or
 * only the given ids (an incremental caller's affected profiles: their rows are replaced, and a
 * listed id that no longer has events loses its row).
 *
 * @param all whether every profile is rebuilt
 * @param profileIds the profiles to rebuild when not {@code all}
 */
public record ProfileScope(boolean all, Set<String> profileIds) {
  private static final ProfileScope ALL = new ProfileScope(true, Set.of());

  public ProfileScope {
    profileIds = Set.copyOf(requireNonNull(profileIds, "profileIds is null"));
    if (all && !profileIds.isEmpty()) {
      throw new IllegalArgumentException("a full rebuild takes no profile ids");
    }
  }

  /** Every profile. */
  public static ProfileScope everyProfile() {
    return ALL;
  }

  /** Only {@code profileIds}. */
  public static ProfileScope only(Set<String> profileIds) {
    return new ProfileScope(false, profileIds);
  }
}
