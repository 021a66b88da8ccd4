package io.opencdp.resolve.spark.match;

import io.opencdp.resolve.match.MatchRecord;
import io.opencdp.resolve.match.MatchScore;
import io.opencdp.resolve.match.PairScorer;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Scores candidate pairs with the plain-Java {@link PairScorer}, broadcast once: it holds the term
 * frequencies, which can run to millions of values, and a task closure would ship them per task.
 */
final class SparkScoring {
  /**
   * {@code left_id, right_id, left_group, right_group, probability, weight, levels}: levels has one
   * agreement level per comparison, -1 where a value was missing.
   */
  static final StructType SCHEMA =
      new StructType()
          .add("left_id", DataTypes.StringType, false)
          .add("right_id", DataTypes.StringType, false)
          .add("left_group", DataTypes.StringType, false)
          .add("right_group", DataTypes.StringType, false)
          .add("probability", DataTypes.DoubleType, false)
          .add("weight", DataTypes.DoubleType, false)
          .add("levels", DataTypes.createArrayType(DataTypes.IntegerType, false), false);

  private SparkScoring() {}

  static Dataset<Row> score(Dataset<Row> pairRecords, PairScorer scorer) {
    // not destroyed here: the returned plan is lazy and needs it; the context cleaner removes it
    // once the plan is gone
    Broadcast<PairScorer> shared =
        JavaSparkContext.fromSparkContext(pairRecords.sparkSession().sparkContext())
            .broadcast(scorer);
    return pairRecords.map(
        (MapFunction<Row, Row>) pair -> toRow(shared.value(), pair), Encoders.row(SCHEMA));
  }

  private static Row toRow(PairScorer scorer, Row pair) {
    MatchRecord left = PairRecords.left(pair);
    MatchRecord right = PairRecords.right(pair);
    MatchScore score = scorer.score(left, right);
    return RowFactory.create(
        left.id(),
        right.id(),
        left.group(),
        right.group(),
        score.probability(),
        score.weight(),
        score.levels());
  }
}
