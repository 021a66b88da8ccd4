package io.opencdp.jobs.bench;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.config.CdpConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * How {@code cdp bench api} fills the profile store before it measures lookups ({@link
 * PipelineProfiles}: generate, ingest, resolve, then {@code cdp index --full}). Whatever fills it,
 * the store is read through the profiles alias of the workspace it names, and the lookups use the
 * keys it returns.
 */
interface BenchProfiles {
  /**
   * Fills the profile store on the cluster at {@code esUrl} from {@code scale} persons made with
   * {@code seed}; returns the keys to look them up by.
   */
  Loaded load(CdpConfig config, String esUrl, long scale, long seed, Path scratch) throws Exception;

  /** Describes where the documents came from, for the report's notes. */
  String describe();

  /**
   * What was loaded.
   *
   * @param workspace the workspace whose store was filled (the API serves it)
   * @param alias the profiles alias readers use
   * @param profileIds ids of profiles that exist, for {@code GET /v1/profiles/{id}}
   * @param phones E.164 phones that each belong to a profile, for {@code ?phone=}
   * @param documents documents behind the alias
   * @param setup figures of filling the store (times, counts), reported with the run's own
   */
  record Loaded(
      String workspace,
      String alias,
      List<String> profileIds,
      List<String> phones,
      long documents,
      List<Figure> setup) {
    public Loaded {
      requireNonNull(workspace, "workspace is null");
      requireNonNull(alias, "alias is null");
      profileIds = List.copyOf(profileIds);
      phones = List.copyOf(phones);
      setup = List.copyOf(setup);
      if (profileIds.isEmpty() || phones.isEmpty()) {
        throw new IllegalArgumentException("a bench store needs ids and phones to look up");
      }
    }
  }
}
