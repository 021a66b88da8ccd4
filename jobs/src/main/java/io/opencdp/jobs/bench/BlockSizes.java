package io.opencdp.jobs.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.opencdp.resolve.match.BlockRefinement;
import io.opencdp.resolve.match.BlockingRule;
import io.opencdp.resolve.spark.match.MatchRows;
import io.opencdp.resolve.spark.match.SparkBlockKeys;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What each blocking rule will produce, from block sizes alone (one aggregation, no pair listed):
 * in a deduplication a rule's pairs are the sum of {@code n(n-1)/2} over its blocks within the cap.
 * The union of the rules lies between the largest rule and their sum, so this tells before blocking
 * how many pairs the matcher will have to list, compare and score.
 */
final class BlockSizes {
  /**
   * @param pairs pairs of each rule's blocks (after refinement) within the cap
   * @param largestBlock each rule's largest block (after refinement)
   * @param refinedBlocks each rule's blocks over the refine size, split by the refinement keys
   */
  record Plan(List<Long> pairs, List<Long> largestBlock, List<Long> refinedBlocks) {
    Plan {
      pairs = List.copyOf(pairs);
      largestBlock = List.copyOf(largestBlock);
      refinedBlocks = List.copyOf(refinedBlocks);
    }

    long sum() {
      return pairs.stream().mapToLong(Long::longValue).sum();
    }

    long max() {
      return pairs.stream().mapToLong(Long::longValue).max().orElse(0);
    }
  }

  private BlockSizes() {}

  /**
   * Over rows of {@link MatchRows#SCHEMA}, every record its own group; blocks refined as the
   * matcher refines them ({@link SparkBlockKeys}), one small job per refinement depth.
   */
  static Plan of(
      Dataset<Row> records,
      List<BlockingRule> rules,
      BlockRefinement refinement,
      int maxBlockSize) {
    Column pairs = col("n").multiply(col("n").minus(1)).divide(2);
    List<Row> rows;
    long[] refined;
    try (SparkBlockKeys keys = SparkBlockKeys.of(records, rules, refinement)) {
      refined = keys.refinedBlocks();
      rows =
          keys.keys()
              .groupBy("rule", "key")
              .agg(count(lit(1)).as("n"))
              .groupBy("rule")
              .agg(
                  sum(when(col("n").leq(maxBlockSize), pairs).otherwise(0)).cast("long"),
                  max(col("n")))
              .collectAsList();
    }
    long[] rulePairs = new long[rules.size()];
    long[] largest = new long[rules.size()];
    for (Row row : rows) {
      rulePairs[row.getInt(0)] = row.getLong(1);
      largest[row.getInt(0)] = row.getLong(2);
    }
    List<Long> p = new ArrayList<>();
    List<Long> l = new ArrayList<>();
    List<Long> r = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      p.add(rulePairs[i]);
      l.add(largest[i]);
      r.add(refined[i]);
    }
    return new Plan(p, l, r);
  }
}
