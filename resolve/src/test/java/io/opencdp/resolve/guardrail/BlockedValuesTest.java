package io.opencdp.resolve.guardrail;

import static io.opencdp.schemas.event.IdentifierType.ANONYMOUS_ID;
import static io.opencdp.schemas.event.IdentifierType.CUSTOMER_ID;
import static io.opencdp.schemas.event.IdentifierType.DEVICE_ID;
import static io.opencdp.schemas.event.IdentifierType.EMAIL;
import static io.opencdp.schemas.event.IdentifierType.LOYALTY_ID;
import static io.opencdp.schemas.event.IdentifierType.PHONE;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.normalize.EmailNormalizer;
import io.opencdp.schemas.normalize.PhoneNormalizer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockedValuesTest {
  private static final BlockedValues DEFAULTS = BlockedValues.from(Guardrails.defaults());

  @TempDir Path dir;

  @Test
  void blocksPlaceholderValuesOfEveryType() {
    for (IdentifierType type : IdentifierType.values()) {
      for (String value :
          List.of("", "null", "NULL", " none ", "unknown", "anonymous", "n/a", "na", "-1", "0")) {
        assertThat(DEFAULTS.isBlocked(type, value)).as("%s %s", type, value).isTrue();
      }
    }
    assertThat(DEFAULTS.isBlocked(CUSTOMER_ID, null)).isTrue();
  }

  @Test
  void blocksTheGeneratorsJunkEmailsAndPlaceholderLocalPartsAtAnyDomain() {
    for (String raw :
        List.of(
            "test@test.com",
            "none@none.com",
            "noemail@noemail.com",
            "NoReply@northwind-shop.com",
            "no-reply@gmail.com",
            "asdf@yahoo.com",
            "unknown@outlook.com")) {
      String normalized = EmailNormalizer.normalize(raw).value();
      assertThat(DEFAULTS.isBlocked(EMAIL, normalized)).as(raw).isTrue();
    }
  }

  @Test
  void keepsRealAddressesIncludingExampleDomains() {
    for (String email :
        List.of(
            "kathleensmith18@hotmail.com",
            "smith.emily7937@hotmail.com",
            "mcarpenter5883@gmail.com",
            "testa.maria@gmx.de",
            "nancy@web.de",
            "jane.doe@example.com")) {
      assertThat(DEFAULTS.isBlocked(EMAIL, email)).as(email).isFalse();
    }
  }

  @Test
  void blocksRepeatedDigitAndSequencePhonesAsTheNormalizerWritesThem() {
    PhoneNormalizer us = new PhoneNormalizer("US");
    for (String raw :
        List.of(
            "0000000000", "000-000-0000", "1111111111", "5555555555", "1234567890", "9999999999")) {
      String e164 = us.normalize(raw).value();
      assertThat(DEFAULTS.isBlocked(PHONE, e164)).as("%s -> %s", raw, e164).isTrue();
    }
    assertThat(DEFAULTS.isBlocked(PHONE, "+447000000000")).isTrue();
  }

  @Test
  void keepsPersonalAndStorePhones() {
    // store default phones are not junk by their look: the shared-identifier rule catches them
    for (String phone :
        List.of(
            "+19045887346", "+14125551015", "+447400123456", "+4915112345678", "+12125550100")) {
      assertThat(DEFAULTS.isBlocked(PHONE, phone)).as(phone).isFalse();
    }
  }

  @Test
  void blocksAllZeroDeviceIdsAndTheBuggyAndroidId() {
    assertThat(DEFAULTS.isBlocked(DEVICE_ID, "00000000-0000-0000-0000-000000000000")).isTrue();
    assertThat(DEFAULTS.isBlocked(DEVICE_ID, "9774D56D682E549C")).isTrue();
    assertThat(DEFAULTS.isBlocked(ANONYMOUS_ID, "00000000-0000-0000-0000-000000000000")).isTrue();
    assertThat(DEFAULTS.isBlocked(DEVICE_ID, "E59F7E5F-D586-4D64-AC78-12C31D04C401")).isFalse();
    assertThat(DEFAULTS.isBlocked(ANONYMOUS_ID, "ad2467d8-394d-45ef-90e1-3807733be612")).isFalse();
  }

  @Test
  void keepsRealCustomerAndLoyaltyIds() {
    assertThat(DEFAULTS.isBlocked(CUSTOMER_ID, "C747893962")).isFalse();
    assertThat(DEFAULTS.isBlocked(CUSTOMER_ID, "1")).isFalse();
    assertThat(DEFAULTS.isBlocked(LOYALTY_ID, "LY3523560317")).isFalse();
    assertThat(DEFAULTS.isBlocked(LOYALTY_ID, "0000000")).isTrue();
  }

  @Test
  void configuredRegexesBlockPerTypeAndMatchTheWholeValue() {
    BlockedValues blocked =
        BlockedValues.from(
            Guardrails.load(
                dir,
                """
                resolve:
                  guardrails:
                    blocked:
                      exact:
                        loyalty_id: ["LY-DEMO"]
                      regex:
                        loyalty_id: ["LY9{4,}", "(\\\\d)\\\\1+"]
                        email: ["[^@]+@example\\\\.(com|org)"]
                """));

    assertThat(blocked.isBlocked(LOYALTY_ID, "ly-demo")).isTrue();
    assertThat(blocked.isBlocked(LOYALTY_ID, "LY99999")).isTrue();
    assertThat(blocked.isBlocked(LOYALTY_ID, "7777")).isTrue();
    assertThat(blocked.isBlocked(LOYALTY_ID, "LY999991")).isFalse();
    assertThat(blocked.isBlocked(EMAIL, "jane@example.com")).isTrue();
    assertThat(blocked.isBlocked(EMAIL, "jane@example.com.au")).isFalse();
    // a list set in cdp.yaml replaces the default list
    assertThat(blocked.isBlocked(LOYALTY_ID, "unknown")).isFalse();
    assertThat(blocked.isBlocked(EMAIL, "test@test.com")).isFalse();
    assertThat(blocked.isBlocked(PHONE, "+10000000000")).isTrue();
  }
}
