package io.opencdp.resolve.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencdp.resolve.guardrail.LinkGuardrails;
import io.opencdp.resolve.guardrail.NeverLinkRules;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.event.Channel;
import io.opencdp.schemas.event.Identifier;
import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.event.PersonAttributes;
import io.opencdp.schemas.event.TouchpointEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamingResolverTest {
  private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
  private final StreamingResolver resolver =
      new StreamingResolver(
          LinkGuardrails.from(CdpConfig.defaults().resolve().guardrails()), NeverLinkRules.none());
  private final StreamState state = StreamState.inMemory();

  @Test
  void eventsSharingAnIdentifierLandOnOneProfile() {
    StitchOutcome first = resolver.resolve(event("e1", 0, "Ann", "Lee", email("ann@x.com")), state);
    StitchOutcome second =
        resolver.resolve(
            event("e2", 1, "Ann", "Lee", email("ann@x.com"), phone("+15550001111")), state);

    assertThat(first.profileId()).isNotNull().isEqualTo(second.profileId());
    assertThat(second.updated()).hasSize(1);
    ProfileNode profile = second.updated().get(0);
    assertThat(profile.eventIds()).containsExactlyInAnyOrder(id("e1"), id("e2"));
    assertThat(profile.members()).containsExactly("email:ann@x.com", "phone:+15550001111");
  }

  @Test
  void anEventJoiningTwoProfilesMergesThemAndRecordsTheAlias() {
    String a =
        resolver.resolve(event("e1", 0, "Ann", "Lee", email("ann@x.com")), state).profileId();
    String b =
        resolver.resolve(event("e2", 1, "Ann", "Lee", phone("+15550001111")), state).profileId();
    assertThat(a).isNotEqualTo(b);

    StitchOutcome joined =
        resolver.resolve(
            event("e3", 2, "Ann", "Lee", email("ann@x.com"), phone("+15550001111")), state);

    assertThat(joined.profileId()).isIn(a, b);
    String alias = joined.profileId().equals(a) ? b : a;
    assertThat(joined.merged()).containsEntry(alias, joined.profileId());
    assertThat(state.profiles().get(alias)).isNull();
    assertThat(state.formerIds().get(alias)).isEqualTo(joined.profileId());
    assertThat(state.profiles().get(joined.profileId()).eventIds()).hasSize(3);
  }

  @Test
  void aReplayedEventChangesNothing() {
    TouchpointEvent e = event("e1", 0, "Ann", "Lee", email("ann@x.com"));
    String profile = resolver.resolve(e, state).profileId();

    StitchOutcome again = resolver.resolve(e, state);

    assertThat(again.profileId()).isEqualTo(profile);
    assertThat(again.updated()).isEmpty();
  }

  @Test
  void anEmailUsedByTwoPersonsBecomesSharedAndSplitsTheProfileItJoined() {
    String ann =
        resolver
            .resolve(event("e1", 0, "Ann", "Lee", customer("C1"), email("home@x.com")), state)
            .profileId();
    String bob =
        resolver
            .resolve(event("e2", 1, "Bob", "Marsh", customer("C2"), phone("+15550002222")), state)
            .profileId();

    StitchOutcome shared =
        resolver.resolve(
            event("e3", 2, "Bob", "Marsh", phone("+15550002222"), email("home@x.com")), state);

    assertThat(shared.sharedNow()).containsExactly("email:home@x.com");
    assertThat(shared.profileId()).isEqualTo(bob);
    assertThat(state.profiles().get(ann).members()).containsExactly("customer_id:C1");
    assertThat(state.profiles().get(bob).members())
        .containsExactly("customer_id:C2", "phone:+15550002222");
    assertThat(resolver.sharedOn(state.profiles().get(ann), state))
        .extracting(Object::toString)
        .containsExactly("email:home@x.com");
  }

  @Test
  void theOutcomeDoesNotDependOnTheArrivalOrder() {
    List<TouchpointEvent> events = new ArrayList<>();
    events.add(event("e1", 0, "Ann", "Lee", customer("C1"), email("ann@x.com")));
    events.add(event("e2", 1, "Ann", "Lee", email("ann@x.com"), device("d1")));
    events.add(event("e3", 2, null, null, device("d1"), anonymous("a1")));
    events.add(event("e4", 3, "Ann", "Lee", customer("C2"), email("ann@x.com")));
    events.add(event("e5", 4, "Cy", "Dunn", phone("+15550003333"), anonymous("a1")));
    StreamState forward = StreamState.inMemory();
    events.forEach(e -> resolver.resolve(e, forward));
    StreamState backward = StreamState.inMemory();
    for (int i = events.size() - 1; i >= 0; i--) {
      resolver.resolve(events.get(i), backward);
    }

    for (TouchpointEvent e : events) {
      assertThat(profileOf(e, backward)).as(e.eventId()).isEqualTo(profileOf(e, forward));
    }
  }

  private static List<String> profileOf(TouchpointEvent e, StreamState state) {
    String profile = state.events().get(e.eventId()).profileId();
    return profile == null ? List.of() : state.profiles().get(profile).members();
  }

  private static String id(String key) {
    return event(key, 0, null, null).eventId();
  }

  static TouchpointEvent event(
      String key, int minutes, String first, String last, Identifier... ids) {
    return event(key, minutes, first, last, null, ids);
  }

  static TouchpointEvent event(
      String key, int minutes, String first, String last, LocalDate born, Identifier... ids) {
    var builder =
        TouchpointEvent.builder()
            .channel(Channel.WEB)
            .sourceSystem("test")
            .sourceKey(key)
            .eventType("identify")
            .occurredAt(T0.plusSeconds(60L * minutes))
            .receivedAt(T0.plusSeconds(60L * minutes))
            .person(new PersonAttributes(first, last, null, null, null, null, born));
    for (Identifier i : ids) {
      builder.identifier(i);
    }
    return builder.build();
  }

  static Identifier customer(String v) {
    return Identifier.valid(IdentifierType.CUSTOMER_ID, v, v);
  }

  static Identifier email(String v) {
    return Identifier.valid(IdentifierType.EMAIL, v, v);
  }

  static Identifier phone(String v) {
    return Identifier.valid(IdentifierType.PHONE, v, v);
  }

  static Identifier device(String v) {
    return Identifier.valid(IdentifierType.DEVICE_ID, v, v);
  }

  static Identifier anonymous(String v) {
    return Identifier.valid(IdentifierType.ANONYMOUS_ID, v, v);
  }
}
