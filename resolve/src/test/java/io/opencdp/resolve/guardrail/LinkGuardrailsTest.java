package io.opencdp.resolve.guardrail;

import static io.opencdp.resolve.guardrail.Guardrails.anonymous;
import static io.opencdp.resolve.guardrail.Guardrails.customer;
import static io.opencdp.resolve.guardrail.Guardrails.device;
import static io.opencdp.resolve.guardrail.Guardrails.email;
import static io.opencdp.resolve.guardrail.Guardrails.link;
import static io.opencdp.resolve.guardrail.Guardrails.loyalty;
import static io.opencdp.resolve.guardrail.Guardrails.phone;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LinkGuardrailsTest {
  private static final LinkGuardrails GUARDRAILS = LinkGuardrails.from(Guardrails.defaults());
  private static final Predicate<IdentifierKey> NONE_SHARED = id -> false;

  @Test
  void junkEmailThatWouldMergeFiftyPeopleIsBlocked() {
    List<IdentityLink> links = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      links.add(link(customer("C" + i), email("test@test.com"), "e" + i, i));
    }

    Resolution resolution = GUARDRAILS.resolve(links, NONE_SHARED);

    assertThat(resolution.accepted()).isEmpty();
    assertThat(resolution.dropped())
        .hasSize(50)
        .allSatisfy(
            d -> {
              assertThat(d.reason().code()).isEqualTo("blocked_value");
              assertThat(d.reason().identifier()).isEqualTo(email("test@test.com"));
            });
    // each customer stays a profile of its own; the junk value is in none
    assertThat(resolution.clusterKeys()).hasSize(50).doesNotContainKey(email("test@test.com"));
    assertThat(Set.copyOf(resolution.clusterKeys().values())).hasSize(50);
  }

  /** Five family members, each with a customer id, share one email; seen one a day, C3 first. */
  private static List<IdentityLink> familySharingOneEmail() {
    IdentifierKey family = email("smith.family@gmail.com");
    return List.of(
        link(customer("C3"), family, "e3", 0),
        link(customer("C1"), family, "e1", 1440),
        link(customer("C5"), family, "e5", 2880),
        link(customer("C2"), family, "e2", 4320),
        link(customer("C4"), family, "e4", 5760));
  }

  @Test
  void familySharingOneEmailKeepsOneProfilePerCustomerIdAndTheEarliestLinkWins() {
    Resolution resolution = GUARDRAILS.resolve(familySharingOneEmail(), NONE_SHARED);

    assertThat(resolution.accepted())
        .singleElement()
        .satisfies(d -> assertThat(d.link().evidenceEventId()).isEqualTo("e3"));
    assertThat(resolution.dropped())
        .extracting(d -> d.link().evidenceEventId())
        .containsExactly("e1", "e5", "e2", "e4");
    assertThat(resolution.dropped())
        .allSatisfy(
            d -> {
              assertThat(d.reason().code()).isEqualTo("limit:customer_id");
              assertThat(d.reason().identifier()).isEqualTo(email("smith.family@gmail.com"));
              assertThat(d.reason().detail())
                  .isEqualTo("profile would hold 2 customer_id, limit 1");
            });
    assertThat(resolution.clusterKeys().get(email("smith.family@gmail.com")))
        .isEqualTo(customer("C3"));
    assertThat(Set.copyOf(resolution.clusterKeys().values())).hasSize(5);
  }

  @Test
  void decisionsDoNotDependOnTheInputOrder() {
    Resolution expected = GUARDRAILS.resolve(familySharingOneEmail(), NONE_SHARED);
    Random random = new Random(42);
    for (int round = 0; round < 20; round++) {
      List<IdentityLink> shuffled = new ArrayList<>(familySharingOneEmail());
      Collections.shuffle(shuffled, random);
      // the same links with their ends swapped are the same evidence
      List<IdentityLink> swapped =
          shuffled.stream()
              .map(l -> new IdentityLink(l.right(), l.left(), l.evidenceEventId(), l.seenAt()))
              .toList();

      assertThat(GUARDRAILS.resolve(shuffled, NONE_SHARED)).isEqualTo(expected);
      assertThat(GUARDRAILS.resolve(swapped, NONE_SHARED).clusterKeys())
          .isEqualTo(expected.clusterKeys());
    }
  }

  @Test
  void linksSeenAtTheSameInstantAreAppliedByValueSoTheOutcomeIsStable() {
    IdentifierKey family = email("family@gmail.com");
    List<IdentityLink> links =
        List.of(link(customer("C9"), family, "e9", 0), link(customer("C2"), family, "e2", 0));

    for (List<IdentityLink> order : List.of(links, List.of(links.get(1), links.get(0)))) {
      Resolution resolution = GUARDRAILS.resolve(order, NONE_SHARED);
      assertThat(resolution.accepted())
          .singleElement()
          .satisfies(d -> assertThat(d.link().evidenceEventId()).isEqualTo("e2"));
    }
  }

  @Test
  void higherPriorityLinksOfOneEventAreTriedFirst() {
    // C1 owns the family email; then one event carries C2, the family email and a tablet
    IdentifierKey family = email("family@gmail.com");
    IdentifierKey tablet = device("TABLET-1");
    List<IdentityLink> links =
        List.of(
            link(customer("C1"), family, "e1", 0),
            link(tablet, family, "e2", 10),
            link(customer("C2"), tablet, "e2", 10),
            link(customer("C2"), family, "e2", 10));

    Resolution resolution = GUARDRAILS.resolve(links, NONE_SHARED);

    // order at minute 10: (C2, email) before (C2, device) before (email, device)
    assertThat(resolution.decisions())
        .extracting(d -> d.link().evidenceEventId() + " " + d.link().right().type().wireName())
        .containsExactly("e1 email", "e2 email", "e2 device_id", "e2 email");
    assertThat(resolution.decisions())
        .extracting(d -> d.accepted() ? "accepted" : d.reason().code())
        .containsExactly("accepted", "limit:customer_id", "accepted", "limit:customer_id");
    assertThat(resolution.clusterKeys().get(tablet)).isEqualTo(customer("C2"));
    assertThat(resolution.clusterKeys().get(family)).isEqualTo(customer("C1"));
  }

  @Test
  void sixthEmailOfOneProfileIsRefused() {
    List<IdentityLink> links =
        IntStream.rangeClosed(1, 6)
            .mapToObj(i -> link(customer("C1"), email("me" + i + "@gmail.com"), "e" + i, i))
            .toList();

    Resolution resolution = GUARDRAILS.resolve(links, NONE_SHARED);

    assertThat(resolution.accepted()).hasSize(5);
    assertThat(resolution.dropped())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.reason().code()).isEqualTo("limit:email");
              assertThat(d.reason().identifier()).isEqualTo(email("me6@gmail.com"));
            });
  }

  @Test
  void linkBreakingSeveralLimitsNamesTheHighestPriorityType() {
    // two profiles, each with a customer id and a loyalty id, joined by a phone
    IdentifierKey phone = phone("+19045887346");
    List<IdentityLink> links =
        List.of(
            link(customer("C1"), loyalty("L1"), "e1", 0),
            link(customer("C2"), loyalty("L2"), "e2", 1),
            link(customer("C1"), phone, "e3", 2),
            link(loyalty("L2"), phone, "e4", 3));

    Resolution resolution = GUARDRAILS.resolve(links, NONE_SHARED);

    assertThat(resolution.dropped())
        .singleElement()
        .satisfies(d -> assertThat(d.reason().code()).isEqualTo("limit:customer_id"));
  }

  @Test
  void deviceSharedByTwoCustomersIsKeptButNotUsedToMerge() {
    IdentifierKey tablet = device("FAMILY-TABLET");
    SharedIdentifierDetector detector = GUARDRAILS.sharedDetector();
    IdentifierUsage usage = IdentifierUsage.of(tablet, List.of("anna|berg", "ben|berg"), 2);
    assertThat(detector.isShared(usage)).isTrue();
    List<IdentityLink> links =
        List.of(
            link(customer("C1"), tablet, "e1", 0),
            link(tablet, anonymous("anon-1"), "e2", 5),
            link(customer("C2"), tablet, "e3", 10));

    Resolution resolution = GUARDRAILS.resolve(links, tablet::equals);

    assertThat(resolution.accepted()).isEmpty();
    assertThat(resolution.dropped())
        .allSatisfy(
            d -> {
              assertThat(d.reason().code()).isEqualTo("shared_identifier");
              assertThat(d.reason().identifier()).isEqualTo(tablet);
            });
    assertThat(resolution.clusterKeys())
        .containsOnlyKeys(customer("C1"), anonymous("anon-1"), customer("C2"));
    assertThat(resolution.clusterKeys().get(customer("C1")))
        .isNotEqualTo(resolution.clusterKeys().get(customer("C2")));
  }

  @Test
  void streamingOneEventAtATimeDecidesLikeTheBatch() {
    // the stream seeds the profile the batch built (C3 + family email) and offers the next event
    LinkResolver resolver = GUARDRAILS.newResolver();
    resolver.seed(List.of(customer("C3"), email("smith.family@gmail.com")));

    LinkDecision decision =
        GUARDRAILS.decide(
            resolver, familySharingOneEmail().get(1), NONE_SHARED); // C1 + family email

    assertThat(decision.reason().code()).isEqualTo("limit:customer_id");
    assertThat(resolver.together(customer("C1"), customer("C3"))).isFalse();
  }

  @Test
  void reasonDetailNamesNumbersNotValues() {
    Resolution resolution = GUARDRAILS.resolve(familySharingOneEmail(), NONE_SHARED);

    assertThat(resolution.dropped())
        .allSatisfy(
            d ->
                assertThat(d.reason().detail())
                    .doesNotContain("smith.family")
                    .doesNotContain("C1"));
  }
}
