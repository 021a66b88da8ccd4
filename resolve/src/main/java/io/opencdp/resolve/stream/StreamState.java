package io.opencdp.resolve.stream;

import java.util.HashMap;
import java.util.Map;

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

  /** State in plain hash maps: tests, and the reference the Flink state is checked against. */
  static StreamState inMemory() {
    return new StreamState() {
      private final StateMap<String, IdentifierNode> identifiers = map();
      private final StateMap<String, EventNode> events = map();
      private final StateMap<String, ProfileNode> profiles = map();
      private final StateMap<String, String> formerIds = map();

      @Override
      public StateMap<String, IdentifierNode> identifiers() {
        return identifiers;
      }

      @Override
      public StateMap<String, EventNode> events() {
        return events;
      }

      @Override
      public StateMap<String, ProfileNode> profiles() {
        return profiles;
      }

      @Override
      public StateMap<String, String> formerIds() {
        return formerIds;
      }
    };
  }

  private static <K, V> StateMap<K, V> map() {
    Map<K, V> m = new HashMap<>();
    return new StateMap<>() {
      @Override
      public V get(K key) {
        return m.get(key);
      }

      @Override
      public void put(K key, V value) {
        m.put(key, value);
      }

      @Override
      public void remove(K key) {
        m.remove(key);
      }
    };
  }
}
