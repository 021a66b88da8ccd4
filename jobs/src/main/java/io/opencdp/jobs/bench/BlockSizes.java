package io.opencdp.jobs.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.opencdp.resolve.match.BlockingRule;
import io.opencdp.resolve.match.MatchRecord;
import io.opencdp.resolve.spark.match.MatchRows;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What each blocking rule will produce, from block sizes alone (one aggregation, no pair listed):
 * in a deduplication a rule's pairs are the sum of {@code n(n-1)/2} over its blocks within the cap.
 * The union of the rules lies between the largest rule and their sum, so this tells before blocking
 * how many pairs the matcher will have to list, compare and score.
 */
final class BlockSizes {
  private static final StructType KEYED =
      new StructType()
          .add("rule", DataTypes.IntegerType, false)
          .add("key", DataTypes.StringType, false);

  /**
   * @param pairs pairs of each rule's blocks within the cap
   * @param largestBlock each rule's largest block
   */
  record Plan(List<Long> pairs, List<Long> largestBlock) {
    Plan {
      pairs = List.copyOf(pairs);
      largestBlock = List.copyOf(largestBlock);
    }

    long sum() {
      return pairs.stream().mapToLong(Long::longValue).sum();
    }

    long max() {
      return pairs.stream().mapToLong(Long::longValue).max().orElse(0);
    }
  }

  private BlockSizes() {}

  /** Over rows of {@link MatchRows#SCHEMA}, every record its own group. */
  static Plan of(Dataset<Row> records, List<BlockingRule> rules, int maxBlockSize) {
    List<BlockingRule> ruleList = List.copyOf(rules);
    Column pairs = col("n").multiply(col("n").minus(1)).divide(2);
    List<Row> rows =
        records
            .flatMap(
                (FlatMapFunction<Row, Row>) row -> keys(MatchRows.toRecord(row), ruleList),
                Encoders.row(KEYED))
            .groupBy("rule", "key")
            .agg(count(lit(1)).as("n"))
            .groupBy("rule")
            .agg(
                sum(when(col("n").leq(maxBlockSize), pairs).otherwise(0)).cast("long"),
                max(col("n")))
            .collectAsList();
    long[] rulePairs = new long[ruleList.size()];
    long[] largest = new long[ruleList.size()];
    for (Row row : rows) {
      rulePairs[row.getInt(0)] = row.getLong(1);
      largest[row.getInt(0)] = row.getLong(2);
    }
    List<Long> p = new ArrayList<>();
    List<Long> l = new ArrayList<>();
    for (int i = 0; i < ruleList.size(); i++) {
      p.add(rulePairs[i]);
      l.add(largest[i]);
    }
    return new Plan(p, l);
  }

  private static Iterator<Row> keys(MatchRecord record, List<BlockingRule> rules) {
    List<Row> keys = new ArrayList<>(rules.size());
    for (int i = 0; i < rules.size(); i++) {
      String key = rules.get(i).keyOf(record);
      if (key != null) {
        keys.add(RowFactory.create(i, key));
      }
    }
    return keys.iterator();
  }
}
