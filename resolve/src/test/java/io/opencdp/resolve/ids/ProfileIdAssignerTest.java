package io.opencdp.resolve.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProfileIdAssignerTest {
  private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

  private final List<NewComponent> components = new ArrayList<>();
  private final List<Overlap> overlaps = new ArrayList<>();
  private final List<PreviousId> previous = new ArrayList<>();

  @Test
  void aComponentWhoseIdentifiersDidNotChangeKeepsItsId() {
    previous("p_a", 0);
    component("customer_id:A", 0, "p_a", 3);

    Assignment a = assign(Set.of());

    assertThat(a.profileIds()).containsEntry("customer_id:A", "p_a");
    assertThat(a.created()).isEmpty();
    assertThat(a.merged()).isEmpty();
  }

  @Test
  void aNewComponentGetsTheIdDerivedFromItsClusterKey() {
    component("email:new@mail.test", 5);

    Assignment a = assign(Set.of());

    assertThat(a.profileIds().get("email:new@mail.test"))
        .isEqualTo(ProfileIdRules.mint("email:new@mail.test", 0))
        .startsWith("p_")
        .hasSize(18);
    assertThat(a.created()).containsExactly(a.profileIds().get("email:new@mail.test"));
  }

  @Test
  void mergedProfilesKeepTheIdSharingMostIdentifiersAndTheOtherBecomesAnAlias() {
    previous("p_old", 0);
    previous("p_new", 10);
    component("email:x@mail.test", 0, "p_new", 3);
    overlap("email:x@mail.test", 0, "p_old", 2);

    Assignment a = assign(Set.of());

    assertThat(a.profileIds()).containsEntry("email:x@mail.test", "p_new");
    assertThat(a.merged()).containsExactly(java.util.Map.entry("p_old", "p_new"));
  }

  @Test
  void aTieGoesToTheIdFirstSeenEarliestThenToTheSmallerId() {
    previous("p_b", 0);
    previous("p_z", 10);
    component("email:x@mail.test", 0, "p_z", 2);
    overlap("email:x@mail.test", 0, "p_b", 2);
    assertThat(assign(Set.of()).profileIds()).containsEntry("email:x@mail.test", "p_b");

    components.clear();
    overlaps.clear();
    previous.clear();
    previous("p_b", 0);
    previous("p_a", 0);
    component("email:x@mail.test", 0, "p_b", 2);
    overlap("email:x@mail.test", 0, "p_a", 2);
    assertThat(assign(Set.of()).profileIds()).containsEntry("email:x@mail.test", "p_a");
  }

  @Test
  void anIdWithUnknownFirstSeenLosesATie() {
    previous.add(new PreviousId("p_a", null));
    previous("p_b", 50);
    component("email:x@mail.test", 0, "p_a", 1);
    overlap("email:x@mail.test", 0, "p_b", 1);

    assertThat(assign(Set.of()).profileIds()).containsEntry("email:x@mail.test", "p_b");
  }

  @Test
  void aSplitLeavesTheIdWithThePartSharingMostAndGivesTheRestNewIds() {
    previous("p_x", 0);
    component("email:big@mail.test", 0, "p_x", 3);
    component("anonymous_id:small", 0, "p_x", 1);

    Assignment a = assign(Set.of());

    assertThat(a.profileIds()).containsEntry("email:big@mail.test", "p_x");
    assertThat(a.profileIds().get("anonymous_id:small"))
        .isEqualTo(ProfileIdRules.mint("anonymous_id:small", 0));
    assertThat(a.merged()).isEmpty();
  }

  @Test
  void componentsTiedForAnIdAreDecidedByFirstSeenThenClusterKey() {
    previous("p_x", 0);
    component("email:b@mail.test", 5, "p_x", 2);
    component("email:a@mail.test", 9, "p_x", 2);
    assertThat(assign(Set.of()).profileIds()).containsEntry("email:b@mail.test", "p_x");

    components.clear();
    overlaps.clear();
    component("email:b@mail.test", 5, "p_x", 2);
    component("email:a@mail.test", 5, "p_x", 2);
    assertThat(assign(Set.of()).profileIds()).containsEntry("email:a@mail.test", "p_x");
  }

  @Test
  void aComponentThatLosesItsChoiceGetsANewIdEvenIfItOverlapsAnotherId() {
    previous("p_x", 0);
    previous("p_y", 0);
    // big wants p_x (3); small wants p_x too (2 > 1 with p_y) and loses it
    component("email:big@mail.test", 0, "p_x", 3);
    component("email:small@mail.test", 0, "p_x", 2);
    overlap("email:small@mail.test", 0, "p_y", 1);

    Assignment a = assign(Set.of());

    assertThat(a.profileIds()).containsEntry("email:big@mail.test", "p_x");
    assertThat(a.created()).containsExactly(a.profileIds().get("email:small@mail.test"));
    assertThat(a.merged()).containsEntry("p_y", a.profileIds().get("email:small@mail.test"));
  }

  @Test
  void aNewIdNeverReusesAnIdGivenOutBefore() {
    String derived = ProfileIdRules.mint("email:x@mail.test", 0);
    component("email:x@mail.test", 0);

    Assignment a = assign(Set.of(derived));

    assertThat(a.profileIds().get("email:x@mail.test"))
        .isEqualTo(ProfileIdRules.mint("email:x@mail.test", 1))
        .isNotEqualTo(derived);
  }

  @Test
  void aPreviousIdWhoseKeyMovedToANewComponentIsNotTakenTwice() {
    // p_x was derived from email:x; email:x now sits in a split-off part that loses p_x
    String px = ProfileIdRules.mint("email:x@mail.test", 0);
    previous(px, 0);
    component("customer_id:C", 0, px, 3);
    component("email:x@mail.test", 0, px, 1);

    Assignment a = assign(Set.of(px));

    assertThat(a.profileIds()).containsEntry("customer_id:C", px);
    assertThat(a.profileIds().get("email:x@mail.test")).isNotEqualTo(px);
  }

  @Test
  void anIdWhoseIdentifiersAreAllGoneIsRetired() {
    previous("p_gone", 0);
    component("email:x@mail.test", 0);

    Assignment a = assign(Set.of());

    assertThat(a.retired()).containsExactly("p_gone");
    assertThat(a.merged()).isEmpty();
  }

  @Test
  void theOutcomeDoesNotDependOnInputOrder() {
    previous("p_x", 0);
    previous("p_y", 3);
    component("email:a@mail.test", 1, "p_x", 2);
    overlap("email:a@mail.test", 1, "p_y", 2);
    component("email:b@mail.test", 1, "p_y", 2);
    component("email:c@mail.test", 2, "p_x", 1);
    Assignment first = assign(Set.of());

    Collections.reverse(components);
    Collections.reverse(overlaps);
    Collections.reverse(previous);
    Assignment second = assign(Set.of());

    assertThat(second).isEqualTo(first);
    assertThat(first.profileIds())
        .containsEntry("email:a@mail.test", "p_x")
        .containsEntry("email:b@mail.test", "p_y");
  }

  private Assignment assign(Set<String> used) {
    return ProfileIdAssigner.assign(components, overlaps, previous, used::contains);
  }

  private void previous(String id, int minutes) {
    previous.add(new PreviousId(id, T0.plusSeconds(60L * minutes)));
  }

  private void component(String key, int minutes) {
    components.add(new NewComponent(key, T0.plusSeconds(60L * minutes)));
  }

  private void component(String key, int minutes, String previousId, long shared) {
    component(key, minutes);
    overlap(key, minutes, previousId, shared);
  }

  private void overlap(String key, int minutes, String previousId, long shared) {
    Instant prevSeen = null;
    for (PreviousId p : previous) {
      if (p.id().equals(previousId)) {
        prevSeen = p.firstSeen();
      }
    }
    overlaps.add(new Overlap(key, T0.plusSeconds(60L * minutes), previousId, prevSeen, shared));
  }
}
