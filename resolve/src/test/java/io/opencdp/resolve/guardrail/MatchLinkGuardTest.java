package io.opencdp.resolve.guardrail;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencdp.resolve.match.LinkEvidence;
import io.opencdp.schemas.event.IdentifierType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MatchLinkGuardTest {
  private static final MatchLinkGuard GUARD =
      new MatchLinkGuard(IdentifierLimits.from(Guardrails.defaults()), NeverLinkRules.none());

  @Test
  void joinsCandidatesALinkConnectsUnderTheSmallestKey() {
    MatchLinkGuard.Result result =
        GUARD.apply(
            List.of(
                group("g2", Set.of(email("ann@x.org")), Set.of()),
                group("g1", Set.of(phone("+15550001111")), Set.of("19800101")),
                group("g3", Set.of(), Set.of())),
            List.of(link("g2", "g1", 0.995)));

    assertThat(result.rootOf()).containsEntry("g1", "g1").containsEntry("g2", "g1");
    assertThat(result.rootOf()).doesNotContainKey("g3");
    assertThat(result.decisions()).singleElement().matches(MatchLinkDecision::accepted);
  }

  @Test
  void neverJoinsTwoDifferentCustomerIdsHoweverStrongTheMatch() {
    MatchLinkGuard.Result result =
        GUARD.apply(
            List.of(
                group("g1", Set.of(customer("c-1")), Set.of()),
                group("g2", Set.of(customer("c-2")), Set.of())),
            List.of(link("g1", "g2", 0.99999)));

    assertThat(result.rootOf()).isEmpty();
    assertThat(result.decisions().get(0).rule()).isEqualTo("conflicting_identifier:customer_id");
  }

  @Test
  void aChainCannotCarryAConflictInByTheBackDoor() {
    // g1 ~ g3 and g2 ~ g3 are both strong, but g1 and g2 are two customers: the weaker link loses
    MatchLinkGuard.Result result =
        GUARD.apply(
            List.of(
                group("g1", Set.of(customer("c-1")), Set.of()),
                group("g2", Set.of(customer("c-2")), Set.of()),
                group("g3", Set.of(email("ann@x.org")), Set.of())),
            List.of(link("g1", "g3", 0.999), link("g2", "g3", 0.995)));

    assertThat(result.rootOf()).containsEntry("g3", "g1").doesNotContainKey("g2");
    assertThat(result.decisions().get(1).rule()).isEqualTo("conflicting_identifier:customer_id");
  }

  @Test
  void refusesCandidatesWithBirthDatesButNoneInCommon() {
    MatchLinkGuard.Result result =
        GUARD.apply(
            List.of(
                group("g1", Set.of(email("a@x.org")), Set.of("19800101")),
                group("g2", Set.of(email("b@x.org")), Set.of("19800110")),
                group("g3", Set.of(email("c@x.org")), Set.of())),
            List.of(link("g1", "g2", 0.999), link("g1", "g3", 0.999)));

    assertThat(result.decisions().get(0).rule()).isEqualTo("conflicting_birth_date");
    assertThat(result.rootOf()).containsEntry("g3", "g1").doesNotContainKey("g2");
  }

  @Test
  void aRecordNoIdentifierPlacedJoinsOneCandidateAndNeverBridgesTwo() {
    MatchLinkGuard.Result result =
        GUARD.apply(
            List.of(
                group("g1", Set.of(email("a@x.org")), Set.of()),
                group("g2", Set.of(phone("+15550001111")), Set.of()),
                group("event:e1", Set.of(), Set.of())),
            List.of(link("event:e1", "g2", 0.999), link("event:e1", "g1", 0.995)));

    assertThat(result.decisions())
        .extracting(MatchLinkDecision::rule)
        .containsExactly(null, "record_already_placed");
    // the candidate keeps its key although the event's sorts first
    assertThat(result.rootOf())
        .containsEntry("event:e1", "g2")
        .containsEntry("g2", "g2")
        .doesNotContainKey("g1");
  }

  @Test
  void recordsNoIdentifierPlacedJoinAProfileThroughEachOtherOrFormAWalkInProfile() {
    MatchLinkGuard.Result result =
        GUARD.apply(
            List.of(
                group("g1", Set.of(email("a@x.org")), Set.of()),
                group("event:e1", Set.of(), Set.of()),
                group("event:e2", Set.of(), Set.of()),
                group("event:e3", Set.of(), Set.of()),
                group("event:e4", Set.of(), Set.of())),
            List.of(
                // the strongest link waits until e1 is placed, then puts e2 in g1 too
                link("event:e1", "event:e2", 0.9999),
                link("event:e1", "g1", 0.999),
                // e3 and e4 match only each other: a walk-in profile, keyed by the smaller key
                link("event:e4", "event:e3", 0.9999)));

    assertThat(result.rootOf())
        .containsEntry("event:e1", "g1")
        .containsEntry("event:e2", "g1")
        .containsEntry("event:e3", "event:e3")
        .containsEntry("event:e4", "event:e3");
    assertThat(MatchLinkGuard.isWalkIn(result.rootOf().get("event:e4"))).isTrue();
    assertThat(MatchLinkGuard.isWalkIn(result.rootOf().get("event:e1"))).isFalse();
    assertThat(result.decisions()).hasSize(3).allMatch(MatchLinkDecision::accepted);
    assertThat(result.decisions().get(2).detail()).isEqualTo("joined into a walk-in profile");
  }

  @Test
  void aWalkInProfileKeepsTheGuardsRefusals() {
    MatchLinkGuard.Result result =
        GUARD.apply(
            List.of(
                group("event:e1", Set.of(), Set.of("19800101")),
                group("event:e2", Set.of(), Set.of()),
                group("event:e3", Set.of(), Set.of("19900101"))),
            List.of(link("event:e1", "event:e2", 0.9999), link("event:e2", "event:e3", 0.999)));

    assertThat(result.decisions())
        .extracting(MatchLinkDecision::rule)
        .containsExactly(null, "conflicting_birth_date");
    assertThat(result.rootOf()).containsEntry("event:e2", "event:e1").doesNotContainKey("event:e3");
  }

  @Test
  void keepsThePerTypeLimitsOfIdentifierLinks() {
    // default limit: 5 emails per profile
    Set<IdentifierKey> three = Set.of(email("a@x.org"), email("b@x.org"), email("c@x.org"));
    Set<IdentifierKey> other = Set.of(email("d@x.org"), email("e@x.org"), email("f@x.org"));
    MatchLinkGuard.Result result =
        GUARD.apply(
            List.of(group("g1", three, Set.of()), group("g2", other, Set.of())),
            List.of(link("g1", "g2", 0.999)));

    assertThat(result.decisions().get(0).rule()).isEqualTo("limit:email");
    assertThat(result.decisions().get(0).detail()).doesNotContain("@");
  }

  @Test
  void honoursTheOperatorsNeverLinkPairs() {
    IdentifierKey ann = email("ann@x.org");
    IdentifierKey bob = email("bob@x.org");
    MatchLinkGuard guard =
        new MatchLinkGuard(
            IdentifierLimits.from(Guardrails.defaults()),
            NeverLinkRules.of(
                List.of(new NeverLinkRules.Pair(ann, bob, DropRule.NEVER_LINK_OVERRIDE, "ov-1"))));

    MatchLinkGuard.Result result =
        guard.apply(
            List.of(group("g1", Set.of(ann), Set.of()), group("g2", Set.of(bob), Set.of())),
            List.of(link("g1", "g2", 0.999)));

    assertThat(result.decisions().get(0).rule()).isEqualTo("never_link_override");
    assertThat(result.rootOf()).isEmpty();
  }

  private static GroupFacts group(String key, Set<IdentifierKey> ids, Set<String> birthDates) {
    return new GroupFacts(key, ids, birthDates);
  }

  private static MatchLink link(String left, String right, double probability) {
    return new MatchLink(
        left, right, probability, left + "-r", right + "-r", new LinkEvidence(true, true, 3.0));
  }

  private static IdentifierKey email(String value) {
    return IdentifierKey.of(IdentifierType.EMAIL, value);
  }

  private static IdentifierKey phone(String value) {
    return IdentifierKey.of(IdentifierType.PHONE, value);
  }

  private static IdentifierKey customer(String value) {
    return IdentifierKey.of(IdentifierType.CUSTOMER_ID, value);
  }

  @Test
  void aLinkWhoseGivenNamesDisagreeJoinsNothing() {
    MatchLinkGuard.Result result =
        GUARD.apply(
            List.of(group("g1", Set.of(), Set.of()), group("g2", Set.of(), Set.of())),
            List.of(
                new MatchLink(
                    "g1", "g2", 0.9999, "g1-r", "g2-r", new LinkEvidence(false, true, 5.0))));

    assertThat(result.decisions().get(0).rule()).isEqualTo("given_name_disagrees");
    assertThat(result.rootOf()).isEmpty();
  }

  @Test
  void aLinkOnTheNameAloneOrAcrossFamilyNamesJoinsNothing() {
    List<GroupFacts> groups =
        List.of(
            group("g1", Set.of(), Set.of()),
            group("g2", Set.of(), Set.of()),
            group("g3", Set.of(), Set.of()));
    MatchLinkGuard.Result result =
        GUARD.apply(
            groups,
            List.of(
                // same full name, but the phones and postal codes disagree
                new MatchLink(
                    "g1", "g2", 0.9999, "g1-r", "g2-r", new LinkEvidence(true, true, -1.8)),
                new MatchLink(
                    "g1", "g3", 0.999, "g1-r", "g3-r", new LinkEvidence(true, false, 6.0))));

    assertThat(result.decisions())
        .extracting(MatchLinkDecision::rule)
        .containsExactly("uncorroborated", "family_name_disagrees");
    assertThat(result.decisions().get(0).detail()).contains("-1.80 bits");
    assertThat(result.rootOf()).isEmpty();
  }
}
