package io.opencdp.schemas.config;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * Identity resolution ({@code resolve}): the settings the Spark batch and the Flink streaming path
 * share.
 *
 * @param guardrails which identifier links may merge persons ({@code resolve.guardrails})
 */
public record ResolveConfig(GuardrailConfig guardrails) implements Serializable {
  public ResolveConfig {
    requireNonNull(guardrails, "resolve.guardrails section is required");
  }
}
