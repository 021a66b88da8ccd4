package io.opencdp.resolve.stream;

/** Everything the streaming resolver remembers between events (docs/streaming.md). */
public interface StreamState {
  /** Per identifier ({@code type:value}): its usage, events and profile. */
  StateMap<String, IdentifierNode> identifiers();

  /** Per event id: what resolution needs of the event. */
  StateMap<String, EventNode> events();

  /** Per active profile id: its members and events. */
  StateMap<String, ProfileNode> profiles();

  /** Per id no longer active: the id it is an alias of, or {@code ""} when it was retired. */
  StateMap<String, String> formerIds();

  /** Per distinct match-value vector id: its values, groups and scored pairs (matching only). */
  StateMap<String, VectorNode> vectors();

  /** Per blocking rule and key ({@code <rule index>:<key>}): the vectors in the block. */
  StateMap<String, BlockNode> blocks();

  /**
   * Term-frequency counts: per {@code <field>:<value>} the match records carrying the value, per
   * {@code <field>} the records carrying any.
   */
  StateMap<String, Long> terms();

  /**
   * The batch's accepted probabilistic links, per candidate anchor (a cluster key or {@code
   * event:<id>}): written by reconciliation only, read on every event (docs/streaming.md).
   */
  StateMap<String, PinNode> pins();

  /** Empties every map. */
  default void clear() {
    identifiers().clear();
    events().clear();
    profiles().clear();
    formerIds().clear();
    vectors().clear();
    blocks().clear();
    terms().clear();
    pins().clear();
  }

  /**
   * State in plain hash maps: tests, seeds, and the reference the Flink state is checked against.
   */
  static MemoryState inMemory() {
    return new MemoryState();
  }

  /** The maps as a value; a record's accessors are the interface's methods. */
  record Maps(
      StateMap<String, IdentifierNode> identifiers,
      StateMap<String, EventNode> events,
      StateMap<String, ProfileNode> profiles,
      StateMap<String, String> formerIds,
      StateMap<String, VectorNode> vectors,
      StateMap<String, BlockNode> blocks,
      StateMap<String, Long> terms,
      StateMap<String, PinNode> pins)
      implements StreamState {}
}
