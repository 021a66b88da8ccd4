package io.opencdp.schemas.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTextTest {
  @Test
  void foldsAccentsCaseAndSpaces() {
    assertThat(SearchText.fold("  José  GARCÍA ")).isEqualTo("jose garcia");
    assertThat(SearchText.fold("Müller-Straße")).isEqualTo("muller-strasse");
    assertThat(SearchText.fold("Søren Łukasz Æsir")).isEqualTo("soren lukasz aesir");
  }

  @Test
  void keepsNull() {
    assertThat(SearchText.fold(null)).isNull();
  }
}
