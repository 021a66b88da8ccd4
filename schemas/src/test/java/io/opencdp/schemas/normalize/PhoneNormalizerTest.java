package io.opencdp.schemas.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNormalizerTest {
  private final PhoneNormalizer us = new PhoneNormalizer("US");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "(555) 010-2000",
        "555.010.2000",
        "+1 555 010 2000",
        "5550102000",
        "1-555-010-2000",
        "+15550102000",
        " 555 010 2000 ",
        "555-010-2000 ext. 12",
        "５５５０１０２０００"
      })
  void everyUsFormatNormalizesToTheSameE164(String raw) {
    Normalized<String> phone = us.normalize(raw);

    assertThat(phone.value()).isEqualTo("+15550102000");
    assertThat(phone.valid()).isTrue();
    assertThat(phone.raw()).isEqualTo(raw);
  }

  @Test
  void readsANationalNumberInTheDefaultRegion() {
    PhoneNormalizer gb = new PhoneNormalizer("GB");

    assertThat(gb.normalize("020 7946 0018").value()).isEqualTo("+442079460018");
    assertThat(gb.normalize("020 7946 0018").valid()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"DE", "de", "DEU", "Germany", "Deutschland"})
  void readsANationalNumberInTheRegionHint(String hint) {
    Normalized<String> phone = us.normalize("030 901820", hint);

    assertThat(phone.value()).isEqualTo("+4930901820");
    assertThat(phone.valid()).isTrue();
  }

  @Test
  void aCountryCodeWinsOverTheRegionHint() {
    assertThat(us.normalize("+1 555 010 2000", "DE").value()).isEqualTo("+15550102000");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"Narnia", "  "})
  void anUnknownOrMissingHintFallsBackToTheDefaultRegion(String hint) {
    assertThat(us.normalize("(555) 010-2000", hint).value()).isEqualTo("+15550102000");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "abc              | phone_unparseable",
        "n/a              | phone_unparseable",
        "+999 1           | phone_unparseable",
        "12               | phone_impossible",
        "555-0123         | phone_impossible",
        "+1 555 010 20001 | phone_impossible",
      })
  void flagsUnreadableAndImpossibleNumbersWithoutGuessing(String raw, String reason) {
    Normalized<String> phone = us.normalize(raw);

    assertThat(phone.valid()).isFalse();
    assertThat(phone.invalidReason()).isEqualTo(reason);
    assertThat(phone.value()).isNull();
  }

  @Test
  void junkOfAPossibleLengthKeepsItsE164ButIsFlaggedInvalidForTheRegion() {
    Normalized<String> phone = us.normalize("0000000000");

    assertThat(phone.value()).isEqualTo("+10000000000");
    assertThat(phone.valid()).isFalse();
    assertThat(phone.invalidReason()).isEqualTo(InvalidReason.PHONE_INVALID_FOR_REGION);
    assertThat(phone.hasValue()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "(555) 010-2000     | US | +15550102000",
        "+1 555 999 1234    | US | +15559991234",
        "07700 900123       | GB | +447700900123",
        "(212) 555-0123     | US | +12125550123",
        "(650) 253-0000     | US | +16502530000",
      })
  void fictionalRangesAndRealNumbersAreValid(String raw, String region, String e164) {
    Normalized<String> phone = new PhoneNormalizer(region).normalize(raw);

    assertThat(phone.value()).isEqualTo(e164);
    assertThat(phone.valid()).isTrue();
  }

  @Test
  void aNumberJustOutsideTheUkDramaRangeIsNotValid() {
    Normalized<String> phone = new PhoneNormalizer("GB").normalize("07700 901123");

    assertThat(phone.value()).isEqualTo("+447700901123");
    assertThat(phone.invalidReason()).isEqualTo(InvalidReason.PHONE_INVALID_FOR_REGION);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\u00A0"})
  void blankIsEmpty(String raw) {
    assertThat(us.normalize(raw).invalidReason()).isEqualTo(InvalidReason.EMPTY);
  }

  @Test
  void acceptsTheDefaultRegionInAnyCase() {
    assertThat(new PhoneNormalizer("gb").defaultRegion()).isEqualTo("GB");
  }

  @ParameterizedTest
  @ValueSource(strings = {"XX", "USA", ""})
  void rejectsADefaultRegionWithoutANumberingPlanNamingIt(String region) {
    assertThatThrownBy(() -> new PhoneNormalizer(region))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("defaultRegion")
        .hasMessageContaining("'" + region + "'");
  }

  @Test
  void typedFormReadsBackToTheSameNumber() {
    for (String e164 : new String[] {"+15550102000", "+12125551234", "+442079460000"}) {
      String typed = us.typedForm(e164);
      assertThat(typed).doesNotStartWith("+1").isNotEqualTo(e164);
      assertThat(us.normalize(typed).value()).isEqualTo(e164);
    }
    assertThat(us.typedForm("+12125551234")).isEqualTo("(212) 555-1234");
    assertThat(us.typedForm("+442079460000")).isEqualTo("+44 20 7946 0000");
    assertThat(us.typedForm("not a phone")).isEqualTo("not a phone");
  }
}
