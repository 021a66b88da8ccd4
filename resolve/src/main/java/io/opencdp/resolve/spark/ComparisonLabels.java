package io.opencdp.resolve.spark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.struct;

import io.opencdp.resolve.match.Comparisons;
import io.opencdp.resolve.match.FieldComparison;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;

/**
 * A comparison vector as the labels a person reads ({@link FieldComparison#label}), as a Spark
 * column of {@code array<struct<field, level>>} ({@link ResolveTables#COMPARISON_LABEL}): the same
 * evidence {@code match_links} carries, for tables written without collecting the pairs.
 */
final class ComparisonLabels {
  private ComparisonLabels() {}

  /** The labels of {@code levels} (an {@code array<int>}, one level per comparison). */
  static Column of(Comparisons comparisons, Column levels) {
    Column[] labels = new Column[comparisons.size()];
    for (int k = 0; k < comparisons.size(); k++) {
      FieldComparison field = comparisons.get(k);
      List<Column> names = new ArrayList<>();
      names.add(lit(FieldComparison.NULL_LEVEL));
      names.add(lit(field.label(FieldComparison.NULL_LEVEL)));
      for (int level = 0; level < field.levelCount(); level++) {
        names.add(lit(level));
        names.add(lit(field.label(level)));
      }
      labels[k] =
          struct(
              lit(field.field().wireName()).as("field"),
              map(names.toArray(Column[]::new)).getItem(levels.getItem(k)).as("level"));
    }
    return array(labels);
  }
}
