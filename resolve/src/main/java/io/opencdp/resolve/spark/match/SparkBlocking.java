package io.opencdp.resolve.spark.match;

import static org.apache.spark.sql.functions.bit_or;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.call_function;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import io.opencdp.resolve.match.BlockingRule;
import io.opencdp.resolve.match.MatchRecord;
import io.opencdp.resolve.match.RuleStats;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Blocking with joins, the same candidates {@link io.opencdp.resolve.match.CandidatePairs} finds in
 * memory: each record's key under each rule comes from {@link BlockingRule#keyOf} (one place for
 * the rule), blocks over the cap are left out whole and counted, the rest are self-joined on the
 * key. The cap bounds every block, so the join has no unbounded skew.
 *
 * <p>Which rules produced a pair is kept as a bit mask, so the union of the rules is one
 * aggregation, and the per-rule figures (pairs, and pairs no earlier rule had) come from counting
 * the few distinct masks rather than from anti-joins between the rules' pairs.
 */
final class SparkBlocking {
  /** Rules a pair's {@code rules} int can flag. */
  static final int MAX_RULES = Integer.SIZE - 1;

  private static final StructType KEYED =
      new StructType()
          .add("rule", DataTypes.IntegerType, false)
          .add("key", DataTypes.StringType, false)
          .add("id", DataTypes.StringType, false)
          .add("group", DataTypes.StringType, false);

  private SparkBlocking() {}

  /**
   * The candidate pairs of {@code records} (rows of {@link MatchRows#SCHEMA}), persisted; runs two
   * small jobs for the rule figures, which also fill the cache.
   */
  static SparkCandidates generate(
      Dataset<Row> records, List<BlockingRule> rules, int maxBlockSize) {
    if (rules.size() > MAX_RULES) {
      throw new IllegalArgumentException(
          "resolve.match.blocking has "
              + rules.size()
              + " rules; the Spark matcher supports at most "
              + MAX_RULES);
    }
    List<BlockingRule> ruleList = List.copyOf(rules);
    Dataset<Row> keyed =
        records
            .flatMap(
                (FlatMapFunction<Row, Row>) row -> keys(MatchRows.toRecord(row), ruleList),
                Encoders.row(KEYED))
            .persist(StorageLevel.MEMORY_AND_DISK());
    // Block sizes by aggregation (combined before the shuffle) and the oversized blocks dropped by
    // a broadcast anti-join: a block of millions never lands whole in one task. Counting the
    // sizes with a window instead would.
    Dataset<Row> oversized =
        keyed
            .groupBy("rule", "key")
            .agg(count(lit(1)).as("block_size"))
            .where(col("block_size").gt(maxBlockSize))
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long[][] skipped = skippedBlocks(oversized, ruleList.size());
      Dataset<Row> kept =
          keyed.join(
              broadcast(oversized.select("rule", "key")),
              new String[] {"rule", "key"},
              "left_anti");
      Dataset<Row> pairs =
          kept.as("l")
              .join(
                  kept.as("r"),
                  col("l.rule")
                      .equalTo(col("r.rule"))
                      .and(col("l.key").equalTo(col("r.key")))
                      .and(col("l.id").lt(col("r.id")))
                      .and(col("l.group").notEqual(col("r.group"))))
              .select(
                  col("l.id").as("left_id"),
                  col("r.id").as("right_id"),
                  call_function("shiftleft", lit(1), col("l.rule")).as("rule_bit"))
              .groupBy("left_id", "right_id")
              .agg(bit_or(col("rule_bit")).as("rules"))
              .persist(StorageLevel.MEMORY_AND_DISK());
      List<RuleStats> stats = ruleStats(pairs, ruleList, skipped);
      return new SparkCandidates(pairs, stats);
    } finally {
      oversized.unpersist(false);
      keyed.unpersist(false);
    }
  }

  private static Iterator<Row> keys(MatchRecord record, List<BlockingRule> rules) {
    List<Row> keys = new ArrayList<>(rules.size());
    for (int i = 0; i < rules.size(); i++) {
      String key = rules.get(i).keyOf(record);
      if (key != null) {
        keys.add(RowFactory.create(i, key, record.id(), record.group()));
      }
    }
    return keys.iterator();
  }

  /** Per rule: blocks over the cap, and the pairs they would have made (groups not considered). */
  private static long[][] skippedBlocks(Dataset<Row> oversized, int rules) {
    long[][] skipped = new long[rules][2];
    List<Row> rows =
        oversized
            .groupBy("rule")
            .agg(
                count(lit(1)).as("blocks"),
                sum(col("block_size").multiply(col("block_size").minus(1))).as("twice"))
            .collectAsList();
    for (Row row : rows) {
      skipped[row.getInt(0)][0] = row.getLong(1);
      skipped[row.getInt(0)][1] = row.getLong(2) / 2;
    }
    return skipped;
  }

  /**
   * Rule figures from the count of pairs per rule mask: a pair counts for every rule in its mask,
   * and is new for the lowest one (the first rule, in config order, that produced it).
   */
  private static List<RuleStats> ruleStats(
      Dataset<Row> pairs, List<BlockingRule> rules, long[][] skipped) {
    long[] all = new long[rules.size()];
    long[] fresh = new long[rules.size()];
    for (Row row : pairs.groupBy("rules").count().collectAsList()) {
      int mask = row.getInt(0);
      long count = row.getLong(1);
      fresh[Integer.numberOfTrailingZeros(mask)] += count;
      for (int i = 0; i < rules.size(); i++) {
        if ((mask & (1 << i)) != 0) {
          all[i] += count;
        }
      }
    }
    List<RuleStats> stats = new ArrayList<>(rules.size());
    for (int i = 0; i < rules.size(); i++) {
      stats.add(new RuleStats(rules.get(i).name(), all[i], fresh[i], skipped[i][0], skipped[i][1]));
    }
    return stats;
  }
}
