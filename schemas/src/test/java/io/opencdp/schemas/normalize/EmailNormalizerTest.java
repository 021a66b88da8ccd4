package io.opencdp.schemas.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailNormalizerTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'  John.Doe@Example.COM  ' | john.doe@example.com",
        "<jane@x.com>               | jane@x.com",
        "mailto:Jane@X.com          | jane@x.com",
        "MAILTO: jane@x.com         | jane@x.com",
        "<mailto:jane@x.com>        | jane@x.com",
        "'\u00A0jane@x.com\u2003\t'  | jane@x.com",
        "'\uFEFFjane@x.com'         | jane@x.com",
      })
  void trimsUnwrapsAndLowercases(String raw, String expected) {
    Normalized<String> email = EmailNormalizer.normalize(raw);

    assertThat(email.valid()).isTrue();
    assertThat(email.value()).isEqualTo(expected);
    assertThat(email.raw()).isEqualTo(raw);
  }

  @Test
  void keepsDotsAndPlusTagsBecauseRemovingThemIsAMatchingDecision() {
    assertThat(EmailNormalizer.normalize("First.Last+Promo@Gmail.com").value())
        .isEqualTo("first.last+promo@gmail.com");
  }

  @Test
  void foldsFullWidthCharactersWithNfkc() {
    assertThat(EmailNormalizer.normalize("ｊｏｈｎ＠ｅｘａｍｐｌｅ．ｃｏｍ").value()).isEqualTo("john@example.com");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "test@test.com",
        "o'brien@example.ie",
        "a_b-c@sub.example.co.uk",
        "user@münchen.de",
        "x@xn--mnchen-3ya.de",
        "1@2.com"
      })
  void acceptsSyntacticallyValidAddressesIncludingJunk(String raw) {
    assertThat(EmailNormalizer.normalize(raw).valid()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a@b",
        "@x.com",
        "a b@x.com",
        "a@@x.com",
        "a@b@x.com",
        "a@",
        "plainaddress",
        ".a@x.com",
        "a.@x.com",
        "a..b@x.com",
        "a@x..com",
        "a@.x.com",
        "a@x.com.",
        "a@-x.com",
        "a@x-.com",
        "a@x_y.com",
        "a@x.123",
        "a@x,com",
        "\"quoted\"@x.com",
        "mailto:a@x.com?subject=hi",
        "a@[192.168.0.1]",
      })
  void rejectsInvalidSyntax(String raw) {
    Normalized<String> email = EmailNormalizer.normalize(raw);

    assertThat(email.valid()).isFalse();
    assertThat(email.invalidReason()).isEqualTo(InvalidReason.EMAIL_SYNTAX);
    assertThat(email.value()).isNull();
    assertThat(email.raw()).isEqualTo(raw);
  }

  @Test
  void rejectsALocalPartLongerThan64() {
    assertThat(EmailNormalizer.normalize("a".repeat(64) + "@x.com").valid()).isTrue();
    assertThat(EmailNormalizer.normalize("a".repeat(65) + "@x.com").invalidReason())
        .isEqualTo(InvalidReason.EMAIL_SYNTAX);
  }

  @Test
  void rejectsAnAddressLongerThan254() {
    String label = "d".repeat(60);
    String domain = label + "." + label + "." + label + "." + label + ".com";
    String fits = "a".repeat(254 - domain.length() - 1) + "@" + domain;
    String tooLong = "a" + fits;

    assertThat(EmailNormalizer.normalize(fits).valid()).isTrue();
    assertThat(EmailNormalizer.normalize(tooLong).invalidReason())
        .isEqualTo(InvalidReason.EMAIL_SYNTAX);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\u00A0\t", "mailto:", "<>", "<  >"})
  void blankIsEmpty(String raw) {
    assertThat(EmailNormalizer.normalize(raw).invalidReason()).isEqualTo(InvalidReason.EMPTY);
  }
}
