package io.opencdp.resolve.guardrail;

import static io.opencdp.schemas.event.IdentifierType.ANONYMOUS_ID;
import static io.opencdp.schemas.event.IdentifierType.CUSTOMER_ID;
import static io.opencdp.schemas.event.IdentifierType.DEVICE_ID;
import static io.opencdp.schemas.event.IdentifierType.EMAIL;
import static io.opencdp.schemas.event.IdentifierType.LOYALTY_ID;
import static io.opencdp.schemas.event.IdentifierType.PHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencdp.schemas.config.GuardrailConfig;
import io.opencdp.schemas.error.CdpException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuardrailConfigTest {
  @TempDir Path dir;

  @Test
  void defaultsAreTheDocumentedValues() {
    GuardrailConfig config = Guardrails.defaults();

    assertThat(config.maxPerProfile())
        .isEqualTo(
            Map.of(
                CUSTOMER_ID,
                1,
                LOYALTY_ID,
                1,
                EMAIL,
                5,
                PHONE,
                5,
                DEVICE_ID,
                10,
                ANONYMOUS_ID,
                50));
    assertThat(config.priority())
        .containsExactly(CUSTOMER_ID, LOYALTY_ID, EMAIL, PHONE, DEVICE_ID, ANONYMOUS_ID);
    assertThat(config.maxPersonsPerContact()).isEqualTo(1);
    assertThat(config.maxCustomerIdsPerDevice()).isEqualTo(1);
    assertThat(config.blockedExact().get(EMAIL)).contains("", "null", "n/a", "unknown");
  }

  @Test
  void overridesOnlyTheKeysTheFileNames() {
    GuardrailConfig config =
        Guardrails.load(dir, "resolve:\n  guardrails:\n    limits:\n      email: 3\n");

    assertThat(config.maxPerProfile().get(EMAIL)).isEqualTo(3);
    assertThat(config.maxPerProfile().get(PHONE)).isEqualTo(5);
  }

  @Test
  void invalidRegexNamesTheKeyAndIndex() {
    assertThatThrownBy(
            () ->
                Guardrails.load(
                    dir,
                    "resolve:\n  guardrails:\n    blocked:\n      regex:\n"
                        + "        phone: [\"\\\\+1.*\", \"(unclosed\"]\n"))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("resolve.guardrails.blocked.regex.phone[1]")
        .hasMessageContaining("(unclosed");
  }

  @Test
  void limitOutOfRangeNamesTheKey() {
    assertThatThrownBy(
            () ->
                Guardrails.load(
                    dir, "resolve:\n  guardrails:\n    limits:\n      customer_id: 0\n"))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("resolve.guardrails.limits.customer_id must be between 1 and 10000");
  }

  @Test
  void unknownTypeNamesTheKey() {
    assertThatThrownBy(
            () -> Guardrails.load(dir, "resolve:\n  guardrails:\n    limits:\n      emial: 3\n"))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("resolve.guardrails.limits.emial");
  }

  @Test
  void priorityMustNameEveryTypeOnce() {
    assertThatThrownBy(
            () ->
                Guardrails.load(
                    dir, "resolve:\n  guardrails:\n    priority: [email, customer_id, email]\n"))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("resolve.guardrails.priority names email twice");
    assertThatThrownBy(
            () -> Guardrails.load(dir, "resolve:\n  guardrails:\n    priority: [email, phone]\n"))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("resolve.guardrails.priority must name every identifier type once")
        .hasMessageContaining("missing: customer_id, loyalty_id, device_id, anonymous_id");
    assertThatThrownBy(
            () -> Guardrails.load(dir, "resolve:\n  guardrails:\n    priority: [mail]\n"))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("resolve.guardrails.priority[0] must be one of");
  }

  @Test
  void sharedThresholdOutOfRangeNamesTheKey() {
    assertThatThrownBy(
            () ->
                Guardrails.load(
                    dir,
                    "resolve:\n  guardrails:\n    shared:\n      max_customer_ids_per_device: 0\n"))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("resolve.guardrails.shared.max_customer_ids_per_device");
  }

  @Test
  void blockedNullEntryAsksForQuotes() {
    assertThatThrownBy(
            () ->
                Guardrails.load(
                    dir,
                    "resolve:\n  guardrails:\n    blocked:\n      exact:\n"
                        + "        email: [null]\n"))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("resolve.guardrails.blocked.exact.email[0]");
  }

  @Test
  void blocksNothingWhenListsAreEmpty() {
    GuardrailConfig config =
        Guardrails.load(
            dir,
            "resolve:\n  guardrails:\n    blocked:\n      exact:\n        email: []\n"
                + "      regex:\n        email: []\n");

    assertThat(config.blockedExact().get(EMAIL)).isEqualTo(List.of());
    assertThat(BlockedValues.from(config).isBlocked(EMAIL, "test@test.com")).isFalse();
  }
}
