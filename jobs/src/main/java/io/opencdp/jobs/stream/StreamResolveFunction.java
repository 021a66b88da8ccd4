package io.opencdp.jobs.stream;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.type.TypeReference;
import io.opencdp.api.store.EventDocument;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.resolve.guardrail.IdentifierKey;
import io.opencdp.resolve.profile.ProfileAccumulator;
import io.opencdp.resolve.profile.ProfileRules;
import io.opencdp.resolve.stream.ProfileNode;
import io.opencdp.resolve.stream.StitchOutcome;
import io.opencdp.resolve.stream.StreamIdLog;
import io.opencdp.resolve.stream.StreamState;
import io.opencdp.resolve.stream.StreamingResolver;
import io.opencdp.schemas.config.GuardrailConfig;
import io.opencdp.schemas.config.ProfilesConfig;
import io.opencdp.schemas.event.TouchpointEvent;
import io.opencdp.schemas.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
  private static final Duration RULES_REFRESH = Duration.ofMinutes(1);
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  /**
   * {@link StreamIdLog} lines: the identifiers each event placed, for the batch to keep the ids.
   */
  static final OutputTag<String> PROFILE_IDS = new OutputTag<>("profile-ids", Types.STRING);

  private final String workspace;
  private final StreamingResolver resolver;
  private final ProfilesConfig profiles;
  private final GuardrailConfig guardrails;

  private transient StreamState state;
  private transient MapState<String, String> eventStore;
  private transient MapState<String, String> indexedProfile;
  private transient MapState<String, String> mergedFrom;
  private transient ValueState<Long> sequence;
  private transient StoreIndices names;
  private transient ProfileRules rules;
  private transient Map<String, LongCounter> counters;

  StreamResolveFunction(
      String workspace,
      StreamingResolver resolver,
      ProfilesConfig profiles,
      GuardrailConfig guardrails) {
    this.workspace = requireNonNull(workspace, "workspace is null");
    this.resolver = requireNonNull(resolver, "resolver is null");
    this.profiles = requireNonNull(profiles, "profiles is null");
    this.guardrails = requireNonNull(guardrails, "guardrails is null");
  }

  @Override
  public void open(OpenContext context) {
    state = FlinkStreamState.open(getRuntimeContext());
    eventStore = FlinkStreamState.mapState(getRuntimeContext(), "events");
    indexedProfile = FlinkStreamState.mapState(getRuntimeContext(), "indexed-profile");
    mergedFrom = FlinkStreamState.mapState(getRuntimeContext(), "merged-from");
    sequence = getRuntimeContext().getState(new ValueStateDescriptor<>("sequence", Types.LONG));
    names = new StoreIndices(workspace);
    counters =
        Map.of(
            StreamCounters.REPLAYED, new LongCounter(),
            StreamCounters.UNPLACED, new LongCounter(),
            StreamCounters.PROFILE_WRITES, new LongCounter(),
            StreamCounters.EVENT_WRITES, new LongCounter(),
            StreamCounters.DELETES, new LongCounter());
    counters.forEach(getRuntimeContext()::addAccumulator);
  }

  @Override
  public void processElement(String json, Context ctx, Collector<StoreWrite> out) {
    TouchpointEvent event = FlinkStreamState.read(json, TouchpointEvent.class);
    if (FlinkStreamState.call(() -> eventStore.contains(event.eventId()))) {
      counters.get(StreamCounters.REPLAYED).add(1);
      return;
    }
    FlinkStreamState.run(() -> eventStore.put(event.eventId(), json));
    StitchOutcome outcome = resolver.resolve(event, state);
    if (outcome.profileId() == null) {
      counters.get(StreamCounters.UNPLACED).add(1);
    }
    if (outcome.updated().isEmpty() && outcome.merged().isEmpty() && outcome.retired().isEmpty()) {
      return;
    }
    for (StitchOutcome.Placement placed : outcome.placed()) {
      ProfileNode profile = state.profiles().get(placed.profileId());
      ctx.output(
          PROFILE_IDS,
          StreamIdLog.line(workspace, placed, profile == null ? null : profile.firstSeen()));
    }
    long version = nextSequence();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    for (Map.Entry<String, String> merge : outcome.merged().entrySet()) {
      String survivor = survivorOf(merge.getValue(), outcome.merged());
      TreeSet<String> aliases = new TreeSet<>(aliasesOf(survivor));
      aliases.add(merge.getKey());
      aliases.addAll(aliasesOf(merge.getKey()));
      aliases.remove(survivor);
      putAliases(survivor, aliases);
      FlinkStreamState.run(() -> mergedFrom.remove(merge.getKey()));
      out.collect(StoreWrite.delete(names.profilesAlias(), merge.getKey(), version));
      counters.get(StreamCounters.DELETES).add(1);
    }
    for (String retired : outcome.retired()) {
      FlinkStreamState.run(() -> mergedFrom.remove(retired));
      out.collect(StoreWrite.delete(names.profilesAlias(), retired, version));
      counters.get(StreamCounters.DELETES).add(1);
    }
    for (ProfileNode profile : outcome.updated()) {
      write(profile, version, now, out);
    }
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
