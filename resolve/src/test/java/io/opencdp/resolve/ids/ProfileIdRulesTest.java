package io.opencdp.resolve.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileIdRulesTest {
  private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");

  @Test
  void aWalkInProfileIsNamedByItsEarliestReceivedEventAndKeepsItsIdAsItGrows() {
    Map<String, Instant> events = new HashMap<>();
    events.put("b-second", T0.plusSeconds(60));
    events.put("z-first", T0);
    String id = ProfileIdRules.walkInId(events);

    assertThat(id).isEqualTo(ProfileIdRules.walkInId(Map.of("z-first", T0))).startsWith("p_");
    // a later visit with a smaller event id does not rename it
    events.put("a-later", T0.plusSeconds(3600));
    assertThat(ProfileIdRules.walkInId(events)).isEqualTo(id);
    // never the id an identifier-bearing profile keyed by the same text would get
    assertThat(id).isNotEqualTo(ProfileIdRules.mint("z-first", 0));
  }

  @Test
  void equallyEarlyEventsAreTiedByTheSmallerEventIdAndUnknownTimesGoLast() {
    Map<String, Instant> events = new HashMap<>();
    events.put("b", T0);
    events.put("a", T0);
    events.put("0-unknown", null);

    assertThat(ProfileIdRules.walkInId(events)).isEqualTo(ProfileIdRules.walkInId(Map.of("a", T0)));
    assertThatThrownBy(() -> ProfileIdRules.walkInId(Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
