package io.opencdp.api.store;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.event.WorkspaceId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The names of one workspace's Elasticsearch indices and aliases (see docs/profile-store.md).
 * Readers only ever use the aliases; the indexer writes the concrete, versioned indices behind them
 * and moves the aliases atomically.
 *
 * <ul>
 *   <li>{@code cdp-<ws>-profiles}: alias of one versioned index of golden profile documents
 *   <li>{@code cdp-<ws>-identity}: alias of one versioned index of identity-graph documents
 *   <li>{@code cdp-<ws>-events}: alias of the monthly event indices ({@code ...-events-2026.11})
 *   <li>{@code cdp-<ws>-overrides}: one plain index (not versioned, never rebuilt), the queue of
 *       identity overrides recorded through the API that the next {@code cdp resolve} applies
 *   <li>{@code cdp-<ws>-segments}: one plain index (not versioned, never rebuilt), the segment
 *       definitions saved through the API
 *   <li>{@code cdp-<ws>-suppressions}: one plain index (not versioned, never rebuilt), the
 *       suppression list: identifiers never exported, by hash
 *   <li>{@code cdp-<ws>-erasures}: one plain index (not versioned, never rebuilt), the erasure
 *       requests received through the API and their progress (docs/privacy.md)
 * </ul>
 */
public record StoreIndices(String workspace) {
  private static final DateTimeFormatter VERSION =
      DateTimeFormatter.ofPattern("yyyyMMdd'-'HHmmss'-'SSS").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("yyyy.MM").withZone(ZoneOffset.UTC);

  public StoreIndices {
    requireNonNull(workspace, "workspace is null");
    WorkspaceId.check("workspace", workspace);
  }

  /** The alias every reader of golden profiles uses. */
  public String profilesAlias() {
    return "cdp-" + workspace + "-profiles";
  }

  /** The alias every reader of identity graphs uses. */
  public String identityAlias() {
    return "cdp-" + workspace + "-identity";
  }

  /** The alias over every monthly event index. */
  public String eventsAlias() {
    return "cdp-" + workspace + "-events";
  }

  /**
   * The pending identity-overrides queue the API appends to: one plain index, never rebuilt or
   * swapped, because its documents are the only copy until {@code cdp resolve} applies them.
   */
  public String overridesIndex() {
    return "cdp-" + workspace + "-overrides";
  }

  /**
   * The segment definitions saved through the API: one plain index, never rebuilt or swapped, the
   * only copy of the definitions.
   */
  public String segmentsIndex() {
    return "cdp-" + workspace + "-segments";
  }

  /**
   * The suppression list: one plain index, never rebuilt or swapped, the only copy of the list
   * (docs/segments.md, "Suppression list").
   */
  public String suppressionsIndex() {
    return "cdp-" + workspace + "-suppressions";
  }

  /**
   * The erasure requests received through the API, which {@code cdp privacy erase --queued} carries
   * out and updates: one plain index, never rebuilt or swapped (docs/privacy.md).
   */
  public String erasuresIndex() {
    return "cdp-" + workspace + "-erasures";
  }

  /** A new versioned profiles index for a full rebuild started at {@code buildStart}. */
  public String profilesIndex(Instant buildStart) {
    return profilesAlias() + "-" + VERSION.format(buildStart);
  }

  /** A new versioned identity index for a full rebuild started at {@code buildStart}. */
  public String identityIndex(Instant buildStart) {
    return identityAlias() + "-" + VERSION.format(buildStart);
  }

  /** The monthly event index an event that occurred at {@code occurredAt} lives in. */
  public String eventsIndex(Instant occurredAt) {
    return eventsAlias() + "-" + MONTH.format(occurredAt);
  }

  /** Pattern matching every concrete index of this workspace's events. */
  public String eventsIndexPattern() {
    return eventsAlias() + "-*";
  }
}
