package io.opencdp.schemas.audience;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Building rows: repeated columns filled from a list of values. */
final class AudienceRows {
  private AudienceRows() {}

  /** The values normalized by {@code rule}, missing ones and repeats left out, in order. */
  static List<String> firstDistinct(List<String> values, UnaryOperator<String> rule) {
    Set<String> distinct = new LinkedHashSet<>();
    for (String value : values) {
      String normalized = rule.apply(value);
      if (normalized != null) {
        distinct.add(normalized);
      }
    }
    return new ArrayList<>(distinct);
  }

  /** Appends {@code columns} cells: the hashes of the first values, then empty cells. */
  static void addHashed(List<String> row, List<String> values, int columns) {
    for (int i = 0; i < columns; i++) {
      row.add(i < values.size() ? Sha256.hex(values.get(i)) : "");
    }
  }

  /** The repeated header {@code name}, {@code times} times. */
  static void addRepeated(List<String> header, String name, int times) {
    for (int i = 0; i < times; i++) {
      header.add(name);
    }
  }
}
