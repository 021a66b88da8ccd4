package io.opencdp.resolve.stream;

import io.opencdp.resolve.guardrail.GroupFacts;
import io.opencdp.resolve.guardrail.IdentifierKey;
import io.opencdp.resolve.guardrail.MatchLink;
import io.opencdp.resolve.guardrail.MatchLinkGuard;
import io.opencdp.resolve.match.BlockRefinement;
import io.opencdp.resolve.match.BlockingRule;
import io.opencdp.resolve.match.Comparisons;
import io.opencdp.resolve.match.LinkEvidence;
import io.opencdp.resolve.match.MatchField;
import io.opencdp.resolve.match.MatchRecord;
import io.opencdp.resolve.match.PairScorer;
import io.opencdp.resolve.match.TermShares;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The probabilistic part of one event's resolution, over working copies of the matching state
 * (vectors, blocks, term counts) written back at the end: a new vector is indexed and compared with
 * its block-mates, vectors move between groups as deterministic stitching regroups their events
 * (which changes the record and term counts), and a match component's links are decided by {@link
 * MatchLinkGuard}.
 */
final class MatchStep {
  private final StreamMatcher matcher;
  private final PairScorer scorer;
  private final StreamState state;
  private final Map<String, Working> vectors = new HashMap<>();
  private final Map<String, Long> terms = new HashMap<>();
  private final Set<String> changedTerms = new HashSet<>();
  private final Map<String, List<Linked>> linked = new HashMap<>();
  private final TermShares shares = this::share;
  private final Map<String, String> recordIds = new HashMap<>();

  MatchStep(StreamMatcher matcher, StreamState state) {
    this.matcher = matcher;
    this.scorer = matcher.scorer();
    this.state = state;
  }

  /** Makes sure the vector exists; a new one is indexed and compared by {@link #compare}. */
  void ensure(String id, String[] values) {
    if (!vectors.containsKey(id)) {
      VectorNode stored = state.vectors().get(id);
      vectors.put(
          id,
          stored == null
              ? new Working(id, values, new TreeMap<>(), new TreeMap<>(), true)
              : new Working(stored, id));
    }
  }

  /**
   * One event of vector {@code id} moves from group {@code from} to group {@code to} (null: none).
   */
  void regroup(String id, String from, String to) {
    if (Objects.equals(from, to)) {
      return;
    }
    Working v = vector(id);
    int before = v.groups.size();
    if (from != null) {
      v.groups.computeIfPresent(from, (g, n) -> n > 1 ? n - 1 : null);
    }
    if (to != null) {
      v.groups.merge(to, 1, Integer::sum);
    }
    v.changed = true;
    int delta = v.groups.size() - before;
    if (delta != 0) {
      // a record is a vector within a group: the term counts count records, as the batch's do
      for (MatchField field : matcher.termFields()) {
        String value = v.record.get(field);
        if (value != null) {
          addTerm(field.wireName() + ":" + value, delta);
          addTerm(field.wireName(), delta);
        }
      }
    }
  }

  /**
   * Indexes a vector seen for the first time and compares it with its block-mates under every
   * blocking rule, with the batch's refinement and cap applied to the blocks as they are now; pairs
   * the guard could accept are kept as edges on both vectors.
   */
  void compare(String id) {
    Working v = vector(id);
    if (!v.fresh) {
      return;
    }
    v.fresh = false;
    Set<String> mates = new TreeSet<>();
    BlockRefinement refinement = matcher.refinement();
    List<BlockingRule> rules = matcher.blocking();
    for (int r = 0; r < rules.size(); r++) {
      String key = rules.get(r).keyOf(v.record);
      if (key == null) {
        continue;
      }
      String blockKey = r + ":" + key;
      BlockNode block = state.blocks().get(blockKey);
      List<String> ids = new ArrayList<>(block == null ? List.of() : block.vectorIds());
      List<Working> members = new ArrayList<>(ids.size() + 1);
      for (String other : ids) {
        members.add(vector(other));
      }
      members.add(v);
      int depth = 0;
      while (refinement.splits(records(members), depth)) {
        int d = depth;
        String part = refinement.part(v.record, d);
        members.removeIf(m -> !Objects.equals(refinement.part(m.record, d), part));
        depth++;
      }
      if (records(members) <= matcher.maxBlockSize()) {
        for (Working m : members) {
          if (m != v) {
            mates.add(m.id);
          }
        }
      }
      ids.add(id);
      state.blocks().put(blockKey, new BlockNode(ids));
    }
    for (String mateId : mates) {
      Working mate = vector(mateId);
      int[] levels = scorer.comparisons().levels(v.record, mate.record);
      if (acceptable(scorer.evidence(levels))) {
        long pattern = Comparisons.encode(levels);
        v.edges.put(mateId, pattern);
        mate.edges.put(id, pattern);
        mate.changed = true;
      }
    }
    v.changed = true;
  }

  /** The groups of every vector linked to {@code id} (itself included) at the link threshold. */
  Set<String> linkedGroups(String id) {
    Set<String> groups = new TreeSet<>();
    for (Linked l : linked(id)) {
      groups.addAll(vector(l.other).groups.keySet());
    }
    return groups;
  }

  /**
   * Decides the links between the groups of one match component under the guard, as the batch
   * decides them: one link per pair of records (a vector within a group) at or above the link
   * threshold, scored with the current term counts.
   *
   * @param vectorsOf each group of the component and its vectors
   * @param identifiersOf each group's identifiers (none for {@code event:<id>} groups)
   * @return for every group joined to another, the key of the joined set
   */
  Map<String, String> decide(
      Map<String, Set<String>> vectorsOf,
      Map<String, Set<IdentifierKey>> identifiersOf,
      MatchLinkGuard guard) {
    Map<String, Set<String>> groupsOf = new TreeMap<>();
    vectorsOf.forEach(
        (group, ids) ->
            ids.forEach(v -> groupsOf.computeIfAbsent(v, k -> new TreeSet<>()).add(group)));
    List<MatchLink> links = new ArrayList<>();
    Set<String> named = new TreeSet<>();
    for (Map.Entry<String, Set<String>> v : groupsOf.entrySet()) {
      for (Linked l : linked(v.getKey())) {
        Set<String> others = groupsOf.get(l.other);
        if (others == null || l.other.compareTo(v.getKey()) < 0) {
          continue;
        }
        boolean self = l.other.equals(v.getKey());
        LinkEvidence evidence = scorer.evidence(l.levels);
        for (String a : v.getValue()) {
          for (String b : others) {
            if (a.equals(b) || (self && a.compareTo(b) > 0)) {
              continue;
            }
            // oriented by record id as the batch orients its pairs: equally strong links are
            // then taken in the batch's order
            String aRecord = recordId(a, v.getKey());
            String bRecord = recordId(b, l.other);
            boolean aLeft = aRecord.compareTo(bRecord) < 0;
            links.add(
                new MatchLink(
                    aLeft ? a : b,
                    aLeft ? b : a,
                    l.probability,
                    aLeft ? aRecord : bRecord,
                    aLeft ? bRecord : aRecord,
                    evidence));
            named.add(a);
            named.add(b);
          }
        }
      }
    }
    if (links.isEmpty()) {
      return Map.of();
    }
    List<GroupFacts> facts = new ArrayList<>();
    int birth = MatchField.BIRTH_DATE.ordinal();
    for (String group : named) {
      Set<String> births = new TreeSet<>();
      for (String v : vectorsOf.get(group)) {
        String date = vector(v).record.values()[birth];
        if (date != null) {
          births.add(date);
        }
      }
      facts.add(new GroupFacts(group, identifiersOf.getOrDefault(group, Set.of()), births));
    }
    return guard.apply(facts, links).rootOf();
  }

  private String recordId(String group, String vectorId) {
    return recordIds.computeIfAbsent(
        group + "\u001f" + vectorId,
        k -> MatchRecord.idOf(group, vector(vectorId).record.values()));
  }

  /** Writes what changed back to the state. */
  void write() {
    for (Working v : vectors.values()) {
      if (v.changed) {
        state
            .vectors()
            .put(v.id, new VectorNode(Arrays.asList(v.record.values()), v.groups, v.edges));
      }
    }
    for (String key : changedTerms) {
      long count = terms.get(key);
      if (count == 0) {
        state.terms().remove(key);
      } else {
        state.terms().put(key, count);
      }
    }
  }

  /** A vector's pairs (itself included) at or above the link threshold, scored now. */
  private List<Linked> linked(String id) {
    List<Linked> known = linked.get(id);
    if (known != null) {
      return known;
    }
    Working v = vector(id);
    List<Linked> result = new ArrayList<>();
    int[] self = scorer.comparisons().levels(v.record, v.record);
    if (acceptable(scorer.evidence(self))) {
      add(result, v, id, self);
    }
    v.edges.forEach(
        (other, pattern) -> add(result, v, other, scorer.comparisons().decode(pattern)));
    linked.put(id, result);
    return result;
  }

  private void add(List<Linked> result, Working v, String other, int[] levels) {
    double p = scorer.score(levels, v.record, shares).probability();
    if (p >= matcher.linkThreshold()) {
      result.add(new Linked(other, levels, p));
    }
  }

  /** The guard refuses pairs whose names disagree or that nothing but the name speaks for. */
  private static boolean acceptable(LinkEvidence e) {
    return e.givenNamesAgree() && e.familyNamesAgree() && e.corroboration() > 0;
  }

  private static long records(List<Working> block) {
    long n = 0;
    for (Working m : block) {
      n += Math.max(1, m.groups.size());
    }
    return n;
  }

  private double share(MatchField field, String value) {
    long count = term(field.wireName() + ":" + value);
    long total = term(field.wireName());
    return count <= 0 || total <= 0 ? Double.NaN : (double) count / total;
  }

  private long term(String key) {
    return terms.computeIfAbsent(
        key,
        k -> {
          Long stored = state.terms().get(k);
          return stored == null ? 0L : stored;
        });
  }

  private void addTerm(String key, long delta) {
    terms.put(key, term(key) + delta);
    changedTerms.add(key);
    linked.clear(); // scores depend on the counts
  }

  private Working vector(String id) {
    Working v = vectors.get(id);
    if (v == null) {
      VectorNode stored = state.vectors().get(id);
      if (stored == null) {
        throw new IllegalStateException("match vector " + id + " is not in state");
      }
      v = new Working(stored, id);
      vectors.put(id, v);
    }
    return v;
  }

  private record Linked(String other, int[] levels, double probability) {}

  /** A vector being worked on. */
  private static final class Working {
    final String id;
    final MatchRecord record;
    final TreeMap<String, Integer> groups;
    final TreeMap<String, Long> edges;
    boolean fresh;
    boolean changed;

    Working(
        String id,
        String[] values,
        TreeMap<String, Integer> groups,
        TreeMap<String, Long> edges,
        boolean fresh) {
      this.id = id;
      this.record = new MatchRecord(id, id, values);
      this.groups = groups;
      this.edges = edges;
      this.fresh = fresh;
      this.changed = fresh;
    }

    Working(VectorNode stored, String id) {
      this(
          id,
          stored.values().toArray(new String[0]),
          new TreeMap<>(stored.groups()),
          new TreeMap<>(stored.edges()),
          false);
    }
  }
}
