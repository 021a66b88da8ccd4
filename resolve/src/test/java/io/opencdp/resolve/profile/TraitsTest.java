package io.opencdp.resolve.profile;

import static io.opencdp.resolve.profile.Events.build;
import static io.opencdp.resolve.profile.Events.call;
import static io.opencdp.resolve.profile.Events.daysAgo;
import static io.opencdp.resolve.profile.Events.emailEvent;
import static io.opencdp.resolve.profile.Events.onlineOrder;
import static io.opencdp.resolve.profile.Events.posLine;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencdp.schemas.event.EventTypes;
import io.opencdp.schemas.event.Money;
import io.opencdp.schemas.event.SourceSystems;
import io.opencdp.schemas.event.TouchpointEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Computed traits on one hand-built timeline, as of 2026-11-01. Default rates: EUR 1.04 from
 * 2026-01-01 and 1.17 from 2026-07-01; GBP 1.25 and 1.35.
 */
class TraitsTest {
  private static final Instant JUNE_15 = Instant.parse("2026-06-15T12:00:00Z");
  private static final Instant AUG_01 = Instant.parse("2026-08-01T09:00:00Z");
  private static final Instant OCT_20 = Instant.parse("2026-10-20T15:00:00Z");

  private static List<TouchpointEvent> timeline() {
    List<TouchpointEvent> events = new ArrayList<>();
    events.add(onlineOrder("W1", JUNE_15, "100.00", "EUR")); // 104.00 USD
    events.add(onlineOrder("W2", AUG_01, "100.00", "EUR")); // 117.00 USD
    events.add(posLine("T1", 1, OCT_20, 2, "19.99")); // one transaction of two lines: 55.98
    events.add(posLine("T1", 2, OCT_20, 1, "16.00"));
    events.add(posLine("R1", 1, Instant.parse("2026-10-25T10:00:00Z"), -1, "16.00"));
    events.add(onlineOrder("W3", Instant.parse("2026-09-01T10:00:00Z"), "5000", "JPY"));
    events.add(onlineOrder("W4", Instant.parse("2025-12-01T10:00:00Z"), "10.00", "GBP"));
    events.add(
        Events.withIds(
            "crm",
            SourceSystems.CRM,
            Instant.parse("2026-05-01T00:00:00Z"),
            Events.email("ann@mail.test")));
    events.add(emailEvent("d1", EventTypes.EMAIL_DELIVERED, daysAgo(1), "ann@mail.test"));
    events.add(emailEvent("d2", EventTypes.EMAIL_DELIVERED, daysAgo(29.9), "ann@mail.test"));
    events.add(emailEvent("d3", EventTypes.EMAIL_DELIVERED, daysAgo(31), "ann@mail.test"));
    events.add(emailEvent("d4", EventTypes.EMAIL_DELIVERED, daysAgo(-1), "ann@mail.test"));
    events.add(emailEvent("o1", EventTypes.EMAIL_OPEN, daysAgo(2), "ann@mail.test"));
    events.add(emailEvent("c1", EventTypes.EMAIL_CLICK, daysAgo(45), "ann@mail.test"));
    events.add(call("k1", daysAgo(10), "billing"));
    events.add(call("k2", daysAgo(3), null));
    events.add(call("k3", daysAgo(20), "delivery"));
    return events;
  }

  @Test
  void ordersInTwoCurrenciesConvertAtTheRateEffectiveOnTheirDate() {
    Traits traits = build(timeline()).traits();

    assertThat(traits.orderCount()).isEqualTo(5);
    assertThat(traits.unconvertedOrders()).isEqualTo(2);
    // 104.00 + 117.00 + 55.98 - 16.00 returned
    assertThat(traits.totalSpend()).isEqualTo(Money.of("260.98", "USD"));
    // sales over the three orders that converted
    assertThat(traits.averageOrderValue()).isEqualTo(Money.of("92.3267", "USD"));
    assertThat(traits.lastOrderAt()).isEqualTo(OCT_20);
  }

  @Test
  void returnsAreCountedPerTransactionAndKeptPositive() {
    Traits traits = build(timeline()).traits();

    assertThat(traits.returnCount()).isEqualTo(1);
    assertThat(traits.returnedAmount()).isEqualTo(Money.of("16.00", "USD"));
  }

  @Test
  void emailEngagementCountsOnlyTheThirtyDaysUpToAsOf() {
    Traits traits = build(timeline()).traits();

    assertThat(traits.emailDelivered30d()).isEqualTo(2);
    assertThat(traits.emailOpened30d()).isEqualTo(1);
    assertThat(traits.emailClicked30d()).isZero();
    assertThat(traits.asOf()).isEqualTo(Events.AS_OF);
  }

  @Test
  void callCenterContactsKeepTheLatestRecordedReason() {
    Traits traits = build(timeline()).traits();

    assertThat(traits.callContacts()).isEqualTo(3);
    assertThat(traits.lastCallAt()).isEqualTo(daysAgo(3));
    assertThat(traits.lastCallReason()).isEqualTo("billing");
  }

  @Test
  void rfmScoresComeFromTheConfiguredBounds() {
    RfmScore rfm = build(timeline()).traits().rfm();

    // 11 days since Oct 20 (<= 30: 5); 5 orders (>= 5: 4); 260.98 USD (>= 250: 3)
    assertThat(rfm).isEqualTo(new RfmScore(11, 5, 4, 3));
    assertThat(build(timeline().subList(7, 10)).traits().rfm()).isNull();
  }

  @Test
  void aProfileWithoutOrdersSpendsNothing() {
    Traits traits = build(timeline().subList(7, 12)).traits();

    assertThat(traits.orderCount()).isZero();
    assertThat(traits.totalSpend()).isEqualTo(Money.of("0", "USD"));
    assertThat(traits.averageOrderValue()).isNull();
    assertThat(traits.lastOrderAt()).isNull();
  }

  @Test
  void channelsAndTimesCoverEveryEvent() {
    Traits traits = build(timeline()).traits();

    assertThat(traits.firstSeenAt()).isEqualTo(Instant.parse("2025-12-01T10:00:00Z"));
    assertThat(traits.lastSeenAt()).isEqualTo(daysAgo(-1));
    assertThat(traits.eventCount()).isEqualTo(17);
    assertThat(traits.channels()).containsExactly("call_center", "crm", "email", "store", "web");
    assertThat(traits.eventsPerChannel())
        .isEqualTo(Map.of("call_center", 3L, "crm", 1L, "email", 6L, "store", 3L, "web", 4L));
  }

  @Test
  void aHardBounceOfThePrimaryEmailSuppressesIt() {
    List<TouchpointEvent> events = timeline();
    events.add(emailEvent("b1", EventTypes.EMAIL_BOUNCE, daysAgo(4), "ann@mail.test", "blocked"));
    assertThat(build(events).traits().emailSuppressed()).isFalse();

    events.add(emailEvent("b2", EventTypes.EMAIL_BOUNCE, daysAgo(6), "ann@mail.test", "bounce"));
    GoldenProfile profile = build(events);

    assertThat(profile.traits().emailSuppressed()).isTrue();
    assertThat(profile.traits().emailSuppressionReason()).isEqualTo("hard_bounce");
    assertThat(profile.traits().emailSuppressedAt()).isEqualTo(daysAgo(6));
    assertThat(profile.contactPoints().emails().get(0).suppressedReason()).isEqualTo("hard_bounce");
  }

  @Test
  void spamReportsAndUnsubscribesSuppressTooTheLatestReasonWins() {
    List<TouchpointEvent> events = timeline();
    events.add(emailEvent("s1", EventTypes.EMAIL_SPAMREPORT, daysAgo(8), "ann@mail.test"));
    events.add(emailEvent("u1", EventTypes.EMAIL_UNSUBSCRIBE, daysAgo(7), "ann@mail.test"));

    Traits traits = build(events).traits();

    assertThat(traits.emailSuppressed()).isTrue();
    assertThat(traits.emailSuppressionReason()).isEqualTo("unsubscribe");
  }

  @Test
  void contactPointsCountTheirEventsAndSources() {
    ContactPoint email = build(timeline()).contactPoints().emails().get(0);

    assertThat(email.value()).isEqualTo("ann@mail.test");
    assertThat(email.primary()).isTrue();
    assertThat(email.eventCount()).isEqualTo(7);
    assertThat(email.firstSeenAt()).isEqualTo(Instant.parse("2026-05-01T00:00:00Z"));
    assertThat(email.lastSeenAt()).isEqualTo(daysAgo(-1));
    assertThat(email.sources()).containsExactly("crm", "sendgrid");
  }
}
