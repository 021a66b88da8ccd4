package io.opencdp.resolve.spark.match;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.xxhash64;

import io.opencdp.resolve.match.Comparisons;
import io.opencdp.resolve.match.FieldComparison;
import io.opencdp.resolve.match.MatchField;
import io.opencdp.resolve.match.MatchRecord;
import io.opencdp.resolve.match.PatternCounts;
import io.opencdp.resolve.match.TermFrequencies;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What training needs from the cluster, brought to the driver small: the count of each comparison
 * vector among the candidates, a sample of records for the random pairs, and the value counts of
 * the term-frequency fields. The EM itself and the u tally are the plain-Java ones.
 */
final class SparkTraining {
  private static final StructType FIELD_VALUES =
      new StructType()
          .add("field", DataTypes.IntegerType, false)
          .add("value", DataTypes.StringType, false);

  private SparkTraining() {}

  /** How many candidate pairs share each comparison vector. */
  static PatternCounts patternCounts(Dataset<Row> pairRecords, Comparisons comparisons) {
    List<Row> rows =
        pairRecords
            .map(
                (MapFunction<Row, Long>)
                    pair -> comparisons.pattern(PairRecords.left(pair), PairRecords.right(pair)),
                Encoders.LONG())
            .groupBy("value")
            .count()
            .collectAsList();
    // in pattern order, so EM sums in the same order whatever the partitioning
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparingLong(row -> row.getLong(0)));
    PatternCounts counts = new PatternCounts();
    sorted.forEach(row -> counts.add(row.getLong(0), row.getLong(1)));
    return counts;
  }

  /**
   * Per blocking rule, how many of the pairs it made share each comparison vector: one pass over
   * the candidates (with their rule bits), counted by vector and rule bits.
   *
   * @param pairRecords {@link PairRecords#joinWithRules}
   * @param rules how many blocking rules there are
   * @return one entry per rule, then one for all candidates (each pair once)
   */
  static List<PatternCounts> rulePatternCounts(
      Dataset<Row> pairRecords, Comparisons comparisons, int rules) {
    StructType schema =
        new StructType()
            .add("pattern", DataTypes.LongType, false)
            .add("rules", DataTypes.IntegerType, false);
    List<Row> rows =
        pairRecords
            .map(
                (MapFunction<Row, Row>)
                    pair ->
                        RowFactory.create(
                            comparisons.pattern(PairRecords.left(pair), PairRecords.right(pair)),
                            pair.getInt(PairRecords.RULES)),
                Encoders.row(schema))
            .groupBy("pattern", "rules")
            .count()
            .collectAsList();
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort(
        Comparator.<Row>comparingLong(row -> row.getLong(0))
            .thenComparingInt(row -> row.getInt(1)));
    List<PatternCounts> counts = new ArrayList<>();
    for (int i = 0; i <= rules; i++) {
      counts.add(new PatternCounts());
    }
    for (Row row : sorted) {
      counts.get(rules).add(row.getLong(0), row.getLong(2));
      int bits = row.getInt(1);
      for (int i = 0; i < rules; i++) {
        if ((bits & (1 << i)) != 0) {
          counts.get(i).add(row.getLong(0), row.getLong(2));
        }
      }
    }
    return counts;
  }

  /** All pairs of records from different groups ({@code SessionTraining.comparablePairs}). */
  static long comparablePairs(Dataset<Row> records) {
    Row row =
        records
            .groupBy("group")
            .count()
            .agg(
                org.apache.spark.sql.functions.sum(col("count")).as("records"),
                org.apache
                    .spark
                    .sql
                    .functions
                    .sum(col("count").multiply(col("count").minus(1)).divide(2).cast("long"))
                    .as("within"))
            .first();
    if (row.isNullAt(0)) {
      return 0;
    }
    long count = row.getLong(0);
    return count * (count - 1) / 2 - row.getLong(1);
  }

  /**
   * Up to {@code cap} records chosen by a seeded hash of the id, sorted by id. The choice does not
   * depend on partitioning or input order, and a cap above the record count returns every record,
   * so the random pairs drawn from it are those the in-memory matcher draws from the same records
   * sorted by id.
   */
  static List<MatchRecord> sample(Dataset<Row> records, int cap, long seed) {
    List<Row> rows =
        records.orderBy(xxhash64(col("id"), lit(seed)), col("id")).limit(cap).collectAsList();
    List<MatchRecord> sample = new ArrayList<>(rows.size());
    rows.forEach(row -> sample.add(MatchRows.toRecord(row)));
    sample.sort(Comparator.comparing(MatchRecord::id));
    return sample;
  }

  /** Value counts of every term-frequency field, over all records. */
  static TermFrequencies termFrequencies(Dataset<Row> records, Comparisons comparisons) {
    List<MatchField> fields = new ArrayList<>();
    for (FieldComparison c : comparisons.fields()) {
      if (c.termFrequency()) {
        fields.add(c.field());
      }
    }
    Map<MatchField, Map<String, Long>> counts = new EnumMap<>(MatchField.class);
    fields.forEach(field -> counts.put(field, new HashMap<>()));
    if (fields.isEmpty()) {
      return TermFrequencies.fromCounts(counts);
    }
    List<MatchField> tfFields = List.copyOf(fields);
    List<Row> rows =
        records
            .flatMap(
                (FlatMapFunction<Row, Row>) row -> values(MatchRows.toRecord(row), tfFields),
                Encoders.row(FIELD_VALUES))
            .groupBy("field", "value")
            .count()
            .collectAsList();
    MatchField[] all = MatchField.values();
    rows.forEach(row -> counts.get(all[row.getInt(0)]).put(row.getString(1), row.getLong(2)));
    return TermFrequencies.fromCounts(counts);
  }

  private static Iterator<Row> values(MatchRecord record, List<MatchField> fields) {
    List<Row> values = new ArrayList<>(fields.size());
    for (MatchField field : fields) {
      String value = record.get(field);
      if (value != null) {
        values.add(RowFactory.create(field.ordinal(), value));
      }
    }
    return values.iterator();
  }
}
