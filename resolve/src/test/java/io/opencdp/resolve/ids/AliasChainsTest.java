package io.opencdp.resolve.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AliasChainsTest {
  @Test
  void anAliasOfAnAliasResolvesToTheFinalSurvivor() {
    Map<String, String> aliases = Map.of("p_a", "p_b", "p_b", "p_c");

    assertThat(AliasChains.resolve(aliases, "p_a")).isEqualTo("p_c");
    assertThat(AliasChains.resolve(aliases, "p_c")).isEqualTo("p_c");
    assertThat(AliasChains.resolve(aliases, "p_other")).isEqualTo("p_other");
  }

  @Test
  void collapseRepointsAliasesOfAMergedSurvivor() {
    Map<String, String> existing = Map.of("p_a", "p_b", "p_z", "p_y");

    Map<String, String> changed = AliasChains.collapse(existing, Map.of("p_b", "p_c"));

    assertThat(changed).containsOnly(Map.entry("p_a", "p_c"), Map.entry("p_b", "p_c"));
  }

  @Test
  void aCycleIsAnError() {
    assertThatThrownBy(() -> AliasChains.resolve(Map.of("p_a", "p_b", "p_b", "p_a"), "p_a"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cycle");
  }
}
