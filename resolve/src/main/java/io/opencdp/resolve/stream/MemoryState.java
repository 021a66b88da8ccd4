package io.opencdp.resolve.stream;

import java.util.HashMap;
import java.util.Map;

/**
 * A {@link StreamState} in plain hash maps whose entries can be listed: tests, and the seed that
 * reconciliation builds from the batch's outputs ({@link StreamSeed}).
 */
public final class MemoryState implements StreamState {
  private final MemoryMap<IdentifierNode> identifiers = new MemoryMap<>();
  private final MemoryMap<EventNode> events = new MemoryMap<>();
  private final MemoryMap<ProfileNode> profiles = new MemoryMap<>();
  private final MemoryMap<String> formerIds = new MemoryMap<>();
  private final MemoryMap<VectorNode> vectors = new MemoryMap<>();
  private final MemoryMap<BlockNode> blocks = new MemoryMap<>();
  private final MemoryMap<Long> terms = new MemoryMap<>();
  private final MemoryMap<PinNode> pins = new MemoryMap<>();

  MemoryState() {}

  @Override
  public MemoryMap<IdentifierNode> identifiers() {
    return identifiers;
  }

  @Override
  public MemoryMap<EventNode> events() {
    return events;
  }

  @Override
  public MemoryMap<ProfileNode> profiles() {
    return profiles;
  }

  @Override
  public MemoryMap<String> formerIds() {
    return formerIds;
  }

  @Override
  public MemoryMap<VectorNode> vectors() {
    return vectors;
  }

  @Override
  public MemoryMap<BlockNode> blocks() {
    return blocks;
  }

  @Override
  public MemoryMap<Long> terms() {
    return terms;
  }

  @Override
  public MemoryMap<PinNode> pins() {
    return pins;
  }

  /** Copies every entry of every map into {@code target}. */
  public void copyTo(StreamState target) {
    identifiers.copyTo(target.identifiers());
    events.copyTo(target.events());
    profiles.copyTo(target.profiles());
    formerIds.copyTo(target.formerIds());
    vectors.copyTo(target.vectors());
    blocks.copyTo(target.blocks());
    terms.copyTo(target.terms());
    pins.copyTo(target.pins());
  }

  /** One map, its entries readable. */
  public static final class MemoryMap<V> implements StateMap<String, V> {
    private final Map<String, V> map = new HashMap<>();

    @Override
    public V get(String key) {
      return map.get(key);
    }

    @Override
    public void put(String key, V value) {
      map.put(key, value);
    }

    @Override
    public void remove(String key) {
      map.remove(key);
    }

    @Override
    public void clear() {
      map.clear();
    }

    /** A read-only view of the entries. */
    public Map<String, V> entries() {
      return java.util.Collections.unmodifiableMap(map);
    }

    /** Copies every entry into {@code target}. */
    public void copyTo(StateMap<String, V> target) {
      map.forEach(target::put);
    }
  }
}
