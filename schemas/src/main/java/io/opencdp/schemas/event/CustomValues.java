package io.opencdp.schemas.event;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep, unmodifiable copies of the {@code custom} map, holding JSON values only: {@code null},
 * {@code String}, {@code Boolean}, {@code Long}, {@code BigInteger} (past long), {@code BigDecimal}
 * (every fraction, so {@code 19.90} keeps its scale), {@code List} and {@code Map<String, ?>}.
 * Other integer and floating-point types are converted, so an event built in Java equals the same
 * event read back from JSON. Maps keep their insertion order; nulls are kept, since a trait set to
 * null is information.
 */
final class CustomValues {
  private CustomValues() {}

  static Map<String, Object> copyOf(Map<String, ?> map, String field) {
    if (map == null) {
      return Map.of();
    }
    return copyMap(map, field);
  }

  private static Map<String, Object> copyMap(Map<?, ?> map, String path) {
    Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String key)) {
        throw new IllegalArgumentException(
            path + " has a key that is not a string: " + entry.getKey());
      }
      copy.put(key, copyValue(entry.getValue(), path + "." + key));
    }
    return Collections.unmodifiableMap(copy);
  }

  private static Object copyValue(Object value, String path) {
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Long
        || value instanceof BigDecimal) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger big) {
      return big.bitLength() < Long.SIZE ? (Object) big.longValue() : big;
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (!Double.isFinite(d)) {
        throw new IllegalArgumentException(path + " is not a finite number: " + d);
      }
      return new BigDecimal(value.toString());
    }
    if (value instanceof Map<?, ?> map) {
      return copyMap(map, path);
    }
    if (value instanceof Collection<?> collection) {
      List<Object> copy = new ArrayList<>(collection.size());
      int i = 0;
      for (Object element : collection) {
        copy.add(copyValue(element, path + "[" + i++ + "]"));
      }
      return Collections.unmodifiableList(copy);
    }
    throw new IllegalArgumentException(
        path
            + " has unsupported type "
            + value.getClass().getName()
            + "; use a string, number, boolean, list or map");
  }
}
