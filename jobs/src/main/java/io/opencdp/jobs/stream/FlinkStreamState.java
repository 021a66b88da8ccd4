package io.opencdp.jobs.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.opencdp.resolve.stream.BlockNode;
import io.opencdp.resolve.stream.EventNode;
import io.opencdp.resolve.stream.IdentifierNode;
import io.opencdp.resolve.stream.PinNode;
import io.opencdp.resolve.stream.ProfileNode;
import io.opencdp.resolve.stream.StateMap;
import io.opencdp.resolve.stream.StreamState;
import io.opencdp.resolve.stream.VectorNode;
import io.opencdp.schemas.json.Json;
import java.io.UncheckedIOException;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * The resolver's {@link StreamState} in Flink keyed state (the current key: the workspace): eight
 * {@code MapState<String, String>}, values as their {@link Json#mapper()} JSON, so the state
 * serializer is Flink's own string serializer, never Kryo, and RocksDB stores plain bytes.
 */
final class FlinkStreamState {
  /** The name of the profiles map, which reconciliation lists. */
  static final String PROFILES = "profiles";

  private FlinkStreamState() {}

  /** The resolver's state in the current key's {@code MapState}s. */
  static StreamState open(RuntimeContext context) {
    return new StreamState.Maps(
        json(mapState(context, "identifiers"), IdentifierNode.class),
        json(mapState(context, "event-nodes"), EventNode.class),
        json(mapState(context, PROFILES), ProfileNode.class),
        strings(mapState(context, "former-ids")),
        json(mapState(context, "match-vectors"), VectorNode.class),
        json(mapState(context, "match-blocks"), BlockNode.class),
        json(mapState(context, "match-terms"), Long.class),
        json(mapState(context, "match-pins"), PinNode.class));
  }

  /** A {@code MapState<String, String>} named {@code name}. */
  static MapState<String, String> mapState(RuntimeContext context, String name) {
    return context.getMapState(new MapStateDescriptor<>(name, Types.STRING, Types.STRING));
  }

  static String write(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static <T> T read(String json, Class<T> type) {
    try {
      return Json.mapper().readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("unreadable " + type.getSimpleName() + " in state", e);
    }
  }

  private static <V> StateMap<String, V> json(MapState<String, String> state, Class<V> type) {
    return new StateMap<>() {
      @Override
      public V get(String key) {
        String json = call(() -> state.get(key));
        return json == null ? null : read(json, type);
      }

      @Override
      public void put(String key, V value) {
        run(() -> state.put(key, write(value)));
      }

      @Override
      public void remove(String key) {
        run(() -> state.remove(key));
      }

      @Override
      public void clear() {
        state.clear();
      }
    };
  }

  private static StateMap<String, String> strings(MapState<String, String> state) {
    return new StateMap<>() {
      @Override
      public String get(String key) {
        return call(() -> state.get(key));
      }

      @Override
      public void put(String key, String value) {
        run(() -> state.put(key, value));
      }

      @Override
      public void remove(String key) {
        run(() -> state.remove(key));
      }

      @Override
      public void clear() {
        state.clear();
      }
    };
  }

  /** State access that may throw: MapState declares {@code Exception}. */
  interface StateCall<T> {
    T call() throws Exception;
  }

  interface StateRun {
    void run() throws Exception;
  }

  static <T> T call(StateCall<T> call) {
    try {
      return call.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("keyed state access failed", e);
    }
  }

  static void run(StateRun run) {
    call(
        () -> {
          run.run();
          return null;
        });
  }
}
