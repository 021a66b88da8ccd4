package io.opencdp.resolve.profile;

import static io.opencdp.resolve.profile.Events.build;
import static io.opencdp.resolve.profile.Events.daysAgo;
import static io.opencdp.resolve.profile.Events.email;
import static io.opencdp.resolve.profile.Events.eventId;
import static io.opencdp.resolve.profile.Events.named;
import static io.opencdp.resolve.profile.Events.phone;
import static io.opencdp.resolve.profile.Events.rules;
import static io.opencdp.resolve.profile.Events.withIds;
import static io.opencdp.resolve.profile.Events.withPerson;
import static io.opencdp.resolve.profile.Events.withRule;
import static io.opencdp.schemas.event.SourceSystems.AMAZON_CONNECT;
import static io.opencdp.schemas.event.SourceSystems.CRM;
import static io.opencdp.schemas.event.SourceSystems.POS;
import static io.opencdp.schemas.event.SourceSystems.SEGMENT_APP;
import static io.opencdp.schemas.event.SourceSystems.SEGMENT_WEB;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencdp.schemas.config.ProfileAttribute;
import io.opencdp.schemas.config.SurvivorshipRule;
import io.opencdp.schemas.event.EventTypes;
import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.event.PostalAddress;
import io.opencdp.schemas.event.TouchpointEvent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SurvivorshipTest {
  private static final List<String> PRIORITY = List.of("crm", "segment-web", "store");

  @Test
  void mostRecentPicksTheLatestEventsValueWithItsProvenance() {
    ProfileRules rules =
        rules(withRule(ProfileAttribute.LAST_NAME, SurvivorshipRule.MOST_RECENT, PRIORITY));

    GoldenProfile profile =
        build(
            rules,
            List.of(
                named("a", CRM, daysAgo(30), "Ann", "Lee"),
                named("b", POS, daysAgo(2), "Ann", "Lee-Park"),
                named("c", SEGMENT_WEB, daysAgo(10), "Ann", "Lee")));

    Attribute<String> lastName = profile.attributes().lastName();
    assertThat(lastName.value()).isEqualTo("Lee-Park");
    assertThat(lastName.rule()).isEqualTo(SurvivorshipRule.MOST_RECENT);
    assertThat(lastName.support()).isEqualTo(1);
    assertThat(lastName.provenance())
        .isEqualTo(new Provenance("store", POS, eventId(POS, "b"), daysAgo(2)));
  }

  @Test
  void mostRecentTieGoesToTheMoreTrustedSourceThenTheSmallerEventId() {
    ProfileRules rules =
        rules(withRule(ProfileAttribute.FIRST_NAME, SurvivorshipRule.MOST_RECENT, PRIORITY));

    // same instant: the store is less trusted than the CRM
    GoldenProfile bySource =
        build(
            rules,
            List.of(
                named("a", POS, daysAgo(1), "ANN", "Lee"),
                named("b", CRM, daysAgo(1), "Anna", "Lee")));
    assertThat(bySource.attributes().firstName().value()).isEqualTo("Anna");

    // same instant, same source: the smaller event id wins
    TouchpointEvent x = named("x", SEGMENT_APP, daysAgo(1), "Annie", "Lee");
    TouchpointEvent y = named("y", SEGMENT_APP, daysAgo(1), "Anja", "Lee");
    TouchpointEvent smaller = x.eventId().compareTo(y.eventId()) < 0 ? x : y;
    GoldenProfile byId = build(rules, List.of(x, y));
    assertThat(byId.attributes().firstName().provenance().eventId()).isEqualTo(smaller.eventId());
    assertThat(byId.attributes().firstName().value()).isEqualTo(smaller.person().firstName());
  }

  @Test
  void mostFrequentCountsValuesCaseInsensitivelyAndTiesGoToTheMostRecent() {
    ProfileRules rules =
        rules(withRule(ProfileAttribute.FIRST_NAME, SurvivorshipRule.MOST_FREQUENT, PRIORITY));

    GoldenProfile profile =
        build(
            rules,
            List.of(
                named("a", CRM, daysAgo(90), "Robert", "Ray"),
                named("b", POS, daysAgo(60), "ROBERT", "Ray"),
                named("c", SEGMENT_WEB, daysAgo(1), "Bob", "Ray"),
                named("d", SEGMENT_WEB, daysAgo(50), "robert ", "Ray")));

    Attribute<String> first = profile.attributes().firstName();
    assertThat(first.value()).isEqualTo("robert");
    assertThat(first.support()).isEqualTo(3);
    assertThat(first.rule()).isEqualTo(SurvivorshipRule.MOST_FREQUENT);
    assertThat(first.provenance().eventId()).isEqualTo(eventId(SEGMENT_WEB, "d"));

    GoldenProfile tie =
        build(
            rules,
            List.of(
                named("a", CRM, daysAgo(90), "Robert", "Ray"),
                named("c", SEGMENT_WEB, daysAgo(1), "Bob", "Ray")));
    assertThat(tie.attributes().firstName().value()).isEqualTo("Bob");
  }

  @Test
  void sourcePriorityPicksTheMostTrustedSourceThenTheLatest() {
    ProfileRules rules =
        rules(withRule(ProfileAttribute.BIRTH_DATE, SurvivorshipRule.SOURCE_PRIORITY, PRIORITY));

    GoldenProfile profile =
        build(
            rules,
            List.of(
                withPerson("a", SEGMENT_WEB, daysAgo(1), p -> p.birthDate("1990-01-02")),
                withPerson("b", CRM, daysAgo(100), p -> p.birthDate("1990-02-01")),
                withPerson("c", CRM, daysAgo(50), p -> p.birthDate("1990-02-03")),
                withPerson("d", AMAZON_CONNECT, daysAgo(0), p -> p.birthDate("1991-01-01"))));

    Attribute<LocalDate> birth = profile.attributes().birthDate();
    assertThat(birth.value()).isEqualTo(LocalDate.of(1990, 2, 3));
    assertThat(birth.provenance().sourceSystem()).isEqualTo(CRM);
    assertThat(birth.provenance().channel()).isEqualTo("crm");
    assertThat(birth.rule()).isEqualTo(SurvivorshipRule.SOURCE_PRIORITY);
  }

  @Test
  void aSourceTheListDoesNotNameRanksLast() {
    ProfileRules rules =
        rules(withRule(ProfileAttribute.FIRST_NAME, SurvivorshipRule.SOURCE_PRIORITY, PRIORITY));

    GoldenProfile profile =
        build(
            rules,
            List.of(
                named("a", AMAZON_CONNECT, daysAgo(1), "Agent-Typed", "Lee"),
                named("b", POS, daysAgo(200), "Card", "Lee")));

    // "store" names the POS by its channel
    assertThat(profile.attributes().firstName().value()).isEqualTo("Card");
  }

  @Test
  void firstSeenPicksTheEarliestEvent() {
    ProfileRules rules =
        rules(withRule(ProfileAttribute.FIRST_NAME, SurvivorshipRule.FIRST_SEEN, PRIORITY));

    GoldenProfile profile =
        build(
            rules,
            List.of(
                named("a", SEGMENT_WEB, daysAgo(5), "Kate", "Moss"),
                named("b", POS, daysAgo(80), "Katherine", "Moss"),
                named("c", CRM, daysAgo(40), "Kathy", "Moss")));

    assertThat(profile.attributes().firstName().value()).isEqualTo("Katherine");
    assertThat(profile.attributes().firstName().provenance().observedAt()).isEqualTo(daysAgo(80));
  }

  @Test
  void emptyValuesNeverCount() {
    GoldenProfile profile =
        build(
            List.of(
                named("a", CRM, daysAgo(9), "Ann", null),
                named("b", CRM, daysAgo(1), "  ", ""),
                withPerson("c", SEGMENT_WEB, daysAgo(0), p -> p)));

    assertThat(profile.attributes().firstName().value()).isEqualTo("Ann");
    assertThat(profile.attributes().lastName()).isNull();
    assertThat(profile.attributes().address()).isNull();
    assertThat(profile.attributes().gender()).isNull();
  }

  @Test
  void addressSurvivesAsOneUnitAndOnlyWithAStreet() {
    GoldenProfile profile =
        build(
            List.of(
                withPerson("a", CRM, daysAgo(90), p -> p.address("1 Elm St", "Austin", "78701")),
                withPerson(
                    "b", SEGMENT_WEB, daysAgo(20), p -> p.address("9 Oak Ave", null, "10001")),
                // a later POS zip code alone is not an address
                withPerson("c", POS, daysAgo(1), p -> p.address(null, null, "94105"))));

    Attribute<PostalAddress> address = profile.attributes().address();
    assertThat(address.value())
        .isEqualTo(new PostalAddress("9 Oak Ave", null, null, "10001", "US"));
    assertThat(address.provenance().eventId()).isEqualTo(eventId(SEGMENT_WEB, "b"));
  }

  @Test
  void primaryEmailSkipsBlockedValuesAndPrefersUnsharedOnes() {
    List<TouchpointEvent> events =
        List.of(
            withIds("a", SEGMENT_WEB, daysAgo(3), email("family@mail.test")),
            withIds("b", CRM, daysAgo(30), email("family@mail.test"), phone("+15550100001")),
            withIds("c", SEGMENT_APP, daysAgo(10), email("ann@mail.test")),
            withIds("d", CRM, daysAgo(1), email("test@test.com"), phone("+15555555555")));

    ProfileAccumulator acc = new ProfileAccumulator(rules(), "default", "p1");
    events.forEach(acc::add);
    acc.identifier(IdentifierType.EMAIL, "family@mail.test", true);
    GoldenProfile profile = acc.build(Events.UPDATED_AT);

    // source_priority would pick the CRM's family email; it is shared, ann@ is not
    assertThat(profile.attributes().email().value()).isEqualTo("ann@mail.test");
    assertThat(profile.attributes().phone().value()).isEqualTo("+15550100001");
    assertThat(profile.contactPoints().emails())
        .extracting(ContactPoint::value, ContactPoint::primary, ContactPoint::shared)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ann@mail.test", true, false),
            org.assertj.core.groups.Tuple.tuple("family@mail.test", false, true));

    // a shared email is still primary when it is the only one
    ProfileAccumulator only = new ProfileAccumulator(rules(), "default", "p2");
    only.add(events.get(0)).identifier(IdentifierType.EMAIL, "family@mail.test", true);
    assertThat(only.build(Events.UPDATED_AT).attributes().email().value())
        .isEqualTo("family@mail.test");
  }

  @Test
  void genderComesFromCustomTraits() {
    TouchpointEvent crm =
        Events.event("a", CRM, EventTypes.CUSTOMER_RECORD, daysAgo(20))
            .custom("gender", "F")
            .build();
    TouchpointEvent web =
        Events.event("b", SEGMENT_WEB, EventTypes.IDENTIFY, daysAgo(2))
            .custom("traits", Map.of("gender", "Female"))
            .build();

    Attribute<String> gender = build(List.of(crm, web)).attributes().gender();

    assertThat(gender.value()).isEqualTo("female");
    assertThat(gender.provenance().sourceSystem()).isEqualTo(SEGMENT_WEB);
  }

  @Test
  void theProfileDoesNotDependOnTheOrderEventsArriveIn() {
    List<TouchpointEvent> events = new ArrayList<>();
    String[] firsts = {"Ann", "ANN", "Anne", "Ann", "Anna", "Anne"};
    String[] sources = {CRM, POS, SEGMENT_WEB, SEGMENT_APP, AMAZON_CONNECT, POS};
    for (int i = 0; i < 30; i++) {
      String street = (i % 3) + " Main St";
      String source = sources[i % sources.length];
      events.add(
          withPerson("e" + i, source, daysAgo(i % 4), p -> p.address(street, "Austin", "78701")));
      events.add(
          named("n" + i, sources[(i + 2) % sources.length], daysAgo(i % 3), firsts[i % 6], "Lee"));
      events.add(withIds("i" + i, source, daysAgo(i % 5), email("a" + (i % 4) + "@mail.test")));
    }
    GoldenProfile expected = build(events);
    Random random = new Random(7);
    for (int round = 0; round < 5; round++) {
      List<TouchpointEvent> shuffled = new ArrayList<>(events);
      Collections.shuffle(shuffled, random);
      assertThat(build(shuffled)).isEqualTo(expected);
    }
  }
}
