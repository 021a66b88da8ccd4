package io.opencdp.resolve.stream;

import static io.opencdp.resolve.stream.StreamingResolverTest.customer;
import static io.opencdp.resolve.stream.StreamingResolverTest.device;
import static io.opencdp.resolve.stream.StreamingResolverTest.email;
import static io.opencdp.resolve.stream.StreamingResolverTest.event;
import static io.opencdp.resolve.stream.StreamingResolverTest.phone;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencdp.resolve.guardrail.LinkGuardrails;
import io.opencdp.resolve.guardrail.NeverLinkRules;
import io.opencdp.resolve.ids.ProfileIdRules;
import io.opencdp.resolve.match.BlockingRule;
import io.opencdp.resolve.match.ComparisonKind;
import io.opencdp.resolve.match.ComparisonWeights;
import io.opencdp.resolve.match.Comparisons;
import io.opencdp.resolve.match.FieldComparison;
import io.opencdp.resolve.match.LevelWeights;
import io.opencdp.resolve.match.MatchField;
import io.opencdp.resolve.match.MatchModel;
import io.opencdp.resolve.match.MatchSettings;
import io.opencdp.resolve.match.TrainingSummary;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.event.TouchpointEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Probabilistic matching in the streaming resolver, on a small hand-made model. */
class StreamingResolverMatchTest {
  private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
  private static final LocalDate BORN = LocalDate.parse("1980-03-14");
  private static final LocalDate NO_BIRTH_DATE = null;

  private static final FieldComparison GIVEN =
      new FieldComparison(MatchField.GIVEN_NAME, ComparisonKind.NAME, List.of(0.92, 0.85), true);
  private static final FieldComparison FAMILY =
      new FieldComparison(MatchField.FAMILY_NAME, ComparisonKind.NAME, List.of(0.92, 0.85), true);
  private static final FieldComparison BIRTH =
      new FieldComparison(MatchField.BIRTH_DATE, ComparisonKind.DATE, List.of(), false);
  private static final MatchModel MODEL =
      new MatchModel(
          MatchModel.FORMAT_VERSION,
          T0,
          0.001,
          List.of(
              weights(
                  GIVEN,
                  new double[] {0.9, 0.05, 0.03, 0.02},
                  new double[] {0.02, 0.01, 0.02, 0.95}),
              weights(
                  FAMILY,
                  new double[] {0.9, 0.05, 0.03, 0.02},
                  new double[] {0.01, 0.01, 0.02, 0.96}),
              weights(
                  BIRTH,
                  new double[] {0.9, 0.05, 0.02, 0.01, 0.02},
                  new double[] {0.000001, 0.002, 0.0005, 0.01, 0.987499})),
          new TrainingSummary(0, 0, 0, 0, 0, 0, true));
  private static final MatchSettings SETTINGS =
      new MatchSettings(
          new Comparisons(List.of(GIVEN, FAMILY, BIRTH)),
          List.of(BlockingRule.parse("family_name:metaphone + given_name:initial")),
          1000,
          0.99,
          0.5,
          1000,
          42,
          10);

  private final StreamingResolver resolver =
      new StreamingResolver(
          LinkGuardrails.from(CdpConfig.defaults().resolve().guardrails()),
          NeverLinkRules.none(),
          new StreamMatcher(MODEL, SETTINGS));

  @Test
  void aNamedEventNoIdentifierPlacedJoinsTheProfileItMatches() {
    List<TouchpointEvent> events =
        List.of(
            event("e1", 0, "Ann", "Lee", BORN, email("ann@x.com")),
            event("e2", 1, "Ann", "Lee", BORN),
            event("e3", 2, "Bob", "Ray", BORN, email("bob@x.com")));

    for (List<TouchpointEvent> order : List.of(events, reversed(events))) {
      StreamState state = StreamState.inMemory();
      order.forEach(e -> resolver.resolve(e, state));

      assertThat(profile(state, "e2")).as(order.toString()).isEqualTo(profile(state, "e1"));
      assertThat(profile(state, "e3")).isNotNull().isNotEqualTo(profile(state, "e1"));
      assertThat(state.profiles().get(profile(state, "e1")).eventIds()).hasSize(2);
    }
  }

  @Test
  void twoProfileCandidatesThatMatchBecomeOneProfile() {
    StreamState state = StreamState.inMemory();
    String a =
        resolver.resolve(event("e1", 0, "Ann", "Lee", BORN, email("a@x.com")), state).profileId();
    StitchOutcome second =
        resolver.resolve(event("e2", 1, "Ann", "Lee", BORN, phone("+15550001111")), state);

    assertThat(second.profileId()).isEqualTo(a);
    assertThat(state.profiles().get(a).members())
        .containsExactly("email:a@x.com", "phone:+15550001111");
  }

  @Test
  void theGuardKeepsCandidatesWithDifferentCustomerIdsApart() {
    StreamState state = StreamState.inMemory();
    resolver.resolve(event("e1", 0, "Ann", "Lee", BORN, customer("C1")), state);
    resolver.resolve(event("e2", 1, "Ann", "Lee", BORN, customer("C2")), state);

    assertThat(profile(state, "e1")).isNotEqualTo(profile(state, "e2"));
  }

  @Test
  void twoEventsNoIdentifierPlacedFormAWalkInProfileUntilOneOfThemIsPlaced() {
    StreamState state = StreamState.inMemory();
    resolver.resolve(event("e1", 0, "Ann", "Lee", BORN), state);
    assertThat(profile(state, "e1")).isNull(); // one record alone: nothing to join
    resolver.resolve(event("e2", 1, "Ann", "Lee", BORN), state);

    String walkIn = profile(state, "e1");
    assertThat(walkIn).isNotNull().isEqualTo(profile(state, "e2"));
    Map<String, Instant> received = new HashMap<>();
    for (String key : List.of("e1", "e2")) {
      EventNode e = state.events().get(event(key, 0, null, null).eventId());
      received.put(e.eventId(), e.receivedAt());
    }
    assertThat(walkIn).isEqualTo(ProfileIdRules.walkInId(received)); // as the batch names it
    assertThat(state.profiles().get(walkIn).members()).isEmpty();
    assertThat(state.profiles().get(walkIn).eventIds()).hasSize(2);

    resolver.resolve(event("e3", 2, "Ann", "Lee", BORN, email("ann@x.com")), state);

    assertThat(profile(state, "e1")).isNotNull().isEqualTo(profile(state, "e3"));
    assertThat(profile(state, "e2")).isEqualTo(profile(state, "e3"));
    assertThat(profile(state, "e3")).isNotEqualTo(walkIn);
    assertThat(state.profiles().get(walkIn)).isNull();
  }

  @Test
  void termCountsCountAVectorOncePerCandidateGroup() {
    StreamState state = StreamState.inMemory();
    // no birth date: nothing corroborates the names, so the two candidates stay apart
    // devices are not match values: the three events say the same thing about their person
    resolver.resolve(event("e1", 0, "Zed", "Quark", NO_BIRTH_DATE, device("d1")), state);
    resolver.resolve(event("e2", 1, "Zed", "Quark", NO_BIRTH_DATE, device("d2")), state);
    assertThat(state.terms().get("family_name:quark")).isEqualTo(2L);
    assertThat(state.terms().get("family_name")).isEqualTo(2L);

    // an event with both identifiers makes the two candidates one: one record carries the values
    resolver.resolve(
        event("e3", 2, "Zed", "Quark", NO_BIRTH_DATE, device("d1"), device("d2")), state);

    assertThat(state.terms().get("family_name:quark")).isEqualTo(1L);
    assertThat(state.terms().get("given_name")).isEqualTo(1L);
  }

  private static ComparisonWeights weights(FieldComparison c, double[] m, double[] u) {
    List<LevelWeights> levels = new ArrayList<>();
    for (int l = 0; l < m.length; l++) {
      levels.add(new LevelWeights(c.levelNames().get(l), m[l], u[l]));
    }
    return new ComparisonWeights(
        c.field().wireName(), c.kind().wireName(), c.thresholds(), c.termFrequency(), levels);
  }

  private static String profile(StreamState state, String key) {
    return state.events().get(event(key, 0, null, null).eventId()).profileId();
  }

  private static <T> List<T> reversed(List<T> list) {
    List<T> copy = new ArrayList<>(list);
    java.util.Collections.reverse(copy);
    return copy;
  }
}
