package io.opencdp.resolve.stream;

/**
 * The one kind of state the streaming resolver needs: a map it reads and writes one key at a time.
 * Flink backs it with keyed {@code MapState} (RocksDB at scale); tests with a {@code HashMap}.
 *
 * @param <K> the key
 * @param <V> the value; the resolver never mutates a value it read, it puts a new one
 */
public interface StateMap<K, V> {
  /** The value of {@code key}, or null. */
  V get(K key);

  void put(K key, V value);

  void remove(K key);

  /** Removes every key (reconciliation swaps the whole state). */
  void clear();
}
