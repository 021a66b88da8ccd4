package io.opencdp.resolve.profile;

import static io.opencdp.resolve.profile.Events.build;
import static io.opencdp.resolve.profile.Events.daysAgo;
import static io.opencdp.resolve.profile.Events.eventId;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.config.PrivacyConfig.ConsentPurpose;
import io.opencdp.schemas.event.ConsentChange;
import io.opencdp.schemas.event.EventTypes;
import io.opencdp.schemas.event.SourceSystems;
import io.opencdp.schemas.event.TouchpointEvent;
import io.opencdp.schemas.privacy.ConsentPurposes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsentTest {
  @Test
  void theLatestChangeByEventTimeWins() {
    GoldenProfile profile =
        build(
            List.of(
                change("a", daysAgo(30), "marketing", "email", true),
                change("b", daysAgo(5), "marketing", "email", false),
                change("c", daysAgo(20), "marketing", "email", true)));

    assertThat(profile.consent())
        .containsExactly(
            new ConsentState(
                "marketing",
                "email",
                false,
                "test",
                eventId(SourceSystems.SEGMENT_WEB, "b"),
                daysAgo(5)));
    assertThat(profile.consentGranted("marketing", "email")).isFalse();
  }

  @Test
  void aLateArrivingOlderChangeDoesNotOverrideANewerOne() {
    ProfileAccumulator acc = new ProfileAccumulator(Events.rules(), "default", "p1");
    acc.add(change("new", daysAgo(1), "marketing", "email", true));
    // arrives later (received now), happened earlier: an unsubscribe from last month
    acc.add(change("old", daysAgo(40), "marketing", "email", false));

    GoldenProfile profile = acc.build(Events.UPDATED_AT);

    assertThat(profile.consentGranted("marketing", "email")).isTrue();
    assertThat(profile.consent().get(0).eventId())
        .isEqualTo(eventId(SourceSystems.SEGMENT_WEB, "new"));
  }

  @Test
  void noRecordMeansNotGranted() {
    GoldenProfile profile = build(List.of(change("a", daysAgo(3), "marketing", "email", true)));

    assertThat(profile.consentGranted("marketing", "sms")).isFalse();
    assertThat(profile.consentGranted("analytics", "email")).isFalse();
    assertThat(build(List.of(Events.named("x", SourceSystems.CRM, daysAgo(1), "A", "B"))).consent())
        .isEmpty();
  }

  @Test
  void aChangeForEveryChannelAppliesToEachChannelUntilANewerOne() {
    GoldenProfile profile =
        build(
            List.of(
                change("a", daysAgo(10), "marketing", "email", true),
                change("b", daysAgo(5), "marketing", null, false),
                change("c", daysAgo(2), "marketing", "sms", true)));

    assertThat(profile.consentGranted("marketing", "email")).isFalse();
    assertThat(profile.consentGranted("marketing", "sms")).isTrue();
    assertThat(profile.consent()).hasSize(3);
    assertThat(profile.consent().get(0).channel()).isNull();
  }

  @Test
  void atTheSameInstantAWithdrawalBeatsAGrant() {
    Instant at = daysAgo(3);
    List<TouchpointEvent> events =
        List.of(
            change("a", at, "marketing", "email", true),
            change("b", at, "marketing", "email", false));

    assertThat(build(events).consentGranted("marketing", "email")).isFalse();
    assertThat(build(List.of(events.get(1), events.get(0))).consentGranted("marketing", "email"))
        .isFalse();
  }

  private static TouchpointEvent change(
      String key, Instant at, String purpose, String channel, boolean granted) {
    return Events.event(key, SourceSystems.SEGMENT_WEB, EventTypes.IDENTIFY, Events.AS_OF)
        .consent(new ConsentChange(purpose, channel, granted, "test", at))
        .build();
  }

  @Test
  void grantedKeysListGrantedRecordedChannelsAndWholePurposes() {
    List<ConsentState> states =
        List.of(
            state("marketing", null, true, daysAgo(10)),
            state("marketing", "sms", false, daysAgo(5)),
            // older than the channel-less grant, which decides
            state("marketing", "email", false, daysAgo(20)),
            state("analytics", null, false, daysAgo(2)),
            state("analytics", "email", true, daysAgo(30)),
            state("email_group:7", "email", true, daysAgo(1)));

    assertThat(ConsentState.grantedKeys(states))
        .containsExactly("email_group:7:email", "marketing:*", "marketing:email");
    assertThat(ConsentState.grantedKeys(List.of())).isEmpty();
  }

  private static ConsentState state(
      String purpose, String channel, boolean granted, Instant changedAt) {
    return new ConsentState(purpose, channel, granted, "test", "e-" + changedAt, changedAt);
  }

  // Every named purpose of the default config (privacy.purposes), decided by ConsentPurposes on the
  // profile's consent: the rule the consent route, segments and exports share.
  private static final Map<String, ConsentPurpose> PURPOSES =
      CdpConfig.defaults().privacy().purposes();

  @Test
  void theDefaultConfigNamesTheFourPurposes() {
    assertThat(PURPOSES.keySet())
        .containsExactly("marketing_email", "marketing_sms", "ad_targeting", "analytics");
  }

  @Test
  void eachNamedPurposeIsGrantedByAGrantOfItsOwn() {
    PURPOSES.forEach(
        (name, purpose) ->
            assertThat(granted(purpose, own(purpose, "a", daysAgo(10), true))).as(name).isTrue());
  }

  @Test
  void eachNamedPurposeIsRevokedByALaterWithdrawal() {
    PURPOSES.forEach(
        (name, purpose) ->
            assertThat(
                    granted(
                        purpose,
                        own(purpose, "a", daysAgo(10), true),
                        own(purpose, "b", daysAgo(5), false)))
                .as(name)
                .isFalse());
  }

  @Test
  void eachNamedPurposeKeepsANewerGrantOverAnEarlierWithdrawalArrivingLate() {
    PURPOSES.forEach(
        (name, purpose) ->
            assertThat(
                    granted(
                        purpose,
                        own(purpose, "new", daysAgo(1), true),
                        own(purpose, "old", daysAgo(40), false)))
                .as(name)
                .isTrue());
  }

  @Test
  void eachNamedPurposeWithoutARecordIsNotGranted() {
    PURPOSES.forEach(
        (name, purpose) -> {
          assertThat(granted(purpose, Events.named("x", SourceSystems.CRM, daysAgo(1), "A", "B")))
              .as(name)
              .isFalse();
          // a grant of another purpose, or on another channel, is no record of this one
          assertThat(granted(purpose, change("x", daysAgo(3), "personalization", null, true)))
              .as(name)
              .isFalse();
          assertThat(granted(purpose, change("y", daysAgo(3), purpose.purpose(), "push", true)))
              .as(name)
              .isFalse();
        });
  }

  @Test
  void aChannelLessRecordDecidesEachNamedPurposeOfItsPurposeUntilANewerOwnOne() {
    PURPOSES.forEach(
        (name, purpose) -> {
          TouchpointEvent everyChannel = change("all", daysAgo(5), purpose.purpose(), null, true);
          assertThat(granted(purpose, everyChannel)).as(name).isTrue();
          assertThat(
                  granted(
                      purpose,
                      everyChannel,
                      change("w", daysAgo(2), purpose.purpose(), null, false)))
              .as(name)
              .isFalse();
          if (purpose.channel() != null) {
            assertThat(granted(purpose, everyChannel, own(purpose, "own", daysAgo(2), false)))
                .as(name)
                .isFalse();
            assertThat(granted(purpose, everyChannel, own(purpose, "own", daysAgo(9), false)))
                .as(name)
                .isTrue();
          }
        });
  }

  /** A change of exactly the (purpose, channel) the named purpose reads. */
  private static TouchpointEvent own(ConsentPurpose purpose, String key, Instant at, boolean on) {
    return change(key, at, purpose.purpose(), purpose.channel(), on);
  }

  /** The events accumulated in the order given (the last may be the one arriving late). */
  private static boolean granted(ConsentPurpose purpose, TouchpointEvent... events) {
    ProfileAccumulator acc = new ProfileAccumulator(Events.rules(), "default", "p1");
    for (TouchpointEvent event : events) {
      acc.add(event);
    }
    return ConsentPurposes.isGranted(acc.build(Events.UPDATED_AT).consent(), purpose);
  }
}
