package io.opencdp.resolve.spark.match;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import io.opencdp.resolve.match.BlockRefinement;
import io.opencdp.resolve.match.BlockingRule;
import io.opencdp.resolve.match.MatchRecord;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.collection.immutable.ArraySeq;

/**
 * Each record's block under each rule, after block refinement: the key comes from {@link
 * BlockingRule#keyOf}, and a block over the refine size is split as {@link BlockRefinement} says
 * (the same calls the in-memory blocking makes), one depth at a time. At each depth the blocks over
 * the size are found by aggregation and broadcast (there are at most records / refine size of them
 * per rule), the records in them get their sub-block key and the others keep theirs.
 *
 * <p>Used by the Spark blocking and by the benchmark's blocking plan, so both see the same blocks.
 * Close it when the keys have been used: it holds the cached blocks over the size.
 *
 * @param keys rows of {@link #SCHEMA}
 * @param refinedBlocks per rule, blocks over the refine size (split at depth 0)
 * @param pairsBeforeRefinement per rule, the pairs those blocks would have made whole
 */
public record SparkBlockKeys(
    Dataset<Row> keys,
    long[] refinedBlocks,
    long[] pairsBeforeRefinement,
    List<Dataset<Row>> cached)
    implements AutoCloseable {
  /**
   * {@code rule int, key string, id string, group string, depth int, parts array<string>}: depth is
   * how many times the record's block was split (0: the rule's block itself), parts the record's
   * refinement key parts (null where it lacks one).
   */
  public static final StructType SCHEMA =
      new StructType()
          .add("rule", DataTypes.IntegerType, false)
          .add("key", DataTypes.StringType, false)
          .add("id", DataTypes.StringType, false)
          .add("group", DataTypes.StringType, false)
          .add("depth", DataTypes.IntegerType, false)
          .add("parts", DataTypes.createArrayType(DataTypes.StringType, true), false);

  public SparkBlockKeys {
    requireNonNull(keys, "keys is null");
    refinedBlocks = refinedBlocks.clone();
    pairsBeforeRefinement = pairsBeforeRefinement.clone();
    cached = List.copyOf(cached);
  }

  /**
   * The refined block keys of {@code records} (rows of {@link MatchRows#SCHEMA}); runs one small
   * job per depth that has blocks over the size. {@code keyed}, the rules' unrefined keys, must be
   * persisted by the caller when it is read again.
   */
  public static SparkBlockKeys of(
      Dataset<Row> records, List<BlockingRule> rules, BlockRefinement refinement) {
    return refine(unrefined(records, rules, refinement), rules.size(), refinement);
  }

  /** Every record's key under every rule, before refinement (depth 0). */
  static Dataset<Row> unrefined(
      Dataset<Row> records, List<BlockingRule> rules, BlockRefinement refinement) {
    List<BlockingRule> ruleList = List.copyOf(rules);
    return records.flatMap(
        (FlatMapFunction<Row, Row>) row -> keys(MatchRows.toRecord(row), ruleList, refinement),
        Encoders.row(SCHEMA));
  }

  /** Splits the blocks of {@code keyed} (rows of {@link #SCHEMA} at depth 0). */
  static SparkBlockKeys refine(Dataset<Row> keyed, int rules, BlockRefinement refinement) {
    long[] refined = new long[rules];
    long[] before = new long[rules];
    List<Dataset<Row>> cached = new ArrayList<>();
    Dataset<Row> done = null;
    Dataset<Row> active = keyed;
    for (int depth = 0; depth < refinement.keys().size(); depth++) {
      int d = depth;
      Dataset<Row> over =
          active
              .groupBy("rule", "key")
              .agg(count(lit(1)).as("n"))
              .filter((FilterFunction<Row>) row -> refinement.splits(row.getLong(2), d))
              .persist(StorageLevel.MEMORY_AND_DISK());
      cached.add(over);
      List<Row> perRule =
          over.groupBy("rule")
              .agg(count(lit(1)), sum(col("n").multiply(col("n").minus(1)).divide(2)).cast("long"))
              .collectAsList();
      if (perRule.isEmpty()) {
        break;
      }
      if (depth == 0) {
        for (Row row : perRule) {
          refined[row.getInt(0)] = row.getLong(1);
          before[row.getInt(0)] = row.getLong(2);
        }
      }
      Dataset<Row> blocks = broadcast(over.select("rule", "key"));
      Dataset<Row> whole = active.join(blocks, new String[] {"rule", "key"}, "left_anti");
      done = done == null ? whole : done.union(whole);
      active =
          active
              .join(blocks, new String[] {"rule", "key"}, "left_semi")
              .map((MapFunction<Row, Row>) row -> split(row, d), Encoders.row(SCHEMA));
    }
    Dataset<Row> all = done == null ? active : done.union(active);
    return new SparkBlockKeys(all, refined, before, cached);
  }

  private static Iterator<Row> keys(
      MatchRecord record, List<BlockingRule> rules, BlockRefinement refinement) {
    List<Row> keys = new ArrayList<>(rules.size());
    ArraySeq<String> parts = null;
    for (int i = 0; i < rules.size(); i++) {
      String key = rules.get(i).keyOf(record);
      if (key != null) {
        if (parts == null) {
          // a Seq, not an array: Row.getList reads arrays as Seq
          parts = ArraySeq.unsafeWrapArray(refinement.parts(record).toArray(new String[0]));
        }
        keys.add(RowFactory.create(i, key, record.id(), record.group(), 0, parts));
      }
    }
    return keys.iterator();
  }

  /** The row moved into its sub-block at {@code depth}. */
  private static Row split(Row row, int depth) {
    List<String> parts = row.getList(5);
    return RowFactory.create(
        row.getInt(0),
        BlockRefinement.subKey(row.getString(1), parts.get(depth)),
        row.getString(2),
        row.getString(3),
        depth + 1,
        row.get(5));
  }

  /** Releases the cached blocks over the size. */
  @Override
  public void close() {
    for (Dataset<Row> dataset : cached) {
      dataset.unpersist(false);
    }
  }
}
