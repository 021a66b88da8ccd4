package io.opencdp.api.export;

import java.util.Collection;
import java.util.Set;

/**
 * What an export asks the suppression list (docs/segments.md, "Suppression list"): the key of an
 * identifier, and which of a batch of keys are suppressed. The list itself ({@code
 * io.opencdp.api.SuppressionList}, index {@code cdp-<ws>-suppressions}) lives elsewhere; an export
 * only reads it through this.
 */
public interface Suppressions {
  /** The key of identifier {@code type} with the (normalized) {@code value}. */
  String key(String type, String value);

  /** The keys of {@code keys} that are on the suppression list. */
  Set<String> suppressedKeys(Collection<String> keys);
}
