package io.opencdp.jobs.bench;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * How {@code cdp bench api} fills the profile store before it measures lookups: the one step that
 * differs between a benchmark of the API alone ({@link SyntheticProfiles}: documents written
 * straight into the index) and one of the whole platform (generate, ingest, resolve, then {@code
 * cdp index}). Whatever fills it, the store is read through {@code StoreIndices(workspace)}'s
 * profiles alias, and the lookups use the keys it returns.
 */
interface BenchProfiles {
  /**
   * Fills the profiles alias of {@code workspace} on the cluster at {@code esUrl} with {@code
   * scale} profiles made from {@code seed}; returns the keys to look them up by.
   */
  Loaded load(String esUrl, String workspace, long scale, long seed, Path scratch) throws Exception;

  /** Describes where the documents came from, for the report's notes. */
  String describe();

  /**
   * What was loaded.
   *
   * @param alias the profiles alias readers use
   * @param profileIds ids of profiles that exist, for {@code GET /v1/profiles/{id}}
   * @param phones E.164 phones that each belong to a profile, for {@code ?phone=}
   * @param documents documents behind the alias
   */
  record Loaded(String alias, List<String> profileIds, List<String> phones, long documents) {
    public Loaded {
      requireNonNull(alias, "alias is null");
      profileIds = List.copyOf(profileIds);
      phones = List.copyOf(phones);
      if (profileIds.isEmpty() || phones.isEmpty()) {
        throw new IllegalArgumentException("a bench store needs ids and phones to look up");
      }
    }
  }
}
