package io.opencdp.jobs.index;

/** How {@code cdp index} brings Elasticsearch up to date with Delta. */
public enum IndexMode {
  /** New versioned profiles and identity indices, swapped in atomically; every event rewritten. */
  FULL,
  /**
   * Only what changed since the last run's Delta versions; falls back to {@link #FULL} without a
   * usable previous run.
   */
  INCREMENTAL
}
