package io.opencdp.schemas.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencdp.schemas.json.Json;
import io.opencdp.schemas.normalize.Normalized;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ValueRecordsTest {

  @Test
  void workspaceIdIsWrittenAsAPlainString() throws Exception {
    assertThat(Json.mapper().writeValueAsString(WorkspaceId.DEFAULT)).isEqualTo("\"default\"");
    assertThat(Json.mapper().readValue("\"brand_b\"", WorkspaceId.class))
        .isEqualTo(new WorkspaceId("brand_b"));
  }

  @Test
  void workspaceIdOutsideThePatternIsRejectedNamingTheValue() {
    assertThatThrownBy(() -> new WorkspaceId("-brand"))
        .hasMessageContaining("workspace_id must be 1-64 lowercase letters")
        .hasMessageContaining("'-brand'");
    assertThatThrownBy(() -> new WorkspaceId("a".repeat(65))).hasMessageContaining("workspace_id");
    assertThatThrownBy(() -> new WorkspaceId(null)).hasMessage("workspace_id is null");
  }

  @Test
  void profileIdIsWrittenAsAPlainStringAndRejectsWhitespace() throws Exception {
    assertThat(Json.mapper().writeValueAsString(new ProfileId("p_0a1b"))).isEqualTo("\"p_0a1b\"");
    assertThatThrownBy(() -> new ProfileId("p 1")).hasMessageContaining("profile_id must match");
  }

  @Test
  void moneyNeedsAnUppercaseIsoCurrency() {
    assertThatThrownBy(() -> Money.of("1.00", "usd")).hasMessageContaining("currency must match");
    assertThatThrownBy(() -> new Money(null, "USD")).hasMessage("amount is null");
  }

  @Test
  void moneyKeepsTheScaleAndDropsANegativeOne() {
    assertThat(Money.of("19.90", "EUR").amount().scale()).isEqualTo(2);
    assertThat(new Money(new BigDecimal("1E+2"), "EUR").amount().toPlainString()).isEqualTo("100");
  }

  @Test
  void moneyEqualsByValueInTheSameCurrencyWhateverTheScale() {
    assertThat(Money.of("19.90", "USD")).isEqualTo(Money.of("19.9000", "USD"));
    assertThat(Money.of("19.90", "USD")).hasSameHashCodeAs(Money.of("19.9000", "USD"));
    assertThat(Money.of("19.90", "USD")).isNotEqualTo(Money.of("19.90", "EUR"));
    assertThat(Money.of("0.00", "USD")).isEqualTo(Money.of("0", "USD"));
  }

  @Test
  void moneyOutsideTheTableColumnIsRejected() {
    assertThatThrownBy(() -> Money.of("1.23456", "USD"))
        .hasMessage("amount must have at most 4 decimal places, got 1.23456");
    assertThat(Money.of("1.23450", "USD").amount().toPlainString()).isEqualTo("1.23450");
    assertThatThrownBy(() -> Money.of("123456789012345", "USD"))
        .hasMessageContaining("at most 14 integer digits");
  }

  @Test
  void identifierKeepsANormalizersValueAndValidity() {
    Identifier identifier =
        Identifier.of(
            IdentifierType.PHONE,
            Normalized.invalid("555-0100", "+15550100", "phone_not_assignable"));

    assertThat(identifier.normalized()).isEqualTo("+15550100");
    assertThat(identifier.valid()).isFalse();
    assertThat(identifier.raw()).isEqualTo("555-0100");
  }

  @Test
  void validIdentifierNeedsANormalizedValue() {
    assertThatThrownBy(() -> new Identifier(IdentifierType.EMAIL, "x", null, true))
        .hasMessage("normalized is null");
    assertThat(Identifier.invalid(IdentifierType.EMAIL, "not-an-email").normalized()).isNull();
  }

  @Test
  void countryMustBeAnIsoAlpha2Code() {
    assertThatThrownBy(() -> new PostalAddress(null, null, null, null, "USA"))
        .hasMessageContaining("country must match");
  }

  @Test
  void consentNeedsAPurposeAndAChangeTime() {
    assertThatThrownBy(() -> new ConsentChange(null, null, true, null, Instant.EPOCH))
        .hasMessage("purpose is null");
    assertThatThrownBy(() -> new ConsentChange("marketing", "email", true, null, null))
        .hasMessage("changed_at is null");
  }

  @Test
  void subRecordsRejectMissingKeysNamingTheField() {
    assertThatThrownBy(() -> new OrderProperties(null, null, null, null, null, false))
        .hasMessage("order_id is null");
    assertThatThrownBy(() -> new LineItem(" ", null, 1, null)).hasMessage("sku is blank");
    assertThatThrownBy(() -> new CallProperties(null, null, null, null, null, null, null, null))
        .hasMessage("contact_id is null");
    assertThatThrownBy(() -> new SourceRef("f.csv", 0L, null))
        .hasMessageContaining("line must be 1 or more");
  }
}
