package io.opencdp.resolve.spark.match;

import static java.util.Objects.requireNonNull;

import io.opencdp.resolve.match.RuleStats;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The candidate pairs of a run, the Spark counterpart of {@link
 * io.opencdp.resolve.match.CandidatePairs}. {@code pairs} is persisted, because training and
 * scoring both read it: {@link #close()} releases it.
 *
 * @param pairs rows of {@link #SCHEMA}, each pair once
 * @param rules what each blocking rule produced, in rule order
 */
public record SparkCandidates(Dataset<Row> pairs, List<RuleStats> rules) implements AutoCloseable {
  /**
   * {@code left_id string, right_id string, rules int}: {@code left_id < right_id}, the records are
   * of different groups, and bit {@code i} of {@code rules} is set when rule {@code i} paired them.
   */
  public static final StructType SCHEMA =
      new StructType()
          .add("left_id", DataTypes.StringType, false)
          .add("right_id", DataTypes.StringType, false)
          .add("rules", DataTypes.IntegerType, false);

  public SparkCandidates {
    requireNonNull(pairs, "pairs is null");
    rules = List.copyOf(rules);
  }

  /** The number of candidate pairs, from the rule stats (no Spark job). */
  public long size() {
    return rules.stream().mapToLong(RuleStats::newPairs).sum();
  }

  /** Unpersists {@link #pairs}. */
  @Override
  public void close() {
    pairs.unpersist(false);
  }
}
