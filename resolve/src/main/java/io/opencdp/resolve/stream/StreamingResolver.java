package io.opencdp.resolve.stream;

import static java.util.Objects.requireNonNull;

import io.opencdp.resolve.guardrail.DropReason;
import io.opencdp.resolve.guardrail.IdentifierKey;
import io.opencdp.resolve.guardrail.IdentifierLimits;
import io.opencdp.resolve.guardrail.IdentifierUsage;
import io.opencdp.resolve.guardrail.IdentityLink;
import io.opencdp.resolve.guardrail.LinkDecision;
import io.opencdp.resolve.guardrail.LinkGuardrails;
import io.opencdp.resolve.guardrail.MatchLinkGuard;
import io.opencdp.resolve.guardrail.NeverLinkRules;
import io.opencdp.resolve.guardrail.Resolution;
import io.opencdp.resolve.guardrail.SharedIdentifierDetector;
import io.opencdp.resolve.ids.Assignment;
import io.opencdp.resolve.ids.NewComponent;
import io.opencdp.resolve.ids.Overlap;
import io.opencdp.resolve.ids.PreviousId;
import io.opencdp.resolve.ids.ProfileIdAssigner;
import io.opencdp.resolve.ids.ProfileIdRules;
import io.opencdp.resolve.match.MatchModelStore;
import io.opencdp.resolve.match.MatchSettings;
import io.opencdp.resolve.match.PersonValues;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.event.Identifier;
import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.event.TouchpointEvent;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Deterministic identity resolution one event at a time, with the batch's rules (docs/streaming.md,
 * "Incremental resolution"): an event's identifiers are recorded with their usage, the candidate
 * component it touches is walked (identifier → events → their usable identifiers), its links are
 * rebuilt as {@code IdentityClustering} builds them (a star from each event's highest-priority
 * usable identifier; per pair the earliest time and smallest event id) and resolved by {@link
 * LinkGuardrails#resolve} in the batch's two passes, and the clusters get their ids from {@link
 * ProfileIdAssigner}. The result after any set of events is what the batch computes from them,
 * whatever their arrival order.
 *
 * <p>With a {@link StreamMatcher} (the batch's trained model) it also links probabilistically
 * (docs/streaming.md, "Probabilistic matching"): each named event's match-value vector is blocked
 * and scored against its block-mates once, the walk also follows pairs at the link threshold and
 * the touched profiles, and the match component's candidate groups are joined by {@link
 * MatchLinkGuard} as {@code ProbabilisticLinking} joins them. Immutable and serializable; all state
 * is in the {@link StreamState} passed in.
 */
public final class StreamingResolver implements Serializable {
  private static final long serialVersionUID = 1L;

  /** How many name keys per identifier are kept: the batch's sample size. */
  public static final int MAX_NAME_KEYS = 64;

  /** Distinct customer ids kept per identifier: enough for any sensible shared threshold. */
  static final int MAX_CUSTOMER_IDS = 16;

  /** The types whose usage the shared-identifier rule counts (as the batch's statistics do). */
  private static final Set<IdentifierType> COUNTED =
      EnumSet.of(
          IdentifierType.EMAIL,
          IdentifierType.PHONE,
          IdentifierType.DEVICE_ID,
          IdentifierType.ANONYMOUS_ID);

  /** Limits whose dropped links reveal an identifier used by two customers (batch: bridges). */
  private static final Set<String> BRIDGE_RULES = Set.of("limit:customer_id", "limit:loyalty_id");

  private final LinkGuardrails guardrails;
  private final NeverLinkRules neverLink;
  private final StreamMatcher matcher;

  /** Whether the matcher decides links; false when building a seed, where only pins join. */
  private final boolean decides;

  /** Deterministic stitching only. */
  public StreamingResolver(LinkGuardrails guardrails, NeverLinkRules neverLink) {
    this(guardrails, neverLink, null);
  }

  /**
   * @param matcher the batch's model and settings to link probabilistically with; null links
   *     deterministically only
   */
  public StreamingResolver(
      LinkGuardrails guardrails, NeverLinkRules neverLink, StreamMatcher matcher) {
    this(guardrails, neverLink, matcher, true);
  }

  private StreamingResolver(
      LinkGuardrails guardrails, NeverLinkRules neverLink, StreamMatcher matcher, boolean decides) {
    this.guardrails = requireNonNull(guardrails, "guardrails is null");
    this.neverLink = requireNonNull(neverLink, "neverLink is null");
    this.matcher = matcher;
    this.decides = decides;
  }

  /**
   * The resolver a seed is built with ({@link StreamSeed}): the same rules, and with a matcher the
   * same matching state (vectors, blocks, term counts, scored pairs), but the only probabilistic
   * joins are the pinned ones, the batch's.
   */
  public StreamingResolver seeding() {
    return new StreamingResolver(guardrails, neverLink, matcher, false);
  }

  /**
   * The stream's resolver for {@code config}: it links probabilistically too when {@code
   * resolve.match.enabled} and the batch has a model ({@code <work_dir>/match/model.json}); the
   * stream never trains one.
   */
  public static StreamingResolver of(CdpConfig config, NeverLinkRules neverLink) {
    StreamMatcher matcher = null;
    if (config.resolve().match().enabled()) {
      matcher =
          new MatchModelStore(config.workDir())
              .loadCurrent()
              .map(model -> new StreamMatcher(model, MatchSettings.from(config.resolve().match())))
              .orElse(null);
    }
    return new StreamingResolver(
        LinkGuardrails.from(config.resolve().guardrails()), neverLink, matcher);
  }

  /**
   * The same resolver honouring {@code rules} instead: the operators' overrides a seed carries
   * (docs/streaming.md, "Reconciliation").
   */
  public StreamingResolver withNeverLink(NeverLinkRules rules) {
    return new StreamingResolver(guardrails, rules, matcher, decides);
  }

  /** Whether it links probabilistically too. */
  public boolean matching() {
    return matcher != null;
  }

  /**
   * Resolves {@code event} against {@code state} and updates it; an event id seen before changes
   * nothing (a replay).
   */
  public StitchOutcome resolve(TouchpointEvent event, StreamState state) {
    requireNonNull(event, "event is null");
    requireNonNull(state, "state is null");
    EventNode known = state.events().get(event.eventId());
    if (known != null) {
      return new StitchOutcome(
          event.eventId(), known.profileId(), List.of(), Map.of(), List.of(), List.of(), List.of());
    }
    Pass pass = new Pass(state);
    List<String> sharedNow = pass.record(event);
    pass.walk(pass.seedFrom(event.eventId()));
    pass.cluster();
    if (matcher != null) {
      pass.grow();
    }
    pass.join();
    pass.assignIds();
    return pass.write(event.eventId(), sharedNow);
  }

  /**
   * The shared identifiers the profile's events carry (usage-shared, or a bridge between two
   * customers): the profile lists them, flagged, as the batch's {@code identity_map} does.
   */
  public List<IdentifierKey> sharedOn(ProfileNode profile, StreamState state) {
    Set<String> shared = new TreeSet<>();
    for (String eventId : profile.eventIds()) {
      EventNode e = state.events().get(eventId);
      if (e == null) {
        continue;
      }
      for (String id : e.identifiers()) {
        IdentifierNode node = state.identifiers().get(id);
        if (node != null && (node.shared() || node.bridgeReason() != null)) {
          shared.add(id);
        }
      }
    }
    return shared.stream().map(StreamingResolver::key).toList();
  }

  /** {@code type:value} back to a key; the type's wire name never holds a colon. */
  public static IdentifierKey key(String id) {
    int colon = id.indexOf(':');
    return IdentifierKey.of(
        IdentifierType.fromWireName(id.substring(0, colon)), id.substring(colon + 1));
  }

  /** One event's resolution: the working sets of the component it touches. */
  private final class Pass {
    private final StreamState state;
    private final IdentifierLimits limits = guardrails.limits();
    private final Map<String, IdentifierNode> nodes = new HashMap<>();
    private final Map<String, EventNode> events = new TreeMap<>();
    private final Set<String> seeds = new LinkedHashSet<>();
    private final Set<String> seen = new HashSet<>();

    /** Identifiers this event made shared, or personal again. */
    private final List<String> flipped = new ArrayList<>();

    private final Set<String> componentIds = new TreeSet<>();

    /**
     * Pinned anchors read by the walk, and each candidate group pinned to another → its set's key.
     */
    private final Map<String, List<String>> pinned = new HashMap<>();

    private final Map<String, String> pinRoot = new HashMap<>();

    /** Identifier → cluster key, after the last pass; bridges → their rule. */
    private final Map<String, String> clusterOf = new HashMap<>();

    private final Map<String, String> bridges = new HashMap<>();

    /** Event → the identifier it is anchored on after the last pass (null: unplaced). */
    private final Map<String, String> anchorOf = new HashMap<>();

    private Assignment assignment;
    private final Map<String, Instant> firstSeen = new HashMap<>();

    /** The event resolved; with matching, its match values, and each event's candidate group. */
    private String eventId;

    private String[] values;

    private final Map<String, String> groupOf = new HashMap<>();

    /** With matching: for every group joined to another, the joined set's key. */
    private Map<String, String> rootOf = Map.of();

    /** The ids of this pass's walk-in profiles, by key. */
    private final Map<String, String> walkInIds = new HashMap<>();

    Pass(StreamState state) {
      this.state = state;
    }

    /** Records the event and its identifiers' usage; returns the identifiers it made shared. */
    List<String> record(TouchpointEvent event) {
      String nameKey =
          event.person() == null
                  || (event.person().firstName() == null && event.person().lastName() == null)
              ? null
              : SharedIdentifierDetector.nameKey(
                  event.person().firstName(), event.person().lastName());
      Set<IdentifierKey> keys = new TreeSet<>(Comparator.comparing(IdentifierKey::toString));
      for (Identifier i : event.identifiers()) {
        if (i.valid() && i.normalized() != null) {
          IdentifierKey k = IdentifierKey.of(i.type(), i.normalized());
          if (!guardrails.blocked().isBlocked(k)) {
            keys.add(k);
          }
        }
      }
      List<String> customers =
          keys.stream()
              .filter(k -> k.type() == IdentifierType.CUSTOMER_ID)
              .map(IdentifierKey::value)
              .toList();
      List<String> sharedNow = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      for (IdentifierKey k : keys) {
        String id = k.toString();
        ids.add(id);
        IdentifierNode node = node(id);
        List<String> names = node.nameKeys();
        List<String> customerIds = node.customerIds();
        if (COUNTED.contains(k.type())) {
          names = withNameKey(names, nameKey);
          customerIds = withCustomers(customerIds, customers);
        }
        List<String> eventIds = new ArrayList<>(node.eventIds());
        eventIds.add(event.eventId());
        String reason =
            guardrails
                .sharedDetector()
                .check(IdentifierUsage.of(k, names, customerIds.size()))
                .map(DropReason::code)
                .orElse(null);
        if (!Objects.equals(reason, node.sharedReason())) {
          // counting persons by name is not monotonic (a new spelling can join two), so the
          // verdict is taken again on every event, as the batch takes it on all of them
          flipped.add(id);
          if (reason != null) {
            sharedNow.add(id);
          }
        }
        nodes.put(
            id,
            new IdentifierNode(
                names, customerIds, reason, eventIds, node.profileId(), node.bridgeReason()));
      }
      eventId = event.eventId();
      String vector = null;
      if (matcher != null) {
        PersonValues person = PersonValues.of(event);
        if (person.named()) {
          values = person.values();
          vector = StreamMatcher.vectorId(values);
        }
      }
      events.put(
          event.eventId(),
          new EventNode(
              event.eventId(),
              event.occurredAt(),
              event.receivedAt(),
              nameKey != null,
              ids,
              null,
              null,
              vector));
      return sharedNow;
    }

    /**
     * Where to walk from: the event's identifiers and its own pins, and those of every event a
     * newly shared identifier had (a walk stops at a shared identifier, so those events' pins would
     * not be read otherwise: a walk-in line that carried the store's phone before it was found
     * shared would lose its walk-in profile).
     */
    List<String> seedFrom(String eventId) {
      seeds.addAll(events.get(eventId).identifiers());
      Set<String> pinsToo = new TreeSet<>();
      pinsToo.add(MatchLinkGuard.unplacedGroup(eventId));
      for (String id : flipped) {
        for (String other : node(id).eventIds()) {
          EventNode e = event(other);
          if (e != null) {
            seeds.addAll(e.identifiers());
            pinsToo.add(MatchLinkGuard.unplacedGroup(other));
          }
        }
      }
      List<String> from = new ArrayList<>(seeds);
      from.addAll(pinsToo);
      return from;
    }

    /**
     * Extends the candidate component from {@code from} (identifiers, or {@code event:<id>}):
     * identifier → its events → their identifiers, shared ones cut, and along the pinned joins of
     * identifiers and named events to the anchors they are pinned to.
     */
    void walk(Collection<String> from) {
      Deque<String> queue = new ArrayDeque<>();
      for (String id : from) {
        if (seen.add(id)) {
          queue.add(id);
        }
      }
      while (!queue.isEmpty()) {
        String id = queue.poll();
        if (id.startsWith(MatchLinkGuard.UNPLACED_PREFIX)) {
          EventNode e = event(id.substring(MatchLinkGuard.UNPLACED_PREFIX.length()));
          if (e != null) {
            visit(e, queue);
          }
          continue;
        }
        IdentifierNode node = node(id);
        if (node.shared() || node.eventIds().isEmpty()) {
          continue; // shared, or a pinned anchor not seen yet
        }
        componentIds.add(id);
        follow(pinsOf(id), queue);
        for (String eventId : node.eventIds()) {
          EventNode e = event(eventId);
          if (e != null) {
            visit(e, queue);
          }
        }
      }
    }

    private void visit(EventNode e, Deque<String> queue) {
      follow(e.identifiers(), queue);
      if (e.named()) {
        follow(pinsOf(MatchLinkGuard.unplacedGroup(e.eventId())), queue);
      }
    }

    private void follow(List<String> next, Deque<String> queue) {
      for (String id : next) {
        if (seen.add(id)) {
          queue.add(id);
        }
      }
    }

    /** The anchors {@code anchor} is pinned to (read once per pass). */
    private List<String> pinsOf(String anchor) {
      return pinned.computeIfAbsent(
          anchor,
          k -> {
            PinNode p = state.pins().get(k);
            return p == null ? List.of() : p.anchors();
          });
    }

    /** The batch's two passes over the component's links. */
    void cluster() {
      clusterOf.clear();
      bridges.clear();
      anchorOf.clear();
      Resolution first = guardrails.resolve(links(Set.of()), k -> false, neverLink);
      for (LinkDecision d : first.dropped()) {
        if (BRIDGE_RULES.contains(d.reason().code())) {
          bridges.merge(
              d.reason().identifier().toString(), d.reason().code(), StreamingResolver::min);
        }
      }
      Resolution last =
          bridges.isEmpty()
              ? first
              : guardrails.resolve(links(bridges.keySet()), k -> false, neverLink);
      last.clusterKeys().forEach((id, key) -> clusterOf.put(id.toString(), key.toString()));
      for (String id : componentIds) {
        if (!bridges.containsKey(id)) {
          clusterOf.putIfAbsent(id, id); // never linked: a cluster of its own
        }
      }
      for (EventNode e : events.values()) {
        anchorOf.put(e.eventId(), anchor(e, bridges.keySet()));
      }
    }

    /**
     * The probabilistic step's first half: the event's vector is compared with its block-mates if
     * new, and (when the matcher decides) the component grows along pairs at the link threshold and
     * along the profiles it touches until closed.
     */
    void grow() {
      MatchStep step = new MatchStep(matcher, state);
      String newVector = events.get(eventId).vector();
      if (newVector != null) {
        step.ensure(newVector, values);
      }
      regroup(step);
      if (newVector != null) {
        step.compare(newVector);
      }
      if (decides && expand(step)) {
        cluster();
        regroup(step);
      }
      this.step = step;
    }

    /**
     * Joins the candidate groups: first those the batch's pins join (each pinned set keyed by its
     * smallest group key among the groups with identifiers, as {@link MatchLinkGuard} keys a joined
     * set), then, when the matcher decides, the pinned sets under the guard.
     */
    void join() {
      pin();
      if (step != null && decides) {
        Map<String, Set<String>> vectorsOf = new TreeMap<>();
        for (EventNode e : events.values()) {
          if (e.vector() != null) {
            vectorsOf
                .computeIfAbsent(pinned(groupOf.get(e.eventId())), k -> new TreeSet<>())
                .add(e.vector());
          }
        }
        Map<String, Set<IdentifierKey>> identifiersOf = new HashMap<>();
        clusterOf.forEach(
            (id, key) ->
                identifiersOf.computeIfAbsent(pinned(key), k -> new HashSet<>()).add(key(id)));
        rootOf =
            step.decide(
                vectorsOf, identifiersOf, new MatchLinkGuard(guardrails.limits(), neverLink));
      }
      if (!pinRoot.isEmpty() || !rootOf.isEmpty()) {
        clusterOf.replaceAll((id, key) -> joined(key));
      }
    }

    /** The key of the set a deterministic candidate group is joined into (itself if none). */
    private String joined(String group) {
      String set = pinned(group);
      return rootOf.getOrDefault(set, set);
    }

    private String pinned(String group) {
      return pinRoot.getOrDefault(group, group);
    }

    /** The pinned sets among the working set's candidate groups. */
    private void pin() {
      pinRoot.clear();
      pinRoot.putAll(PinnedSets.keys(pinned, this::groupOfAnchor));
    }

    /** The deterministic candidate group an anchor is in now, or null (not in the working set). */
    private String groupOfAnchor(String anchor) {
      if (anchor.startsWith(MatchLinkGuard.UNPLACED_PREFIX)) {
        String id = anchor.substring(MatchLinkGuard.UNPLACED_PREFIX.length());
        EventNode e = events.get(id);
        if (e == null) {
          return null;
        }
        String at = anchorOf.get(id);
        return at == null ? anchor : clusterOf.get(at);
      }
      return clusterOf.get(anchor);
    }

    private MatchStep step;

    /** Each named event's vector follows it to its current candidate group. */
    private void regroup(MatchStep step) {
      for (EventNode e : events.values()) {
        if (e.vector() == null) {
          continue;
        }
        String anchor = anchorOf.get(e.eventId());
        String group =
            anchor == null ? MatchLinkGuard.unplacedGroup(e.eventId()) : clusterOf.get(anchor);
        String had = groupOf.containsKey(e.eventId()) ? groupOf.get(e.eventId()) : e.group();
        step.regroup(e.vector(), had, group);
        groupOf.put(e.eventId(), group);
      }
    }

    /**
     * Grows the working set to the whole match component: the profiles its events are in (a
     * previous join is decided again as a whole) and the groups of every vector paired with one of
     * its vectors at the link threshold; returns whether it grew.
     */
    private boolean expand(MatchStep step) {
      Set<String> expanded = new HashSet<>();
      Set<String> profilesSeen = new HashSet<>();
      Set<String> vectorsSeen = new HashSet<>();
      boolean grew = false;
      while (true) {
        List<String> moreIds = new ArrayList<>();
        Set<String> moreEvents = new TreeSet<>();
        for (EventNode e : List.copyOf(events.values())) {
          if (!expanded.add(e.eventId())) {
            continue;
          }
          if (e.profileId() != null && profilesSeen.add(e.profileId())) {
            ProfileNode p = state.profiles().get(e.profileId());
            if (p != null) {
              moreIds.addAll(p.members());
              moreEvents.addAll(p.eventIds());
            }
          }
          if (e.vector() != null && vectorsSeen.add(e.vector())) {
            for (String group : step.linkedGroups(e.vector())) {
              if (group.startsWith(MatchLinkGuard.UNPLACED_PREFIX)) {
                moreEvents.add(group.substring(MatchLinkGuard.UNPLACED_PREFIX.length()));
              } else {
                moreIds.add(group);
              }
            }
          }
        }
        int before = events.size();
        seeds.addAll(moreIds);
        List<String> from = new ArrayList<>(moreIds);
        for (String id : moreEvents) {
          event(id);
          from.add(MatchLinkGuard.unplacedGroup(id)); // and its pins
        }
        walk(from);
        if (events.size() == before) {
          return grew;
        }
        grew = true;
      }
    }

    /** The key of the profile an event is in after this pass, or null. */
    private String keyOf(EventNode e) {
      String anchor = anchorOf.get(e.eventId());
      if (anchor != null) {
        return clusterOf.get(anchor);
      }
      String group = MatchLinkGuard.unplacedGroup(e.eventId());
      String key = joined(group);
      if (!key.equals(group)) {
        return key;
      }
      // the key record of a walk-in profile: its group is joined, to itself
      return pinRoot.containsKey(group) || rootOf.containsKey(pinned(group)) ? key : null;
    }

    /** Profile ids for the clusters, against the ids their identifiers had. */
    void assignIds() {
      Map<String, Map<String, Long>> overlaps = new TreeMap<>();
      Set<String> previous = new TreeSet<>();
      clusterOf.forEach(
          (id, key) -> {
            String had = node(id).profileId();
            if (had != null) {
              overlaps.computeIfAbsent(key, k -> new TreeMap<>()).merge(had, 1L, Long::sum);
              previous.add(had);
            }
          });
      for (String id : seeds) {
        if (node(id).profileId() != null) {
          previous.add(node(id).profileId());
        }
      }
      for (EventNode e : events.values()) {
        if (e.profileId() != null) {
          previous.add(e.profileId());
        }
      }
      Map<String, Map<String, Instant>> walkInEvents = new TreeMap<>();
      for (EventNode e : events.values()) {
        String key = keyOf(e);
        if (key != null) {
          firstSeen.merge(key, e.receivedAt(), StreamingResolver::earlier);
          if (MatchLinkGuard.isWalkIn(key)) {
            walkInEvents
                .computeIfAbsent(key, k -> new HashMap<>())
                .put(e.eventId(), e.receivedAt());
          }
        }
      }
      // walk-in profiles take the id of their earliest event, outside the identifier rules
      walkInIds.clear();
      walkInEvents.forEach(
          (key, received) -> walkInIds.put(key, ProfileIdRules.walkInId(received)));
      previous.removeAll(walkInIds.values());
      List<NewComponent> components = new ArrayList<>();
      for (String key : new TreeSet<>(clusterOf.values())) {
        components.add(new NewComponent(key, firstSeen.get(key)));
      }
      List<Overlap> overlapList = new ArrayList<>();
      Map<String, Instant> previousFirstSeen = new HashMap<>();
      List<PreviousId> previousIds = new ArrayList<>();
      for (String id : previous) {
        ProfileNode p = state.profiles().get(id);
        Instant seen = p == null ? null : p.firstSeen();
        previousFirstSeen.put(id, seen);
        previousIds.add(new PreviousId(id, seen));
      }
      overlaps.forEach(
          (key, byId) ->
              byId.forEach(
                  (id, shared) ->
                      overlapList.add(
                          new Overlap(
                              key, firstSeen.get(key), id, previousFirstSeen.get(id), shared))));
      assignment =
          ProfileIdAssigner.assign(
              components,
              overlapList,
              previousIds,
              id -> state.profiles().get(id) != null || state.formerIds().get(id) != null);
    }

    /** Writes the new state back and says what changed. */
    StitchOutcome write(String eventId, List<String> sharedNow) {
      Map<String, String> idOf = new HashMap<>(assignment.profileIds());
      idOf.putAll(walkInIds);
      Map<String, TreeSet<String>> members = new TreeMap<>();
      Map<String, TreeSet<String>> eventsOf = new TreeMap<>();
      List<StitchOutcome.Placement> placed = new ArrayList<>();
      clusterOf.forEach(
          (id, key) -> members.computeIfAbsent(idOf.get(key), k -> new TreeSet<>()).add(id));
      for (EventNode e : events.values()) {
        String key = keyOf(e);
        String profile = key == null ? null : idOf.get(key);
        if (profile != null) {
          eventsOf.computeIfAbsent(profile, k -> new TreeSet<>()).add(e.eventId());
        }
        String group = groupOf.get(e.eventId());
        if (!Objects.equals(profile, e.profileId())
            || !Objects.equals(group, e.group())
            || e.eventId().equals(eventId)) {
          state.events().put(e.eventId(), e.withProfile(profile, group));
        }
      }
      if (step != null) {
        step.write();
      }
      for (Map.Entry<String, IdentifierNode> n : nodes.entrySet()) {
        String id = n.getKey();
        IdentifierNode node = n.getValue();
        String key = clusterOf.get(id);
        String profile = node.shared() || key == null ? null : idOf.get(key);
        if (!componentIds.contains(id) && !node.shared()) {
          profile = node.profileId(); // outside the component: untouched
        }
        if (profile != null && !profile.equals(node.profileId())) {
          placed.add(new StitchOutcome.Placement(profile, id));
        }
        state
            .identifiers()
            .put(
                id,
                new IdentifierNode(
                    node.nameKeys(),
                    node.customerIds(),
                    node.sharedReason(),
                    node.eventIds(),
                    profile,
                    bridges.get(id)));
      }
      List<ProfileNode> updated = new ArrayList<>();
      for (Map.Entry<String, String> c : idOf.entrySet()) {
        String profileId = c.getValue();
        ProfileNode now =
            new ProfileNode(
                profileId,
                c.getKey(),
                firstSeen.get(c.getKey()),
                List.copyOf(members.getOrDefault(profileId, new TreeSet<>())),
                List.copyOf(eventsOf.getOrDefault(profileId, new TreeSet<>())));
        if (!now.equals(state.profiles().get(profileId))) {
          state.profiles().put(profileId, now);
          updated.add(now);
        }
      }
      assignment
          .merged()
          .forEach(
              (alias, survivor) -> {
                state.profiles().remove(alias);
                state.formerIds().put(alias, survivor);
              });
      for (String retired : assignment.retired()) {
        state.profiles().remove(retired);
        state.formerIds().put(retired, "");
      }
      String key = keyOf(events.get(eventId));
      String profileId = key == null ? null : idOf.get(key);
      return new StitchOutcome(
          eventId,
          profileId,
          updated,
          assignment.merged(),
          List.copyOf(assignment.retired()),
          sharedNow,
          placed);
    }

    /** The component's star links without {@code excluded} identifiers, deduplicated per pair. */
    private List<IdentityLink> links(Set<String> excluded) {
      Map<List<String>, Instant> seenAt = new HashMap<>();
      Map<List<String>, String> evidence = new HashMap<>();
      for (EventNode e : events.values()) {
        List<String> usable = usable(e, excluded);
        if (usable.size() < 2) {
          continue;
        }
        String anchor = usable.get(0);
        for (String other : usable.subList(1, usable.size())) {
          List<String> pair = List.of(anchor, other);
          seenAt.merge(pair, e.occurredAt(), StreamingResolver::earlier);
          evidence.merge(pair, e.eventId(), StreamingResolver::min);
        }
      }
      List<IdentityLink> links = new ArrayList<>(seenAt.size());
      seenAt.forEach(
          (pair, at) ->
              links.add(
                  new IdentityLink(key(pair.get(0)), key(pair.get(1)), evidence.get(pair), at)));
      return links;
    }

    /** The event's usable identifiers, the anchor (highest priority, then value) first. */
    private List<String> usable(EventNode e, Set<String> excluded) {
      List<IdentifierKey> keys = new ArrayList<>();
      for (String id : e.identifiers()) {
        if (!node(id).shared() && !excluded.contains(id)) {
          keys.add(key(id));
        }
      }
      keys.sort(limits.identifierOrder());
      return keys.stream().map(IdentifierKey::toString).toList();
    }

    private String anchor(EventNode e, Set<String> excluded) {
      List<String> usable = usable(e, excluded);
      return usable.isEmpty() ? null : usable.get(0);
    }

    private IdentifierNode node(String id) {
      return nodes.computeIfAbsent(
          id,
          k -> {
            IdentifierNode stored = state.identifiers().get(k);
            return stored != null
                ? stored
                : new IdentifierNode(List.of(), List.of(), null, List.of(), null, null);
          });
    }

    /** An event of the component, loaded once into the working set. */
    private EventNode event(String eventId) {
      return events.computeIfAbsent(eventId, k -> state.events().get(k));
    }
  }

  private static List<String> withNameKey(List<String> names, String nameKey) {
    if (nameKey == null || names.contains(nameKey)) {
      return names;
    }
    TreeSet<String> sorted = new TreeSet<>(names);
    sorted.add(nameKey);
    while (sorted.size() > MAX_NAME_KEYS) {
      sorted.pollLast();
    }
    return List.copyOf(sorted);
  }

  private static List<String> withCustomers(List<String> known, List<String> customers) {
    if (customers.isEmpty() || known.size() >= MAX_CUSTOMER_IDS) {
      return known;
    }
    Set<String> all = new TreeSet<>(known);
    for (String c : customers) {
      if (all.size() < MAX_CUSTOMER_IDS) {
        all.add(c);
      }
    }
    return List.copyOf(all);
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static String min(String a, String b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
