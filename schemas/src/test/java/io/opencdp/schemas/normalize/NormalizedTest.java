package io.opencdp.schemas.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NormalizedTest {
  @Test
  void aValidResultNeedsAValue() {
    assertThatThrownBy(() -> Normalized.valid("raw", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("value is null");
  }

  @Test
  void aValidResultHasNoReason() {
    assertThatThrownBy(() -> new Normalized<>("raw", "x", true, InvalidReason.EMPTY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'empty'");
  }

  @Test
  void anInvalidResultNeedsAReason() {
    assertThatThrownBy(() -> Normalized.invalid("raw", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("invalidReason is null");
  }

  @Test
  void anInvalidResultMayKeepAWellFormedValue() {
    Normalized<String> flagged =
        Normalized.invalid("0000000000", "+10000000000", InvalidReason.PHONE_INVALID_FOR_REGION);

    assertThat(flagged.valid()).isFalse();
    assertThat(flagged.hasValue()).isTrue();
    assertThat(Normalized.invalid("x", InvalidReason.EMPTY).hasValue()).isFalse();
  }

  @Test
  void reasonCodesAreDistinctLowerSnakeCase() {
    assertThat(InvalidReason.ALL)
        .doesNotHaveDuplicates()
        .allMatch(c -> c.matches("[a-z]+(_[a-z]+)*"));
  }
}
