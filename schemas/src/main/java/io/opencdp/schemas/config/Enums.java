package io.opencdp.schemas.config;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads an enum from its config spelling, with a message that names the key. */
final class Enums {
  private Enums() {}

  static <E> E parse(String key, String value, E[] values, Function<E, String> wireName) {
    ConfigChecks.notBlank(key, value);
    for (E candidate : values) {
      if (wireName.apply(candidate).equals(value.strip())) {
        return candidate;
      }
    }
    throw new IllegalArgumentException(
        key
            + " must be one of "
            + Arrays.stream(values).map(wireName).collect(Collectors.joining(", "))
            + ", got '"
            + value
            + "'");
  }
}
