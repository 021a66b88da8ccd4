package io.opencdp.schemas.config;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * Identity resolution ({@code resolve}): the settings the Spark batch and the Flink streaming path
 * share.
 *
 * @param guardrails which identifier links may merge persons ({@code resolve.guardrails})
 * @param requireOverrideQueue whether {@code cdp resolve} fails when Elasticsearch, holding the
 *     queue of identity overrides recorded through the API, does not answer ({@code
 *     resolve.require_override_queue}; default false: warn and resolve without them)
 * @param match probabilistic matching of names, addresses and birth dates ({@code resolve.match})
 */
public record ResolveConfig(
    GuardrailConfig guardrails, boolean requireOverrideQueue, MatchConfig match)
    implements Serializable {
  public ResolveConfig {
    requireNonNull(guardrails, "resolve.guardrails section is required");
    requireNonNull(match, "resolve.match section is required");
  }
}
