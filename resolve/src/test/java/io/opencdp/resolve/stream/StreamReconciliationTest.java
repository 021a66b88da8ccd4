package io.opencdp.resolve.stream;

import static io.opencdp.resolve.stream.StreamingResolverTest.email;
import static io.opencdp.resolve.stream.StreamingResolverTest.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencdp.ingest.testing.SharedSpark;
import io.opencdp.resolve.eval.EvaluationResult;
import io.opencdp.resolve.eval.PairwiseEvaluator;
import io.opencdp.resolve.guardrail.LinkGuardrails;
import io.opencdp.resolve.ids.Overlap;
import io.opencdp.resolve.ids.ProfileIdRules;
import io.opencdp.resolve.match.MatchModelStore;
import io.opencdp.resolve.match.MatchSettings;
import io.opencdp.resolve.spark.ResolvedSample;
import io.opencdp.resolve.spark.StreamSeeds;
import io.opencdp.schemas.event.Identifier;
import io.opencdp.schemas.event.TouchpointEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciliation on the committed sample (issue 8's gate): the stream fed the sample in a shuffled
 * order agrees with the batch at pairwise F1 at least 0.999; after its state is swapped for the
 * seed built from the batch's outputs, its profiles are the batch's exactly, ids included; and new
 * events resolve on top of them with the stream's rules.
 */
class StreamReconciliationTest {
  private static final Logger LOG = LoggerFactory.getLogger(StreamReconciliationTest.class);
  private static StreamSeeds.Read input;
  private static StreamingResolver matching;
  private static StreamingResolver deterministic;
  private static StreamSeed.Seed seed;

  @BeforeAll
  static void buildTheSeedFromTheResolvedSample() {
    ResolvedSample sample = ResolvedSample.get();
    input = StreamSeeds.read(SharedSpark.session(), sample.tables, sample.config.workspace(), null);
    LinkGuardrails guardrails = LinkGuardrails.from(sample.config.resolve().guardrails());
    matching =
        new StreamingResolver(
            guardrails,
            input.neverLink(),
            new StreamMatcher(
                new MatchModelStore(sample.config.workDir()).loadCurrent().orElseThrow(),
                MatchSettings.from(sample.config.resolve().match())));
    deterministic = new StreamingResolver(guardrails, input.neverLink());
    long t0 = System.nanoTime();
    seed = StreamSeed.build(matching, input.batch());
    LOG.info(
        "seed of {} events built in {} ms",
        input.batch().events().size(),
        (System.nanoTime() - t0) / 1_000_000);
  }

  @Test
  void afterReconciliationTheStreamsProfilesAreTheBatchs(@TempDir Path dir) {
    List<TouchpointEvent> shuffled = new ArrayList<>(input.batch().events());
    Collections.shuffle(shuffled, new Random(42));
    StreamState state = StreamState.inMemory();
    shuffled.forEach(e -> matching.resolve(e, state));
    double before = agreement(state).f1();

    // through the seed's file, as the stream reads it
    Path file =
        SeedFile.write(
            dir, "ws", "resolve-1-test", seed.state(), input.batch().events(), input.neverLink());
    LOG.info("seed file of the sample: {} bytes", file.toFile().length());
    SeedFile.Loaded loaded = SeedFile.read(file);
    assertThat(loaded.events()).hasSameSizeAs(input.batch().events());
    StreamSeed.reconcile(state, loaded.state(), List.of(), matching);

    EvaluationResult after = agreement(state);
    LOG.info("stream vs batch: pairwise F1 {} before reconciliation, {} after", before, after.f1());
    assertThat(before).isGreaterThanOrEqualTo(0.999);
    assertThat(seed.disagreements()).isZero();
    assertThat(after.f1()).isEqualTo(1.0);
    Map<String, TreeSet<String>> batchProfiles = new TreeMap<>();
    for (TouchpointEvent e : input.batch().events()) {
      String theirs = input.batch().profileOf().get(e.eventId());
      assertThat(state.events().get(e.eventId()).profileId()).as(e.eventId()).isEqualTo(theirs);
      if (theirs != null) {
        batchProfiles.computeIfAbsent(theirs, k -> new TreeSet<>()).add(e.eventId());
      }
    }
    batchProfiles.forEach(
        (id, eventIds) ->
            assertThat(state.profiles().get(id).eventIds())
                .as(id)
                .containsExactlyElementsOf(eventIds));
    assertThat(seed.state().profiles().entries()).hasSameSizeAs(batchProfiles);
    input
        .batch()
        .formerIds()
        .forEach((alias, to) -> assertThat(state.profiles().get(alias)).isNull());
  }

  @Test
  void anEventJoiningTwoBatchProfilesMergesThemByTheBatchsSurvivorRule() {
    StreamState state = reconciled();
    List<ProfileNode> pair = twoProfilesWithOneEmailAndNoCustomerId(state);
    ProfileNode a = pair.get(0);
    ProfileNode b = pair.get(1);
    String expected =
        ProfileIdRules.choice(
                List.of(
                    new Overlap("k", null, a.profileId(), a.firstSeen(), a.members().size()),
                    new Overlap("k", null, b.profileId(), b.firstSeen(), b.members().size())))
            .orElseThrow()
            .previousId();
    String alias = expected.equals(a.profileId()) ? b.profileId() : a.profileId();

    StitchOutcome joined =
        matching.resolve(event("after-seed-1", 0, null, null, emailOf(a), emailOf(b)), state);

    assertThat(joined.profileId()).isEqualTo(expected);
    assertThat(joined.merged()).containsExactly(Map.entry(alias, expected));
    assertThat(state.formerIds().get(alias)).isEqualTo(expected);
    assertThat(state.profiles().get(expected).eventIds())
        .containsAll(a.eventIds())
        .containsAll(b.eventIds())
        .hasSize(a.eventIds().size() + b.eventIds().size() + 1);
  }

  @Test
  void aProfileTheBatchJoinedProbabilisticallyStaysWholeWithoutTheModel() {
    StreamState state = reconciled();
    List<String> join =
        input.batch().joins().stream()
            .filter(j -> !j.get(0).startsWith("event:") && !j.get(1).startsWith("event:"))
            .findFirst()
            .orElseThrow();
    String profile = state.identifiers().get(join.get(0)).profileId();
    assertThat(state.identifiers().get(join.get(1)).profileId()).isEqualTo(profile);
    List<String> before = state.profiles().get(profile).eventIds();
    Identifier identifier = identifier(join.get(1));

    StitchOutcome outcome =
        deterministic.resolve(event("after-seed-2", 0, null, null, identifier), state);

    assertThat(outcome.profileId()).isEqualTo(profile);
    assertThat(outcome.merged()).isEmpty();
    assertThat(outcome.retired()).isEmpty();
    assertThat(state.profiles().get(profile).eventIds())
        .containsAll(before)
        .hasSize(before.size() + 1);
  }

  private static StreamState reconciled() {
    StreamState state = StreamState.inMemory();
    StreamSeed.reconcile(state, seed.state(), List.of(), matching);
    return state;
  }

  private static EvaluationResult agreement(StreamState state) {
    PairwiseEvaluator agreement = new PairwiseEvaluator();
    for (TouchpointEvent e : input.batch().events()) {
      String ours = state.events().get(e.eventId()).profileId();
      String theirs = input.batch().profileOf().get(e.eventId());
      agreement.add(
          theirs == null ? "none:" + e.eventId() : theirs,
          ours == null ? "none:" + e.eventId() : ours);
    }
    return agreement.result();
  }

  /** Two profiles of the seed with one personal email each and no customer or loyalty id. */
  private static List<ProfileNode> twoProfilesWithOneEmailAndNoCustomerId(StreamState state) {
    List<ProfileNode> found = new ArrayList<>();
    for (ProfileNode p : new TreeMap<>(seed.state().profiles().entries()).values()) {
      long emails = p.members().stream().filter(m -> m.startsWith("email:")).count();
      boolean strong =
          p.members().stream()
              .anyMatch(m -> m.startsWith("customer_id:") || m.startsWith("loyalty_id:"));
      if (emails == 1
          && !strong
          && (found.isEmpty() || found.get(0).members().size() != p.members().size())) {
        found.add(p);
        if (found.size() == 2) {
          return found;
        }
      }
    }
    throw new AssertionError("the sample has no two such profiles");
  }

  private static Identifier emailOf(ProfileNode p) {
    String id = p.members().stream().filter(m -> m.startsWith("email:")).findFirst().orElseThrow();
    return email(id.substring("email:".length()));
  }

  private static Identifier identifier(String id) {
    var key = StreamingResolver.key(id);
    return Identifier.valid(key.type(), key.value(), key.value());
  }
}
