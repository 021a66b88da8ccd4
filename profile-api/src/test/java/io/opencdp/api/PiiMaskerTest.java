package io.opencdp.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PiiMaskerTest {
  @Test
  void emailKeepsFirstCharacterAndDomain() {
    assertThat(PiiMasker.email("jane.doe@example.com")).isEqualTo("j***@example.com");
    assertThat(PiiMasker.email("j@example.com")).isEqualTo("j***@example.com");
  }

  @Test
  void emailWithoutLocalPartOrDomainMasksWhole() {
    assertThat(PiiMasker.email("@example.com")).isEqualTo("***");
    assertThat(PiiMasker.email("jane@")).isEqualTo("***");
    assertThat(PiiMasker.email("not an email")).isEqualTo("***");
  }

  @Test
  void emailKeepsAWholeFirstCodePoint() {
    assertThat(PiiMasker.email("\uD83D\uDE00x@example.com"))
        .isEqualTo("\uD83D\uDE00***@example.com");
  }

  @Test
  void phoneKeepsLastFourDigits() {
    assertThat(PiiMasker.phone("+15550102000")).isEqualTo("***2000");
    assertThat(PiiMasker.phone("+44 7700 900123")).isEqualTo("***0123");
  }

  @Test
  void shortPhoneMasksWhole() {
    assertThat(PiiMasker.phone("123456")).isEqualTo("***");
    assertThat(PiiMasker.phone("")).isEqualTo("***");
  }

  @Test
  void nullStaysNull() {
    assertThat(PiiMasker.email(null)).isNull();
    assertThat(PiiMasker.phone(null)).isNull();
  }
}
