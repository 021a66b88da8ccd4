package io.opencdp.resolve.stream;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.event.TouchpointEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciliation's plain-Java core (docs/streaming.md, "Reconciliation"): the stream's state as the
 * batch resolve left the identity graph. The events the batch resolved are replayed through the
 * stream's own resolver with the batch's accepted probabilistic links pinned ({@link PinNode}) and
 * no link of the stream's model, so the seed's profiles are the batch's clusters; each is then
 * given the batch's profile id, and the batch's merged and retired ids are the seed's former ids.
 * The matching state (vectors, blocks, term counts) is the one the stream would have built from the
 * same events, so the stream's own matching goes on from there.
 */
public final class StreamSeed {
  private static final Logger LOG = LoggerFactory.getLogger(StreamSeed.class);

  private StreamSeed() {}

  /**
   * What the batch resolve decided.
   *
   * @param events the events it resolved
   * @param joins its accepted probabilistic links, as pairs of candidate groups ({@code
   *     match_links.left_group}, {@code right_group}: a cluster key or {@code event:<id>})
   * @param profileOf each placed event's profile id ({@code event_profiles})
   * @param formerIds every id it does not keep active: alias to surviving id ({@code
   *     profile_merges}), or {@code ""} when retired
   */
  public record BatchResult(
      List<TouchpointEvent> events,
      List<List<String>> joins,
      Map<String, String> profileOf,
      Map<String, String> formerIds) {
    public BatchResult {
      events = List.copyOf(requireNonNull(events, "events is null"));
      joins = List.copyOf(requireNonNull(joins, "joins is null"));
      profileOf = Map.copyOf(requireNonNull(profileOf, "profileOf is null"));
      formerIds = Map.copyOf(requireNonNull(formerIds, "formerIds is null"));
    }
  }

  /**
   * A built seed.
   *
   * @param state the stream's state as the batch left it
   * @param disagreements events the replay placed otherwise than the batch (0 unless the stream's
   *     rules and the batch's differ); such an event keeps the seed's placement
   */
  public record Seed(MemoryState state, long disagreements) {
    public Seed {
      requireNonNull(state, "state is null");
    }
  }

  /**
   * Builds the seed with {@code resolver}'s rules (its guardrails, never-link overrides and
   * matcher: the stream's; give it the batch's overrides).
   */
  public static Seed build(StreamingResolver resolver, BatchResult batch) {
    requireNonNull(resolver, "resolver is null");
    requireNonNull(batch, "batch is null");
    MemoryState state = StreamState.inMemory();
    pin(batch.joins(), state);
    StreamingResolver seeding = resolver.seeding();
    List<TouchpointEvent> events = new ArrayList<>(batch.events());
    events.sort(Comparator.comparing(TouchpointEvent::eventId)); // any order gives the same seed
    for (TouchpointEvent e : events) {
      seeding.resolve(e, state);
    }
    long disagreements = adoptIds(state, batch);
    state.formerIds().clear();
    batch.formerIds().forEach(state.formerIds()::put);
    LOG.info(
        "stream seed: {} events, {} profiles, {} pinned anchors; {} event(s) placed otherwise than"
            + " by the batch",
        events.size(),
        state.profiles().entries().size(),
        state.pins().entries().size(),
        disagreements);
    return new Seed(state, disagreements);
  }

  /**
   * Replaces {@code target}'s whole state by the seed's and resolves {@code newer} (events the
   * stream holds that the batch did not resolve) on top with {@code live}, in the order given;
   * returns what each of them changed.
   */
  public static List<StitchOutcome> reconcile(
      StreamState target,
      MemoryState seed,
      Iterable<TouchpointEvent> newer,
      StreamingResolver live) {
    requireNonNull(target, "target is null");
    requireNonNull(seed, "seed is null");
    requireNonNull(newer, "newer is null");
    requireNonNull(live, "live is null");
    target.clear();
    seed.copyTo(target);
    List<StitchOutcome> outcomes = new ArrayList<>();
    for (TouchpointEvent e : newer) {
      outcomes.add(live.resolve(e, target));
    }
    return outcomes;
  }

  private static void pin(List<List<String>> joins, MemoryState state) {
    Map<String, TreeSet<String>> anchors = new TreeMap<>();
    for (List<String> join : joins) {
      if (join.size() != 2) {
        throw new IllegalArgumentException("a join is a pair of groups, not " + join);
      }
      anchors.computeIfAbsent(join.get(0), k -> new TreeSet<>()).add(join.get(1));
      anchors.computeIfAbsent(join.get(1), k -> new TreeSet<>()).add(join.get(0));
    }
    anchors.forEach((anchor, to) -> state.pins().put(anchor, new PinNode(List.copyOf(to))));
  }

  /** Renames the seed's profiles to the batch's ids; returns the events placed otherwise. */
  private static long adoptIds(MemoryState state, BatchResult batch) {
    Map<String, Map<String, Long>> votes = new TreeMap<>();
    long disagreements = 0;
    for (EventNode e : state.events().entries().values()) {
      String theirs = batch.profileOf().get(e.eventId());
      if (e.profileId() == null || theirs == null) {
        disagreements += e.profileId() == null && theirs == null ? 0 : 1;
        continue;
      }
      votes.computeIfAbsent(e.profileId(), k -> new TreeMap<>()).merge(theirs, 1L, Long::sum);
    }
    Map<String, String> rename = new HashMap<>();
    Map<String, String> claimedBy = new HashMap<>();
    votes.forEach(
        (ours, theirs) -> {
          String best =
              theirs.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
          if (claimedBy.putIfAbsent(best, ours) == null) {
            rename.put(ours, best);
          }
        });
    for (EventNode e : state.events().entries().values()) {
      String theirs = batch.profileOf().get(e.eventId());
      if (e.profileId() != null
          && theirs != null
          && !theirs.equals(rename.getOrDefault(e.profileId(), e.profileId()))) {
        disagreements++;
      }
    }
    List<ProfileNode> profiles = new ArrayList<>(state.profiles().entries().values());
    state.profiles().clear();
    for (ProfileNode p : profiles) {
      String id = rename.getOrDefault(p.profileId(), p.profileId());
      state
          .profiles()
          .put(id, new ProfileNode(id, p.clusterKey(), p.firstSeen(), p.members(), p.eventIds()));
    }
    for (Map.Entry<String, IdentifierNode> i :
        List.copyOf(state.identifiers().entries().entrySet())) {
      IdentifierNode n = i.getValue();
      String id = n.profileId() == null ? null : rename.get(n.profileId());
      if (id != null) {
        state
            .identifiers()
            .put(
                i.getKey(),
                new IdentifierNode(
                    n.nameKeys(),
                    n.customerIds(),
                    n.sharedReason(),
                    n.eventIds(),
                    id,
                    n.bridgeReason()));
      }
    }
    for (EventNode e : List.copyOf(state.events().entries().values())) {
      String id = e.profileId() == null ? null : rename.get(e.profileId());
      if (id != null) {
        state.events().put(e.eventId(), e.withProfile(id, e.group()));
      }
    }
    return disagreements;
  }
}
