package io.opencdp.resolve.spark.match;

import static org.apache.spark.sql.functions.col;

import io.opencdp.resolve.match.MatchRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Candidate pairs with both records' values joined back: {@code left_id, left_group, left_values,
 * right_id, right_group, right_values}. Blocking carries only ids, so the values are not shuffled
 * once per rule that paired two records.
 */
final class PairRecords {
  static final int LEFT = 0;
  static final int RIGHT = 3;
  static final int RULES = 6;

  private PairRecords() {}

  /**
   * @param records rows of {@link MatchRows#SCHEMA}
   * @param candidates rows of {@link SparkCandidates#SCHEMA}
   */
  static Dataset<Row> join(Dataset<Row> records, Dataset<Row> candidates) {
    return candidates
        .select("left_id", "right_id")
        .join(side(records, "left_"), "left_id")
        .join(side(records, "right_"), "right_id")
        .select("left_id", "left_group", "left_values", "right_id", "right_group", "right_values");
  }

  /** {@link #join} with the candidates' {@code rules} bits as a seventh column ({@link #RULES}). */
  static Dataset<Row> joinWithRules(Dataset<Row> records, Dataset<Row> candidates) {
    return candidates
        .select("left_id", "right_id", "rules")
        .join(side(records, "left_"), "left_id")
        .join(side(records, "right_"), "right_id")
        .select(
            "left_id",
            "left_group",
            "left_values",
            "right_id",
            "right_group",
            "right_values",
            "rules");
  }

  static MatchRecord left(Row pair) {
    return MatchRows.toRecord(pair, LEFT);
  }

  static MatchRecord right(Row pair) {
    return MatchRows.toRecord(pair, RIGHT);
  }

  private static Dataset<Row> side(Dataset<Row> records, String prefix) {
    return records.select(
        col("id").as(prefix + "id"),
        col("group").as(prefix + "group"),
        col("values").as(prefix + "values"));
  }
}
