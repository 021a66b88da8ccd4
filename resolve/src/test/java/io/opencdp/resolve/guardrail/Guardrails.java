package io.opencdp.resolve.guardrail;

import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.config.ConfigLoader;
import io.opencdp.schemas.config.GuardrailConfig;
import io.opencdp.schemas.event.IdentifierType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Small builders for guardrail tests. */
final class Guardrails {
  static final Instant T0 = Instant.parse("2026-07-01T10:00:00Z");

  private Guardrails() {}

  static GuardrailConfig defaults() {
    return CdpConfig.defaults().resolve().guardrails();
  }

  /** The guardrails of a cdp.yaml holding {@code yaml} over the defaults. */
  static GuardrailConfig load(Path dir, String yaml) {
    try {
      Path file = Files.writeString(dir.resolve("cdp.yaml"), yaml);
      return ConfigLoader.load(file).resolve().guardrails();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static IdentifierKey customer(String value) {
    return IdentifierKey.of(IdentifierType.CUSTOMER_ID, value);
  }

  static IdentifierKey loyalty(String value) {
    return IdentifierKey.of(IdentifierType.LOYALTY_ID, value);
  }

  static IdentifierKey email(String value) {
    return IdentifierKey.of(IdentifierType.EMAIL, value);
  }

  static IdentifierKey phone(String value) {
    return IdentifierKey.of(IdentifierType.PHONE, value);
  }

  static IdentifierKey device(String value) {
    return IdentifierKey.of(IdentifierType.DEVICE_ID, value);
  }

  static IdentifierKey anonymous(String value) {
    return IdentifierKey.of(IdentifierType.ANONYMOUS_ID, value);
  }

  /** A link seen {@code minutes} after {@link #T0}, from event {@code event}. */
  static IdentityLink link(IdentifierKey a, IdentifierKey b, String event, int minutes) {
    return new IdentityLink(a, b, event, T0.plusSeconds(60L * minutes));
  }
}
