package io.opencdp.resolve.profile;

import io.opencdp.schemas.event.TouchpointEvent;
import java.io.Serializable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A dotted path into an event's JSON form, e.g. {@code properties.order.total} or {@code
 * custom.properties.delivery_method}: field names are the snake_case names of the event's JSON
 * (docs/data-model.md), list elements are numbered from 0, and everything under {@code custom} is
 * whatever the source sent. Checked against the event model when compiled, so a typo fails at
 * start, naming the config key; a path that meets a missing value resolves to null.
 */
final class PropertyPath implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Per record class: snake_case component name to accessor. */
  private static final ClassValue<Map<String, Method>> ACCESSORS =
      new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
          Map<String, Method> accessors = new HashMap<>();
          for (RecordComponent c : type.getRecordComponents()) {
            accessors.put(snakeCase(c.getName()), c.getAccessor());
          }
          return accessors;
        }
      };

  private final String text;
  private final List<String> segments;

  private PropertyPath(String text, List<String> segments) {
    this.text = text;
    this.segments = segments;
  }

  /** Compiles {@code path}; an error names {@code key}. */
  static PropertyPath compile(String key, String path) {
    List<String> segments = List.of(path.split("\\."));
    Type type = TouchpointEvent.class;
    for (int i = 0; i < segments.size(); i++) {
      String segment = segments.get(i);
      Class<?> raw = raw(type);
      String at = i == 0 ? "the event" : String.join(".", segments.subList(0, i));
      if (Map.class.isAssignableFrom(raw)) {
        break; // custom: free-form below here
      } else if (List.class.isAssignableFrom(raw)) {
        if (!segment.matches("[0-9]{1,6}")) {
          throw new IllegalArgumentException(
              key + ": '" + path + "': " + at + " is a list; address an element by number");
        }
        type = ((ParameterizedType) type).getActualTypeArguments()[0];
      } else if (raw.isRecord()) {
        RecordComponent component =
            Arrays.stream(raw.getRecordComponents())
                .filter(c -> snakeCase(c.getName()).equals(segment))
                .findFirst()
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            key
                                + ": '"
                                + path
                                + "': "
                                + at
                                + " has no field '"
                                + segment
                                + "'; known: "
                                + Arrays.stream(raw.getRecordComponents())
                                    .map(c -> snakeCase(c.getName()))
                                    .collect(Collectors.joining(", "))));
        type = component.getGenericType();
      } else {
        throw new IllegalArgumentException(
            key + ": '" + path + "': " + at + " is a value and has no field '" + segment + "'");
      }
    }
    return new PropertyPath(path, segments);
  }

  /** The value at this path in {@code event}, or null. */
  Object resolve(TouchpointEvent event) {
    Object current = event;
    for (String segment : segments) {
      if (current == null) {
        return null;
      }
      if (current instanceof Map<?, ?> map) {
        current = map.get(segment);
      } else if (current instanceof List<?> list) {
        int index = segment.matches("[0-9]{1,6}") ? Integer.parseInt(segment) : -1;
        current = index >= 0 && index < list.size() ? list.get(index) : null;
      } else if (current instanceof Record record) {
        current = get(record, segment);
      } else {
        return null;
      }
    }
    return current;
  }

  @Override
  public String toString() {
    return text;
  }

  private static Object get(Record record, String name) {
    Method accessor = ACCESSORS.get(record.getClass()).get(name);
    if (accessor == null) {
      return null;
    }
    try {
      return accessor.invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + name + " of " + record.getClass(), e);
    }
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    return Object.class;
  }

  static String snakeCase(String camel) {
    StringBuilder out = new StringBuilder(camel.length() + 4);
    for (char ch : camel.toCharArray()) {
      if (Character.isUpperCase(ch)) {
        out.append('_').append(Character.toLowerCase(ch));
      } else {
        out.append(ch);
      }
    }
    return out.toString();
  }
}
