package io.opencdp.resolve.spark;

/** How a resolve run reads the events. */
public enum ResolveMode {
  /**
   * Only the events written since the last run (the events table's change feed); falls back to
   * {@link #FULL} when there is no previous run or its position in the change feed is gone.
   */
  INCREMENTAL,
  /** Every event again ({@code cdp resolve --full}); previous profile ids are still kept. */
  FULL
}
