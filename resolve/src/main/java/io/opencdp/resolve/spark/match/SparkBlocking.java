package io.opencdp.resolve.spark.match;

import static org.apache.spark.sql.functions.bit_or;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.call_function;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.opencdp.resolve.match.BlockRefinement;
import io.opencdp.resolve.match.BlockingRule;
import io.opencdp.resolve.match.RuleStats;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Blocking with joins, the same candidates {@link io.opencdp.resolve.match.CandidatePairs} finds in
 * memory: each record's key under each rule comes from {@link BlockingRule#keyOf}, blocks over the
 * refine size are split by {@link SparkBlockKeys} with the rule of {@link BlockRefinement} (one
 * place for each rule), blocks over the cap are left out whole and counted, the rest are
 * self-joined on the key. The cap bounds every block, so the join has no unbounded skew.
 *
 * <p>Which rules produced a pair is kept as a bit mask, so the union of the rules is one
 * aggregation, and the per-rule figures (pairs, and pairs no earlier rule had) come from counting
 * the few distinct masks rather than from anti-joins between the rules' pairs.
 */
final class SparkBlocking {
  /** Rules a pair's {@code rules} int can flag. */
  static final int MAX_RULES = Integer.SIZE - 1;

  private SparkBlocking() {}

  /** The candidate pairs without refinement. */
  static SparkCandidates generate(
      Dataset<Row> records, List<BlockingRule> rules, int maxBlockSize) {
    return generate(records, rules, BlockRefinement.NONE, maxBlockSize);
  }

  /**
   * The candidate pairs of {@code records} (rows of {@link MatchRows#SCHEMA}), persisted; runs a
   * small job per refinement depth and two for the rule figures, which also fill the cache.
   */
  static SparkCandidates generate(
      Dataset<Row> records,
      List<BlockingRule> rules,
      BlockRefinement refinement,
      int maxBlockSize) {
    if (rules.size() > MAX_RULES) {
      throw new IllegalArgumentException(
          "resolve.match.blocking has "
              + rules.size()
              + " rules; the Spark matcher supports at most "
              + MAX_RULES);
    }
    List<BlockingRule> ruleList = List.copyOf(rules);
    Dataset<Row> unrefined =
        SparkBlockKeys.unrefined(records, ruleList, refinement)
            .persist(StorageLevel.MEMORY_AND_DISK());
    SparkBlockKeys refined = SparkBlockKeys.refine(unrefined, ruleList.size(), refinement);
    Dataset<Row> keyed = refined.keys();
    // Block sizes by aggregation (combined before the shuffle) and the oversized blocks dropped by
    // a broadcast anti-join: a block of millions never lands whole in one task. Counting the
    // sizes with a window instead would.
    Dataset<Row> sizes =
        keyed
            .groupBy("rule", "key")
            .agg(count(lit(1)).as("block_size"), max(col("depth")).as("depth"))
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> oversized = sizes.where(col("block_size").gt(maxBlockSize));
    try {
      long[][] blockFigures = blockFigures(sizes, ruleList.size(), maxBlockSize);
      Dataset<Row> kept =
          keyed
              .select("rule", "key", "id", "group")
              .join(
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
      List<RuleStats> stats = ruleStats(pairs, ruleList, blockFigures, refined);
      return new SparkCandidates(pairs, stats);
    } finally {
      sizes.unpersist(false);
      refined.close();
      unrefined.unpersist(false);
    }
  }

  /**
   * Per rule: blocks over the cap and the pairs they would have made, and the pairs of the kept
   * sub-blocks refinement made (groups not considered).
   */
  private static long[][] blockFigures(Dataset<Row> sizes, int rules, int maxBlockSize) {
    long[][] figures = new long[rules][3];
    Column n = col("block_size");
    Column pairs = n.multiply(n.minus(1)).divide(2);
    Column over = n.gt(maxBlockSize);
    List<Row> rows =
        sizes
            .groupBy("rule")
            .agg(
                sum(when(over, 1L).otherwise(0L)),
                sum(when(over, pairs).otherwise(0)).cast("long"),
                sum(when(over.unary_$bang().and(col("depth").gt(0)), pairs).otherwise(0))
                    .cast("long"))
            .collectAsList();
    for (Row row : rows) {
      for (int k = 0; k < 3; k++) {
        figures[row.getInt(0)][k] = row.isNullAt(k + 1) ? 0 : row.getLong(k + 1);
      }
    }
    return figures;
  }

  /**
   * Rule figures from the count of pairs per rule mask: a pair counts for every rule in its mask,
   * and is new for the lowest one (the first rule, in config order, that produced it).
   */
  private static List<RuleStats> ruleStats(
      Dataset<Row> pairs, List<BlockingRule> rules, long[][] blocks, SparkBlockKeys refined) {
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
      stats.add(
          new RuleStats(
              rules.get(i).name(),
              all[i],
              fresh[i],
              blocks[i][0],
              blocks[i][1],
              refined.refinedBlocks()[i],
              refined.pairsBeforeRefinement()[i],
              blocks[i][2]));
    }
    return stats;
  }
}
