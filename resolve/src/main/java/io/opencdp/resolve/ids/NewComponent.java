package io.opencdp.resolve.ids;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A person as the current run resolved it, before it has an id.
 *
 * @param key its cluster key (its highest-priority identifier, {@code type:value}); unique
 * @param firstSeen the earliest {@code received_at} of its events; null when unknown
 */
public record NewComponent(String key, Instant firstSeen) {
  public NewComponent {
    requireNonNull(key, "key is null");
  }
}
