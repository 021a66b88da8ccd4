package io.opencdp.resolve.stream;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One distinct match-value vector in the stream's state: what named events say about their person
 * as matching reads it ({@code PersonValues}), whoever said it. Within one profile candidate a
 * vector is one match record (the batch's collapse rule), so the vector stands for as many records
 * as it has groups.
 *
 * @param values the match values, indexed by {@code MatchField#ordinal()}, null where absent
 * @param groups the candidate groups its events are in (cluster key, or {@code event:<id>} for an
 *     event no identifier placed), each with its number of events
 * @param edges the vectors it was compared with whose pair the guard could accept (names agree,
 *     corroborated): other vector id to the pair's encoded comparison vector ({@code
 *     Comparisons#encode}); scored again with the current term frequencies whenever read
 */
public record VectorNode(
    List<String> values, Map<String, Integer> groups, Map<String, Long> edges) {
  public VectorNode {
    values =
        Collections.unmodifiableList(new ArrayList<>(requireNonNull(values, "values is null")));
    groups = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(groups, "groups is null")));
    edges = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(edges, "edges is null")));
  }
}
