package io.opencdp.schemas.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencdp.schemas.event.Identifier;
import io.opencdp.schemas.event.IdentifierType;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuppressedIdentifiersTest {
  private final IdentifierHasher hasher = new IdentifierHasher(new byte[32]);

  @Test
  void aRecordCarryingAnErasedIdentifierIsSuppressedValidOrNot() {
    SuppressedIdentifiers erased =
        new SuppressedIdentifiers(hasher, List.of(hasher.hash("email", "ann@mail.test")));

    assertThat(
            erased.suppresses(
                List.of(
                    Identifier.valid(IdentifierType.CUSTOMER_ID, "C1", "C1"),
                    Identifier.valid(IdentifierType.EMAIL, "Ann@Mail.test", "ann@mail.test"))))
        .isTrue();
    assertThat(
            erased.suppresses(
                List.of(
                    new Identifier(
                        IdentifierType.EMAIL, "ann@mail.test ", "ann@mail.test", false))))
        .isTrue();
    assertThat(erased.suppresses(List.of(Identifier.invalid(IdentifierType.EMAIL, "ann@"))))
        .isFalse();
    assertThat(erased.suppresses("phone", "ann@mail.test")).isFalse();
  }

  @Test
  void aRawRecordHoldingAnErasedValueAsATokenIsSuppressed() {
    SuppressedIdentifiers erased =
        new SuppressedIdentifiers(
            hasher,
            List.of(hasher.hash("email", "ann@mail.test"), hasher.hash("customer_id", "C1234")));

    assertThat(erased.suppressesText("{\"email\": \"Ann@Mail.test\", broken")).isTrue();
    assertThat(erased.suppressesText("C1234,,2026-13-45")).isTrue();
    assertThat(erased.suppressesText("C12345,joann@mail.test")).isFalse();
  }

  @Test
  void theEmptySetSuppressesNothing() {
    assertThat(SuppressedIdentifiers.none().isEmpty()).isTrue();
    assertThat(
            SuppressedIdentifiers.none()
                .suppresses(
                    List.of(Identifier.valid(IdentifierType.EMAIL, "a@b.test", "a@b.test"))))
        .isFalse();
  }
}
