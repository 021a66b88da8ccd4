package io.opencdp.schemas.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NicknamesTest {
  @Test
  void aShortFormIsTheSameGivenNameAsItsFormalName() {
    assertThat(Nicknames.sameGivenName("Bob", "Robert")).isTrue();
    assertThat(Nicknames.sameGivenName("robert", "BOB")).isTrue();
    assertThat(Nicknames.sameGivenName("Liz", "Elizabeth")).isTrue();
  }

  @Test
  void twoShortFormsOfOneFormalNameAreTheSameGivenName() {
    assertThat(Nicknames.sameGivenName("Kate", "Kathy")).isTrue();
  }

  @Test
  void differentFormalNamesAreNotTheSameGivenName() {
    assertThat(Nicknames.sameGivenName("Maria", "Margaret")).isFalse();
    assertThat(Nicknames.sameGivenName("Gerald", "Jeremy")).isFalse();
    assertThat(Nicknames.sameGivenName("Anna", "Emily")).isFalse();
  }

  @Test
  void anUnknownNameStandsForItself() {
    assertThat(Nicknames.formalForms("Zywicki")).containsExactly("zywicki");
    assertThat(Nicknames.formalForms("Kathy")).contains("kathy", "katherine", "kathleen");
  }
}
