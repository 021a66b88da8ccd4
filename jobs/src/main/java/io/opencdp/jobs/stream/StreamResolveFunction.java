package io.opencdp.jobs.stream;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.type.TypeReference;
import io.opencdp.api.store.EventDocument;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.resolve.guardrail.IdentifierKey;
import io.opencdp.resolve.profile.ProfileAccumulator;
import io.opencdp.resolve.profile.ProfileRules;
import io.opencdp.resolve.stream.ProfileNode;
import io.opencdp.resolve.stream.SeedFile;
import io.opencdp.resolve.stream.StitchOutcome;
import io.opencdp.resolve.stream.StreamIdLog;
import io.opencdp.resolve.stream.StreamSeed;
import io.opencdp.resolve.stream.StreamState;
import io.opencdp.resolve.stream.StreamingResolver;
import io.opencdp.schemas.config.GuardrailConfig;
import io.opencdp.schemas.config.ProfilesConfig;
import io.opencdp.schemas.event.TouchpointEvent;
import io.opencdp.schemas.json.Json;
import io.opencdp.schemas.privacy.IdentifierHasher;
import io.opencdp.schemas.privacy.SuppressedIdentifiers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Incremental identity resolution and profile building, keyed by workspace at parallelism 1
 * (docs/streaming.md). Per event, in arrival order: an event id already in state is a replay and
 * skipped; otherwise {@link StreamingResolver#resolve} links it, and every profile it changed is
 * rebuilt from its events with the batch's {@link ProfileAccumulator}. All writes one event causes
 * carry the next value of the workspace's sequence number as their external version: a later event
 * always wins in the store whatever its event time, and a replay after a restore produces the same
 * versions, which the store refuses ({@link #nextSequence} says where the sequence starts).
 */
final class StreamResolveFunction extends KeyedProcessFunction<String, String, StoreWrite> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(StreamResolveFunction.class);
  private static final Duration RULES_REFRESH = Duration.ofMinutes(1);
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  /** How often the seed directory is looked at, at most (on an event). */
  static final long SEED_CHECK_MILLIS = 500;

  /**
   * {@link StreamIdLog} lines: the identifiers each event placed, for the batch to keep the ids.
   */
  static final OutputTag<String> PROFILE_IDS = new OutputTag<>("profile-ids", Types.STRING);

  private final String workspace;
  private final StreamingResolver resolver;
  private final ProfilesConfig profiles;
  private final GuardrailConfig guardrails;
  private final String matchModel;
  private final String seedDir;
  private final IdentifierHasher hasher;

  private transient StreamState state;
  private transient MapState<String, String> eventStore;
  private transient MapState<String, String> indexedProfile;
  private transient MapState<String, String> mergedFrom;
  private transient MapState<String, String> profileState;
  private transient ValueState<Long> sequence;
  private transient ValueState<String> seedRun;
  private transient ValueState<String> neverLink;

  /** The salted hashes of erased identifiers and records the last seed carried (a set). */
  private transient MapState<String, String> erased;

  /** {@link #resolver} with the overrides of the last seed applied; built on the first event. */
  private transient StreamingResolver live;

  private transient long seedCheckedAt;
  private transient StoreIndices names;
  private transient ProfileRules rules;
  private transient Map<String, LongCounter> counters;

  StreamResolveFunction(
      String workspace,
      StreamingResolver resolver,
      ProfilesConfig profiles,
      GuardrailConfig guardrails,
      String matchModel,
      String seedDir,
      IdentifierHasher hasher) {
    this.workspace = requireNonNull(workspace, "workspace is null");
    this.resolver = requireNonNull(resolver, "resolver is null");
    this.profiles = requireNonNull(profiles, "profiles is null");
    this.guardrails = requireNonNull(guardrails, "guardrails is null");
    this.matchModel = requireNonNull(matchModel, "matchModel is null");
    this.seedDir = requireNonNull(seedDir, "seedDir is null");
    this.hasher = requireNonNull(hasher, "hasher is null");
  }

  @Override
  public void open(OpenContext context) {
    if (!resolver.matching()) {
      LOG.warn(
          "no match model at {} (or resolve.match.enabled is off): the stream links"
              + " deterministically only; `cdp resolve` or `cdp match train` writes one",
          matchModel);
    }
    state = FlinkStreamState.open(getRuntimeContext());
    eventStore = FlinkStreamState.mapState(getRuntimeContext(), "events");
    indexedProfile = FlinkStreamState.mapState(getRuntimeContext(), "indexed-profile");
    mergedFrom = FlinkStreamState.mapState(getRuntimeContext(), "merged-from");
    erased = FlinkStreamState.mapState(getRuntimeContext(), "erased");
    profileState = FlinkStreamState.mapState(getRuntimeContext(), FlinkStreamState.PROFILES);
    sequence = getRuntimeContext().getState(new ValueStateDescriptor<>("sequence", Types.LONG));
    seedRun = getRuntimeContext().getState(new ValueStateDescriptor<>("seed-run", Types.STRING));
    neverLink =
        getRuntimeContext().getState(new ValueStateDescriptor<>("never-link", Types.STRING));
    names = new StoreIndices(workspace);
    counters =
        Map.of(
            StreamCounters.REPLAYED, new LongCounter(),
            StreamCounters.UNPLACED, new LongCounter(),
            StreamCounters.PROFILE_WRITES, new LongCounter(),
            StreamCounters.EVENT_WRITES, new LongCounter(),
            StreamCounters.DELETES, new LongCounter(),
            StreamCounters.SUPPRESSED, new LongCounter());
    counters.forEach(getRuntimeContext()::addAccumulator);
  }

  @Override
  public void processElement(String json, Context ctx, Collector<StoreWrite> out) {
    TouchpointEvent event = FlinkStreamState.read(json, TouchpointEvent.class);
    reconcileWithNewerSeed(ctx, out);
    if (isErased(event)) {
      // an erased person's late or re-sent event: counted, never stored (docs/privacy.md)
      counters.get(StreamCounters.SUPPRESSED).add(1);
      return;
    }
    if (FlinkStreamState.call(() -> eventStore.contains(event.eventId()))) {
      counters.get(StreamCounters.REPLAYED).add(1);
      return;
    }
    FlinkStreamState.run(() -> eventStore.put(event.eventId(), json));
    StitchOutcome outcome = live().resolve(event, state);
    if (outcome.profileId() == null) {
      counters.get(StreamCounters.UNPLACED).add(1);
    }
    if (outcome.updated().isEmpty() && outcome.merged().isEmpty() && outcome.retired().isEmpty()) {
      return;
    }
    logPlacements(outcome, ctx);
    long version = nextSequence();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    for (String gone : recordAliases(outcome)) {
      out.collect(StoreWrite.delete(names.profilesAlias(), gone, version));
      counters.get(StreamCounters.DELETES).add(1);
    }
    for (ProfileNode profile : outcome.updated()) {
      write(profile, version, now, out);
    }
  }

  /** Whether {@code event} is an erased person's, by the rule of {@link SuppressedIdentifiers}. */
  private boolean isErased(TouchpointEvent event) {
    if (FlinkStreamState.call(erased::isEmpty)) {
      return false;
    }
    for (String key : SuppressedIdentifiers.keysOf(event, hasher)) {
      if (FlinkStreamState.call(() -> erased.contains(key))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Takes the erased hashes of {@code seed} and forgets every event in state they name (the events
   * of people erased since the last seed): they leave the event store, so no later reconciliation
   * or profile build finds them, and a checkpoint after this one holds none.
   *
   * @return the events forgotten, whose documents go
   */
  private List<TouchpointEvent> forgetErased(SeedFile.Loaded seed) {
    FlinkStreamState.run(erased::clear);
    for (String hash : seed.erased()) {
      FlinkStreamState.run(() -> erased.put(hash, ""));
    }
    if (seed.erased().isEmpty()) {
      return List.of();
    }
    List<TouchpointEvent> gone = new ArrayList<>();
    for (Map.Entry<String, String> e : FlinkStreamState.call(eventStore::entries)) {
      TouchpointEvent event = FlinkStreamState.read(e.getValue(), TouchpointEvent.class);
      if (isErased(event)) {
        gone.add(event);
      }
    }
    for (TouchpointEvent event : gone) {
      FlinkStreamState.run(() -> eventStore.remove(event.eventId()));
      FlinkStreamState.run(() -> indexedProfile.remove(event.eventId()));
    }
    return gone;
  }

  private void logPlacements(StitchOutcome outcome, Context ctx) {
    for (StitchOutcome.Placement placed : outcome.placed()) {
      ProfileNode profile = state.profiles().get(placed.profileId());
      ctx.output(
          PROFILE_IDS,
          StreamIdLog.line(workspace, placed, profile == null ? null : profile.firstSeen()));
    }
  }

  /**
   * Moves the aliases of the ids an outcome merged to their survivors, forgets those of retired
   * ids; returns the ids whose documents go.
   */
  private List<String> recordAliases(StitchOutcome outcome) {
    List<String> gone = new ArrayList<>();
    for (Map.Entry<String, String> merge : outcome.merged().entrySet()) {
      String survivor = survivorOf(merge.getValue(), outcome.merged());
      TreeSet<String> aliases = new TreeSet<>(aliasesOf(survivor));
      aliases.add(merge.getKey());
      aliases.addAll(aliasesOf(merge.getKey()));
      aliases.remove(survivor);
      putAliases(survivor, aliases);
      FlinkStreamState.run(() -> mergedFrom.remove(merge.getKey()));
      gone.add(merge.getKey());
    }
    for (String retired : outcome.retired()) {
      FlinkStreamState.run(() -> mergedFrom.remove(retired));
      gone.add(retired);
    }
    return gone;
  }

  /**
   * Reconciliation (docs/streaming.md): when {@code cdp resolve} wrote a seed newer than the one
   * last applied (looked for at most every {@link #SEED_CHECK_MILLIS}), the resolver's state
   * becomes the seed, the events the stream holds that the seed lacks are resolved again on top, in
   * arrival-time order, and every profile whose events, members or aliases differ from before is
   * written again, ids no longer active deleted, all under one new version.
   */
  private void reconcileWithNewerSeed(Context ctx, Collector<StoreWrite> out) {
    long clock = System.currentTimeMillis();
    if (clock - seedCheckedAt < SEED_CHECK_MILLIS) {
      return;
    }
    seedCheckedAt = clock;
    Path file = SeedFile.newest(Path.of(seedDir)).orElse(null);
    String applied = FlinkStreamState.call(seedRun::value);
    if (file == null || (applied != null && applied.compareTo(SeedFile.runOf(file)) >= 0)) {
      return;
    }
    long t0 = System.nanoTime();
    SeedFile.Loaded seed = SeedFile.read(file);
    FlinkStreamState.run(() -> seedRun.update(seed.run()));
    if (!workspace.equals(seed.workspace())) {
      LOG.warn(
          "stream seed {} is of workspace {}, not {}: ignored", file, seed.workspace(), workspace);
      return;
    }
    Map<String, ProfileNode> before = new HashMap<>();
    for (Map.Entry<String, String> p : FlinkStreamState.call(profileState::entries)) {
      before.put(p.getKey(), FlinkStreamState.read(p.getValue(), ProfileNode.class));
    }
    Map<String, String> aliasesBefore = new HashMap<>();
    for (Map.Entry<String, String> a : FlinkStreamState.call(mergedFrom::entries)) {
      aliasesBefore.put(a.getKey(), a.getValue());
    }
    List<TouchpointEvent> forgotten = forgetErased(seed);
    List<TouchpointEvent> newer = new ArrayList<>();
    for (Map.Entry<String, String> e : FlinkStreamState.call(eventStore::entries)) {
      if (seed.state().events().get(e.getKey()) == null) {
        newer.add(FlinkStreamState.read(e.getValue(), TouchpointEvent.class));
      }
    }
    newer.sort(
        Comparator.comparing(TouchpointEvent::receivedAt).thenComparing(TouchpointEvent::eventId));
    for (Map.Entry<String, String> e : seed.events().entrySet()) {
      if (!FlinkStreamState.call(() -> eventStore.contains(e.getKey()))) {
        FlinkStreamState.run(() -> eventStore.put(e.getKey(), e.getValue()));
      }
    }
    Map<String, TreeSet<String>> aliases = new TreeMap<>();
    seed.state()
        .formerIds()
        .entries()
        .forEach(
            (alias, survivor) -> {
              if (!survivor.isEmpty()) {
                aliases.computeIfAbsent(survivor, k -> new TreeSet<>()).add(alias);
              }
            });
    FlinkStreamState.run(mergedFrom::clear);
    aliases.forEach(this::putAliases);
    Map<String, ProfileNode> after = new HashMap<>(seed.state().profiles().entries());
    String overrides = SeedFile.neverLinkJson(seed.neverLink());
    FlinkStreamState.run(() -> neverLink.update(overrides));
    live = resolver.withNeverLink(seed.neverLink());
    for (StitchOutcome outcome : StreamSeed.reconcile(state, seed.state(), newer, live)) {
      logPlacements(outcome, ctx);
      recordAliases(outcome);
      outcome.updated().forEach(p -> after.put(p.profileId(), p));
      outcome.merged().keySet().forEach(after::remove);
      outcome.retired().forEach(after::remove);
    }
    long version = nextSequence();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    long rewritten = 0;
    long deleted = 0;
    for (String id : before.keySet()) {
      if (!after.containsKey(id)) {
        out.collect(StoreWrite.delete(names.profilesAlias(), id, version));
        counters.get(StreamCounters.DELETES).add(1);
        deleted++;
      }
    }
    for (TouchpointEvent event : forgotten) {
      out.collect(
          StoreWrite.delete(names.eventsIndex(event.occurredAt()), event.eventId(), version));
      counters.get(StreamCounters.DELETES).add(1);
    }
    for (ProfileNode profile : after.values()) {
      String aliasesNow = FlinkStreamState.call(() -> mergedFrom.get(profile.profileId()));
      if (!profile.equals(before.get(profile.profileId()))
          || !Objects.equals(aliasesNow, aliasesBefore.get(profile.profileId()))) {
        write(profile, version, now, out);
        rewritten++;
      }
    }
    LOG.info(
        "reconciled with stream seed {} in {} ms: {} event(s) of the seed, {} newer resolved on"
            + " top, {} profile(s) written again, {} deleted, {} event(s) of erased people"
            + " forgotten",
        seed.run(),
        (System.nanoTime() - t0) / 1_000_000,
        seed.events().size(),
        newer.size(),
        rewritten,
        deleted,
        forgotten.size());
  }

  /** The resolver, honouring the overrides the last seed carried (kept in state). */
  private StreamingResolver live() {
    if (live == null) {
      live = resolver.withNeverLink(SeedFile.neverLinkOf(FlinkStreamState.call(neverLink::value)));
    }
    return live;
  }

  /** The profile document of {@code profile}, and the event documents whose profile changed. */
  private void write(ProfileNode profile, long version, Instant now, Collector<StoreWrite> out) {
    if (profile.eventIds().isEmpty()) {
      return;
    }
    ProfileAccumulator accumulator =
        new ProfileAccumulator(rules(now), workspace, profile.profileId());
    List<TouchpointEvent> events = new ArrayList<>(profile.eventIds().size());
    for (String eventId : profile.eventIds()) {
      String json = FlinkStreamState.call(() -> eventStore.get(eventId));
      if (json == null) {
        throw new IllegalStateException(
            "event " + eventId + " of profile " + profile.profileId() + " is not in state");
      }
      TouchpointEvent event = FlinkStreamState.read(json, TouchpointEvent.class);
      events.add(event);
      accumulator.add(event);
    }
    for (IdentifierKey shared : resolver.sharedOn(profile, state)) {
      accumulator.identifier(shared.type(), shared.value(), true);
    }
    String doc =
        StreamProfileDocs.json(accumulator.build(now), aliasesOf(profile.profileId()), events, now);
    out.collect(StoreWrite.profile(names.profilesAlias(), profile.profileId(), version, doc));
    counters.get(StreamCounters.PROFILE_WRITES).add(1);
    for (TouchpointEvent event : events) {
      String indexed = FlinkStreamState.call(() -> indexedProfile.get(event.eventId()));
      if (profile.profileId().equals(indexed)) {
        continue;
      }
      EventDocument document = EventDocument.of(event, profile.profileId(), now);
      out.collect(
          StoreWrite.event(
              document.index(names),
              event.eventId(),
              version,
              new String(document.toJson(), StandardCharsets.UTF_8)));
      FlinkStreamState.run(() -> indexedProfile.put(event.eventId(), profile.profileId()));
      counters.get(StreamCounters.EVENT_WRITES).add(1);
    }
  }

  /**
   * The next version. The sequence starts at the clock in microseconds when the state is first
   * created, not at 1: the batch indexer writes with Elasticsearch's own versions (1, 2, ... per
   * document), which a stream started after it must be above, and a stream started again with fresh
   * state must be above its own earlier writes. Restored from a checkpoint, it continues, so a
   * replay writes the versions it wrote before.
   */
  private long nextSequence() {
    Long last = FlinkStreamState.call(sequence::value);
    long next = last == null ? System.currentTimeMillis() * 1000 : last + 1;
    FlinkStreamState.run(() -> sequence.update(next));
    return next;
  }

  /** Follows {@code id} through the merges of one outcome to the id that survives them. */
  private static String survivorOf(String id, Map<String, String> merged) {
    String current = id;
    for (int hops = 0; merged.containsKey(current) && hops <= merged.size(); hops++) {
      current = merged.get(current);
    }
    return current;
  }

  private List<String> aliasesOf(String profileId) {
    String json = FlinkStreamState.call(() -> mergedFrom.get(profileId));
    if (json == null) {
      return List.of();
    }
    try {
      return Json.mapper().readValue(json, STRINGS);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("unreadable merged_from of " + profileId + " in state", e);
    }
  }

  private void putAliases(String profileId, TreeSet<String> aliases) {
    FlinkStreamState.run(
        () -> mergedFrom.put(profileId, FlinkStreamState.write(new ArrayList<>(aliases))));
  }

  /** The profile rules, their {@code as_of} (windowed traits) at most a minute old. */
  private ProfileRules rules(Instant now) {
    if (rules == null
        || (profiles.asOf() == null && rules.asOf().plus(RULES_REFRESH).isBefore(now))) {
      rules =
          ProfileRules.of(profiles, guardrails, profiles.asOf() != null ? profiles.asOf() : now);
    }
    return rules;
  }
}
