package io.opencdp.resolve.overrides;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencdp.resolve.guardrail.BlockedValues;
import io.opencdp.resolve.guardrail.IdentifierKey;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.event.IdentifierType;
import org.junit.jupiter.api.Test;

class IdentifierArgumentTest {
  private static final BlockedValues BLOCKED =
      BlockedValues.from(CdpConfig.defaults().resolve().guardrails());

  @Test
  void valuesAreNormalizedAsIngestNormalizesThem() {
    assertThat(IdentifierArgument.parse("email: Ann.Lee@Mail.TEST ", BLOCKED))
        .isEqualTo(IdentifierKey.of(IdentifierType.EMAIL, "ann.lee@mail.test"));
    assertThat(IdentifierArgument.parse("phone:(555) 010-0001", BLOCKED))
        .isEqualTo(IdentifierKey.of(IdentifierType.PHONE, "+15550100001"));
    assertThat(IdentifierArgument.parse("customer_id: C-17 ", BLOCKED))
        .isEqualTo(IdentifierKey.of(IdentifierType.CUSTOMER_ID, "C-17"));
  }

  @Test
  void anUnknownTypeIsRejectedListingTheTypes() {
    assertThatThrownBy(() -> IdentifierArgument.parse("mail:a@b.test", BLOCKED))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("unknown identifier type 'mail'")
        .hasMessageContaining("customer_id, loyalty_id, email")
        .satisfies(e -> assertThat(((CdpException) e).code()).isEqualTo(ErrorCode.BAD_ARGUMENT));
  }

  @Test
  void aValueWithoutTypeIsRejected() {
    assertThatThrownBy(() -> IdentifierArgument.parse("ann@mail.test", BLOCKED))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("must be TYPE:VALUE");
  }

  @Test
  void aBlockedValueIsRejectedBecauseItNeverLinks() {
    assertThatThrownBy(() -> IdentifierArgument.parse("email:test@test.com", BLOCKED))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("'test@test.com' is a blocked value");
  }

  @Test
  void anInvalidValueIsRejected() {
    assertThatThrownBy(() -> IdentifierArgument.parse("email:not-an-email", BLOCKED))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("is not a valid email");
  }
}
