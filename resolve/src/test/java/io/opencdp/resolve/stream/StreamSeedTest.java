package io.opencdp.resolve.stream;

import static io.opencdp.resolve.stream.StreamingResolverTest.email;
import static io.opencdp.resolve.stream.StreamingResolverTest.event;
import static io.opencdp.resolve.stream.StreamingResolverTest.phone;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencdp.resolve.guardrail.DropRule;
import io.opencdp.resolve.guardrail.IdentifierKey;
import io.opencdp.resolve.guardrail.LinkGuardrails;
import io.opencdp.resolve.guardrail.NeverLinkRules;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.event.TouchpointEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A seed from a hand-made batch verdict: its joins, ids, aliases and overrides hold. */
class StreamSeedTest {
  private static final StreamingResolver RESOLVER =
      new StreamingResolver(
          LinkGuardrails.from(CdpConfig.defaults().resolve().guardrails()), NeverLinkRules.none());
  private static final NeverLinkRules SPLIT =
      NeverLinkRules.of(
          List.of(
              new NeverLinkRules.Pair(
                  IdentifierKey.of(IdentifierType.EMAIL, "ann@x.com"),
                  IdentifierKey.of(IdentifierType.PHONE, "+15550001111"),
                  DropRule.SPLIT_OVERRIDE,
                  "ovr-1")));
  private final TouchpointEvent byEmail = event("e1", 0, "Ann", "Lee", email("ann@x.com"));
  private final TouchpointEvent byPhone = event("e2", 1, "Ann", "Lee", phone("+15550001111"));

  @Test
  void theBatchsJoinsAndIdsBecomeTheStreamsAndHoldForItsNextEvents() {
    StreamSeed.Seed seed =
        StreamSeed.build(
            RESOLVER,
            new StreamSeed.BatchResult(
                List.of(byEmail, byPhone),
                List.of(List.of("email:ann@x.com", "phone:+15550001111")),
                Map.of(byEmail.eventId(), "p_batch", byPhone.eventId(), "p_batch"),
                Map.of("p_old", "p_batch")));
    StreamState state = StreamState.inMemory();
    RESOLVER.resolve(event("e0", 0, "Bob", "Marsh", email("bob@x.com")), state);

    StreamSeed.reconcile(state, seed.state(), List.of(), RESOLVER);

    assertThat(seed.disagreements()).isZero();
    assertThat(state.events().get(byEmail.eventId()).profileId()).isEqualTo("p_batch");
    assertThat(state.profiles().get("p_batch").members())
        .containsExactly("email:ann@x.com", "phone:+15550001111");
    assertThat(state.formerIds().get("p_old")).isEqualTo("p_batch");
    assertThat(state.identifiers().get("email:bob@x.com")).isNull(); // the old state is gone

    StitchOutcome next =
        RESOLVER.resolve(event("e3", 2, "Ann", "Lee", phone("+15550001111")), state);
    assertThat(next.profileId()).isEqualTo("p_batch");
    assertThat(next.merged()).isEmpty();
  }

  @Test
  void aSplitTheBatchHonouredHoldsInTheStreamThroughTheSeedFile(@TempDir Path dir) {
    StreamSeed.Seed seed =
        StreamSeed.build(
            RESOLVER.withNeverLink(SPLIT),
            new StreamSeed.BatchResult(
                List.of(byEmail, byPhone),
                List.of(),
                Map.of(byEmail.eventId(), "p_email", byPhone.eventId(), "p_phone"),
                Map.of()));
    SeedFile.Loaded loaded =
        SeedFile.read(
            SeedFile.write(dir, "ws", "resolve-1-a", seed.state(), List.of(byEmail), SPLIT));
    TouchpointEvent both = event("e3", 2, "Ann", "Lee", email("ann@x.com"), phone("+15550001111"));

    StreamState honoured = StreamState.inMemory();
    StreamSeed.reconcile(
        honoured, loaded.state(), List.of(both), RESOLVER.withNeverLink(loaded.neverLink()));
    StreamState ignored = StreamState.inMemory();
    StreamSeed.reconcile(ignored, loaded.state(), List.of(both), RESOLVER);

    assertThat(loaded.workspace()).isEqualTo("ws");
    assertThat(loaded.events()).containsOnlyKeys(byEmail.eventId());
    assertThat(loaded.neverLink().pairs()).isEqualTo(SPLIT.pairs());
    assertThat(honoured.profiles().get("p_email").members()).containsExactly("email:ann@x.com");
    assertThat(honoured.profiles().get("p_phone").members()).containsExactly("phone:+15550001111");
    assertThat(ignored.formerIds().get("p_phone")).isEqualTo("p_email"); // without it: merged
    assertThat(SeedFile.newest(dir)).contains(dir.resolve("resolve-1-a.jsonl.gz"));
  }
}
