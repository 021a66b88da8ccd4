package io.opencdp.resolve.guardrail;

import static io.opencdp.resolve.guardrail.Guardrails.anonymous;
import static io.opencdp.resolve.guardrail.Guardrails.customer;
import static io.opencdp.resolve.guardrail.Guardrails.device;
import static io.opencdp.resolve.guardrail.Guardrails.email;
import static io.opencdp.resolve.guardrail.Guardrails.link;
import static io.opencdp.resolve.guardrail.Guardrails.phone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class NeverLinkRulesTest {
  private static final LinkGuardrails GUARDRAILS = LinkGuardrails.from(Guardrails.defaults());
  private static final Predicate<IdentifierKey> NONE_SHARED = id -> false;

  /** C1 - email - phone - anonymous id: one chain, one person without overrides. */
  private static List<IdentityLink> chain() {
    return List.of(
        link(customer("C1"), email("ann@mail.test"), "e1", 0),
        link(email("ann@mail.test"), phone("+15550100001"), "e2", 1),
        link(phone("+15550100001"), anonymous("a1"), "e3", 2));
  }

  @Test
  void withoutOverridesTheChainIsOnePerson() {
    Resolution r = GUARDRAILS.resolve(chain(), NONE_SHARED, NeverLinkRules.none());

    assertThat(r.dropped()).isEmpty();
    assertThat(r.clusterKeys().values()).containsOnly(customer("C1"));
  }

  @Test
  void aNeverLinkPairSplitsTheComponentWhereItsEndsWouldMeet() {
    NeverLinkRules rules =
        NeverLinkRules.of(
            List.of(
                new NeverLinkRules.Pair(
                    customer("C1"), anonymous("a1"), DropRule.NEVER_LINK_OVERRIDE, "ovr-1")));

    Resolution r = GUARDRAILS.resolve(chain(), NONE_SHARED, rules);

    // C1-email and email-phone join; phone-a1 would bring a1 to C1
    assertThat(r.dropped())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.link().evidenceEventId()).isEqualTo("e3");
              assertThat(d.reason().code()).isEqualTo("never_link_override");
              assertThat(d.reason().identifier()).isEqualTo(anonymous("a1"));
              assertThat(d.reason().detail()).isEqualTo("never_link_override ovr-1");
            });
    assertThat(r.clusterKeys().get(phone("+15550100001"))).isEqualTo(customer("C1"));
    assertThat(r.clusterKeys().get(anonymous("a1"))).isEqualTo(anonymous("a1"));
  }

  @Test
  void aSplitOverrideKeepsMovedIdentifiersTogetherButApartFromTheRest() {
    List<NeverLinkRules.Pair> pairs = new ArrayList<>();
    for (IdentifierKey moved : List.of(phone("+15550100001"), anonymous("a1"))) {
      for (IdentifierKey kept : List.of(customer("C1"), email("ann@mail.test"))) {
        pairs.add(new NeverLinkRules.Pair(moved, kept, DropRule.SPLIT_OVERRIDE, "ovr-2"));
      }
    }

    Resolution r = GUARDRAILS.resolve(chain(), NONE_SHARED, NeverLinkRules.of(pairs));

    assertThat(r.dropped())
        .singleElement()
        .satisfies(d -> assertThat(d.reason().code()).isEqualTo("split_override"));
    assertThat(r.clusterKeys().get(email("ann@mail.test"))).isEqualTo(customer("C1"));
    assertThat(r.clusterKeys().get(anonymous("a1"))).isEqualTo(phone("+15550100001"));
  }

  @Test
  void theOutcomeDoesNotDependOnLinkOrder() {
    NeverLinkRules rules =
        NeverLinkRules.of(
            List.of(
                new NeverLinkRules.Pair(
                    email("ann@mail.test"), device("d1"), DropRule.NEVER_LINK_OVERRIDE, "ovr-3")));
    List<IdentityLink> links = new ArrayList<>(chain());
    links.add(link(anonymous("a1"), device("d1"), "e4", 3));
    Resolution forward = GUARDRAILS.resolve(links, NONE_SHARED, rules);
    Collections.reverse(links);
    Resolution backward = GUARDRAILS.resolve(links, NONE_SHARED, rules);

    assertThat(backward.clusterKeys()).containsExactlyInAnyOrderEntriesOf(forward.clusterKeys());
    assertThat(forward.clusterKeys().get(device("d1"))).isNotEqualTo(customer("C1"));
  }

  @Test
  void aPairNeedsTwoIdentifiersAndAnOverrideRule() {
    assertThatThrownBy(
            () ->
                new NeverLinkRules.Pair(
                    email("a@mail.test"), email("a@mail.test"), DropRule.NEVER_LINK_OVERRIDE, "o"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new NeverLinkRules.Pair(
                    email("a@mail.test"), email("b@mail.test"), DropRule.BLOCKED_VALUE, "o"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blocked_value");
  }
}
