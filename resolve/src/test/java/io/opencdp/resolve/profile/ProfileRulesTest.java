package io.opencdp.resolve.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.event.SourceSystems;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileRulesTest {
  private static final Instant RUN = Instant.parse("2026-11-20T10:15:30.123456789Z");

  @Test
  void windowedTraitsAreComputedAtTheConfiguredAsOfElseAtTheRunTime() {
    CdpConfig config = CdpConfig.defaults();

    assertThat(ProfileRules.from(config, RUN).asOf())
        .isEqualTo(Instant.parse("2026-11-20T10:15:30.123456Z"));
    assertThat(
            ProfileRules.from(config.withProfiles(config.profiles().withAsOf(Events.AS_OF)), RUN)
                .asOf())
        .isEqualTo(Events.AS_OF);
  }

  @Test
  void theWindowEndsAtAsOfAndExcludesItsStart() {
    ProfileRules rules = Events.rules();
    java.time.Duration day = java.time.Duration.ofDays(1);

    assertThat(rules.inWindow(Events.AS_OF, day)).isTrue();
    assertThat(rules.inWindow(Events.AS_OF.minus(day), day)).isFalse();
    assertThat(rules.inWindow(Events.AS_OF.plusSeconds(1), day)).isFalse();
  }

  @Test
  void rulesSurviveJavaSerializationForSparkAndFlinkWorkers() throws Exception {
    ProfileRules rules = Events.rules();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(rules);
    }
    ProfileRules copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (ProfileRules) in.readObject();
    }
    List<io.opencdp.schemas.event.TouchpointEvent> events =
        List.of(Events.named("a", SourceSystems.CRM, Events.daysAgo(1), "Ann", "Lee"));

    assertThat(Events.build(copy, events)).isEqualTo(Events.build(rules, events));
  }

  @Test
  void anAccumulatorRefusesAnotherWorkspacesEventAndAnEmptyBuild() {
    ProfileAccumulator acc = new ProfileAccumulator(Events.rules(), "brand_b", "p1");

    assertThatThrownBy(
            () -> acc.add(Events.named("a", SourceSystems.CRM, Events.daysAgo(1), "A", "B")))
        .hasMessageContaining("workspace default, not brand_b");
    assertThatThrownBy(() -> acc.build(Events.UPDATED_AT))
        .isInstanceOf(IllegalStateException.class);
  }
}
