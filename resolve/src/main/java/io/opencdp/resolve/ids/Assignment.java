package io.opencdp.resolve.ids;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The profile ids of one run.
 *
 * @param profileIds every component's id, by cluster key
 * @param created the ids given out for the first time
 * @param merged previous ids no component kept, each with the profile it is now an alias of
 * @param retired previous ids none of whose identifiers remain in any profile
 */
public record Assignment(
    Map<String, String> profileIds,
    Set<String> created,
    Map<String, String> merged,
    Set<String> retired) {
  public Assignment {
    profileIds =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(requireNonNull(profileIds, "profileIds is null")));
    created =
        Collections.unmodifiableSet(new TreeSet<>(requireNonNull(created, "created is null")));
    merged =
        Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(merged, "merged is null")));
    retired =
        Collections.unmodifiableSet(new TreeSet<>(requireNonNull(retired, "retired is null")));
  }
}
