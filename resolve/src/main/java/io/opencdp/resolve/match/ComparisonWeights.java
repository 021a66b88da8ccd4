package io.opencdp.resolve.match;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A comparison as trained: how it compares and the m and u of each level, "exact" first.
 *
 * @param field the field
 * @param kind how it was compared
 * @param thresholds Jaro-Winkler thresholds (name and text only)
 * @param termFrequency whether exact matches are adjusted for the value's frequency
 * @param levels m and u per level, in level order
 */
public record ComparisonWeights(
    String field,
    String kind,
    List<Double> thresholds,
    boolean termFrequency,
    List<LevelWeights> levels) {
  public ComparisonWeights {
    requireNonNull(field, "field is null");
    requireNonNull(kind, "kind is null");
    thresholds = List.copyOf(thresholds);
    levels = List.copyOf(levels);
  }

  /** The comparison this entry was trained for. */
  public FieldComparison comparison() {
    return new FieldComparison(
        MatchField.fromWireName(field),
        ComparisonKind.fromWireName(kind),
        thresholds,
        termFrequency);
  }

  static ComparisonWeights of(FieldComparison c, double[] m, double[] u) {
    List<String> names = c.levelNames();
    List<LevelWeights> levels = new java.util.ArrayList<>();
    for (int l = 0; l < names.size(); l++) {
      levels.add(new LevelWeights(names.get(l), m[l], u[l]));
    }
    return new ComparisonWeights(
        c.field().wireName(), c.kind().wireName(), c.thresholds(), c.termFrequency(), levels);
  }
}
