package io.opencdp.schemas.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NameNormalizerTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'  Mary   Ann \t Smith '      | Mary Ann Smith | mary ann smith | mary ann smith",
        "'Anne\u3000Marie'             | Anne Marie     | anne marie     | anne marie",
        "'Jean\u00A0Luc'               | Jean Luc       | jean luc       | jean luc",
        "'Jo\u200Bhn'                  | John           | john           | john",
        "ＪＯＨＮ　ＳＭＩＴＨ             | JOHN SMITH     | john smith     | john smith",
        "Zoë                           | Zoë            | zoë            | zoe",
        "Müller                        | Müller         | müller         | muller",
        "José Álvarez                  | José Álvarez   | josé álvarez   | jose alvarez",
        "Łukasz                        | Łukasz         | łukasz         | lukasz",
        "Søren                         | Søren          | søren          | soren",
        "Straße                        | Straße         | straße         | strasse",
        "O'Brien-Smith                 | O'Brien-Smith  | o'brien-smith  | o'brien-smith",
        "山田 太郎                      | 山田 太郎       | 山田 太郎       | 山田 太郎",
      })
  void producesDisplayMatchKeyAndFoldedForms(
      String raw, String display, String matchKey, String asciiFolded) {
    Normalized<PersonName> name = NameNormalizer.normalize(raw);

    assertThat(name.valid()).isTrue();
    assertThat(name.raw()).isEqualTo(raw);
    assertThat(name.value()).isEqualTo(new PersonName(display, matchKey, asciiFolded));
  }

  @Test
  void decomposedAndComposedDiacriticsMeetInTheMatchKey() {
    String composed = "Zo\u00EB";
    String decomposed = "Zoe\u0308";

    assertThat(NameNormalizer.normalize(decomposed).value().matchKey())
        .isEqualTo(NameNormalizer.normalize(composed).value().matchKey());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\t\n", "\u3000", "\u200B"})
  void blankIsEmpty(String raw) {
    Normalized<PersonName> name = NameNormalizer.normalize(raw);

    assertThat(name.valid()).isFalse();
    assertThat(name.invalidReason()).isEqualTo(InvalidReason.EMPTY);
  }
}
