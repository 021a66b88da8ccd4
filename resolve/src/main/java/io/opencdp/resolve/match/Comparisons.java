package io.opencdp.resolve.match;

import java.io.Serializable;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The comparisons of a model, in order: a pair's comparison vector has one level per entry. Encoded
 * into one long (3 bits a comparison) so pattern counting is a map of longs.
 *
 * @param fields the comparisons, each field at most once
 */
public record Comparisons(List<FieldComparison> fields) implements Serializable {
  /** The most comparisons a vector can hold (3 bits each in a long). */
  public static final int MAX_COMPARISONS = 21;

  private static final int BITS = 3;

  public Comparisons {
    fields = List.copyOf(fields);
    if (fields.isEmpty() || fields.size() > MAX_COMPARISONS) {
      throw new IllegalArgumentException(
          "resolve.match.comparisons needs 1 to "
              + MAX_COMPARISONS
              + " fields, got "
              + fields.size());
    }
    Set<MatchField> seen = new HashSet<>();
    for (FieldComparison f : fields) {
      if (!seen.add(f.field())) {
        throw new IllegalArgumentException(
            "resolve.match.comparisons names " + f.field().wireName() + " twice");
      }
      if (f.levelCount() > (1 << BITS) - 1) {
        throw new IllegalArgumentException(
            "match.comparisons."
                + f.field().wireName()
                + " has too many levels (at most 6 thresholds)");
      }
    }
  }

  public int size() {
    return fields.size();
  }

  public FieldComparison get(int index) {
    return fields.get(index);
  }

  /** The comparison vector of a pair: one level per comparison, -1 where a value is missing. */
  public int[] levels(MatchRecord a, MatchRecord b) {
    int[] levels = new int[fields.size()];
    for (int k = 0; k < levels.length; k++) {
      FieldComparison f = fields.get(k);
      levels[k] = f.level(a.get(f.field()), b.get(f.field()));
    }
    return levels;
  }

  /** The comparison vector of a pair, encoded. */
  public long pattern(MatchRecord a, MatchRecord b) {
    return encode(levels(a, b));
  }

  /**
   * Whether a pair's levels say the two records agree on {@code field}; false when the field is not
   * compared or either value is missing.
   */
  public boolean agree(MatchField field, int[] levels) {
    for (int k = 0; k < fields.size(); k++) {
      if (fields.get(k).field() == field) {
        return fields.get(k).agrees(levels[k]);
      }
    }
    return false;
  }

  /**
   * A comparison vector as a person reads it: field name to level label ({@link
   * FieldComparison#label}), in vector order.
   */
  public Map<String, String> labels(int[] levels) {
    if (levels.length != fields.size()) {
      throw new IllegalArgumentException(
          "a vector of " + levels.length + " levels for " + fields.size() + " comparisons");
    }
    Map<String, String> labels = new LinkedHashMap<>();
    for (int k = 0; k < levels.length; k++) {
      labels.put(fields.get(k).field().wireName(), fields.get(k).label(levels[k]));
    }
    return labels;
  }

  /** Levels to one long; level -1 is stored as 0. */
  public static long encode(int[] levels) {
    long pattern = 0;
    for (int k = 0; k < levels.length; k++) {
      pattern |= (long) (levels[k] + 1) << (BITS * k);
    }
    return pattern;
  }

  /** The level of comparison {@code k} in an encoded vector. */
  public static int levelAt(long pattern, int k) {
    return (int) ((pattern >>> (BITS * k)) & ((1 << BITS) - 1)) - 1;
  }

  /** An encoded vector back to levels. */
  public int[] decode(long pattern) {
    int[] levels = new int[fields.size()];
    for (int k = 0; k < levels.length; k++) {
      levels[k] = levelAt(pattern, k);
    }
    return levels;
  }
}
