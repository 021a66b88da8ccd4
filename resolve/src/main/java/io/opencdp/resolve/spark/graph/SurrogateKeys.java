package io.opencdp.resolve.spark.graph;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long surrogate ids for string vertex keys ({@code "email:alice@example.com"}), so the graph code
 * works on longs, and the way back.
 *
 * <p>{@link #assign} first tries {@link Strategy#HASH}: the id is Spark's 64-bit {@code
 * xxhash64(key)}, the same for a key in every run and every job, computed where the key is without
 * a join. Distinct keys could collide, so it proves they do not by counting distinct ids against
 * distinct keys (one action); if they differ it falls back to {@link Strategy#DENSE}: ids {@code
 * 0..n-1} numbered with {@code zipWithIndex} over the distinct keys, hash-partitioned and sorted
 * within each partition, which numbers them the same on every recomputation (a global sort would
 * not: its range bounds come from sampling).
 */
public final class SurrogateKeys {
  private static final Logger LOG = LoggerFactory.getLogger(SurrogateKeys.class);

  /** The mapping's columns. */
  public static final String KEY = "key";

  public static final String ID = "id";

  private static final StructType MAPPING_SCHEMA =
      new StructType().add(KEY, DataTypes.StringType, false).add(ID, DataTypes.LongType, false);

  /** How ids are made. */
  public enum Strategy {
    /** {@code xxhash64(key)}: stable across runs, sparse, proven collision-free for the keys. */
    HASH,
    /** {@code 0..n-1}: dense, only stable for the same set of keys. */
    DENSE
  }

  private final Strategy strategy;
  private final Dataset<Row> mapping;
  private final UnaryOperator<Column> hash;

  private SurrogateKeys(Strategy strategy, Dataset<Row> mapping, UnaryOperator<Column> hash) {
    this.strategy = strategy;
    this.mapping = mapping;
    this.hash = hash;
  }

  /** Ids for the distinct non-null values of {@code keyColumn}, by hash if they do not collide. */
  public static SurrogateKeys assign(Dataset<Row> keys, String keyColumn) {
    return assign(keys, keyColumn, key -> xxhash64(key));
  }

  /** Dense ids {@code 0..n-1} for the distinct non-null values of {@code keyColumn}. */
  public static SurrogateKeys assignDense(Dataset<Row> keys, String keyColumn) {
    return dense(distinctKeys(keys, keyColumn));
  }

  /** {@link #assign} with another hash function, so tests can force a collision. */
  static SurrogateKeys assign(Dataset<Row> keys, String keyColumn, UnaryOperator<Column> hash) {
    Dataset<Row> distinct = distinctKeys(keys, keyColumn);
    Dataset<Row> hashed = distinct.select(col(KEY), hash.apply(col(KEY)).as(ID));
    Row counts = hashed.agg(count(lit(1)), count_distinct(col(ID))).first();
    long distinctKeys = counts.getLong(0);
    long distinctIds = counts.getLong(1);
    if (distinctKeys == distinctIds) {
      LOG.info(
          "Surrogate keys: {} distinct keys hash to {} distinct ids", distinctKeys, distinctIds);
      return new SurrogateKeys(Strategy.HASH, hashed, hash);
    }
    LOG.warn(
        "Surrogate keys: {} distinct keys hash to only {} distinct ids; numbering them densely"
            + " instead, so ids are not stable across runs",
        distinctKeys,
        distinctIds);
    return dense(distinct);
  }

  private static Dataset<Row> distinctKeys(Dataset<Row> keys, String keyColumn) {
    requireNonNull(keys, "keys is null");
    requireNonNull(keyColumn, "keyColumn is null");
    boolean isString =
        Arrays.stream(keys.schema().fields())
            .anyMatch(f -> f.name().equals(keyColumn) && f.dataType().equals(DataTypes.StringType));
    if (!isString) {
      throw new CdpException(
          ErrorCode.BAD_ARGUMENT,
          "Surrogate keys need a string column '"
              + keyColumn
              + "' but the keys are "
              + keys.schema().simpleString());
    }
    return keys.select(col(keyColumn).as(KEY)).where(col(KEY).isNotNull()).distinct();
  }

  /** One action: {@code zipWithIndex} counts the partitions before it numbers them. */
  private static SurrogateKeys dense(Dataset<Row> distinct) {
    int partitions = distinct.sparkSession().sessionState().conf().numShufflePartitions();
    JavaRDD<Row> numbered =
        distinct
            .repartition(partitions, col(KEY))
            .sortWithinPartitions(col(KEY))
            .javaRDD()
            .zipWithIndex()
            .map(pair -> RowFactory.create(pair._1().getString(0), pair._2()));
    Dataset<Row> mapping = distinct.sparkSession().createDataFrame(numbered, MAPPING_SCHEMA);
    return new SurrogateKeys(Strategy.DENSE, mapping, null);
  }

  public Strategy strategy() {
    return strategy;
  }

  /**
   * {@code (key string, id long)}, one row per distinct key. Lazy, and the same when recomputed.
   */
  public Dataset<Row> mapping() {
    return mapping;
  }

  /**
   * {@code rows} with a long {@code idColumn} for the string {@code keyColumn}; null keys get a
   * null id. Only keys that were given to {@link #assign} have an id: by hash the id of another key
   * is not proven collision-free, densely it is null.
   */
  public Dataset<Row> withId(Dataset<Row> rows, String keyColumn, String idColumn) {
    if (strategy == Strategy.HASH) {
      // xxhash64(null) is the seed, not null
      return rows.withColumn(
          idColumn, when(col(keyColumn).isNotNull(), hash.apply(col(keyColumn))));
    }
    Dataset<Row> ids = mapping.select(col(KEY).as("__sk_key"), col(ID).as(idColumn));
    return rows.join(ids, rows.col(keyColumn).equalTo(ids.col("__sk_key")), "left")
        .drop("__sk_key");
  }

  /** {@code rows} with the string {@code keyColumn} of the long {@code idColumn}. */
  public Dataset<Row> withKey(Dataset<Row> rows, String idColumn, String keyColumn) {
    Dataset<Row> keys = mapping.select(col(ID).as("__sk_id"), col(KEY).as(keyColumn));
    return rows.join(keys, rows.col(idColumn).equalTo(keys.col("__sk_id")), "left").drop("__sk_id");
  }
}
