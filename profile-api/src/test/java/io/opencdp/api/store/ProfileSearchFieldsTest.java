package io.opencdp.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileSearchFieldsTest {
  @Test
  void foldsTheFullName() {
    assertThat(ProfileSearchFields.name("José", "Müller")).isEqualTo("jose muller");
    assertThat(ProfileSearchFields.name(null, "Øster")).isEqualTo("oster");
    assertThat(ProfileSearchFields.name(null, null)).isNull();
  }

  @Test
  void splitsEmailLocalPartsOnPunctuation() {
    assertThat(
            ProfileSearchFields.emailLocals(
                List.of("jose.garcia+news@example.com", "J_Doe-1@x.org", "jose.garcia+news@b.com")))
        .containsExactly("jose garcia news", "j doe 1");
  }

  @Test
  void keepsPhoneDigitsAndTheirSuffixes() {
    assertThat(ProfileSearchFields.phoneDigits(List.of("+15550102000")))
        .containsExactly("15550102000", "2000", "0102000", "5550102000");
    assertThat(ProfileSearchFields.phoneDigits(List.of("+4420"))).containsExactly("4420");
  }
}
