package io.opencdp.jobs.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import io.opencdp.ingest.generator.DuplicatedPersons;
import io.opencdp.resolve.match.MatchField;
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
 * The candidate pairs of the Python recordlinkage baseline's blocking (issue 7): the union of exact
 * blocks on given name, family name, birth date and postal code, with no cap on block size.
 * Counted, not listed: at 1M records the union runs to billions of pairs. By inclusion and
 * exclusion over the 15 non-empty sets of the four fields, where the pairs agreeing on every field
 * of a set are the sum of {@code n(n-1)/2} over the blocks keyed by those fields. One aggregation;
 * the pairs of one true person are counted alongside, for the baseline's blocking recall. Only for
 * deduplication (every record its own group).
 */
final class ClassicBlockingCount {
  static final List<MatchField> FIELDS =
      List.of(
          MatchField.GIVEN_NAME,
          MatchField.FAMILY_NAME,
          MatchField.BIRTH_DATE,
          MatchField.POSTAL_CODE);

  private static final StructType KEYED =
      new StructType()
          .add("fields", DataTypes.IntegerType, false)
          .add("key", DataTypes.StringType, false)
          .add("person", DataTypes.LongType, false);

  /**
   * @param pairs candidate pairs of the union
   * @param truePairs of those, pairs of one person
   * @param fieldPairs pairs of each field's blocks alone, in {@link #FIELDS} order
   */
  record Counts(long pairs, long truePairs, List<Long> fieldPairs) {
    Counts {
      fieldPairs = List.copyOf(fieldPairs);
    }
  }

  private ClassicBlockingCount() {}

  /** Counts over rows of {@link MatchRows#SCHEMA} whose ids {@link DuplicatedPersons} made. */
  static Counts of(Dataset<Row> records) {
    Column pairs = col("n").multiply(col("n").minus(1)).divide(2).cast("long");
    Column samePairs = col("p").multiply(col("p").minus(1)).divide(2).cast("long");
    List<Row> rows =
        records
            .flatMap(
                (FlatMapFunction<Row, Row>) row -> keys(MatchRows.toRecord(row)),
                Encoders.row(KEYED))
            .groupBy("fields", "key", "person")
            .agg(count(lit(1)).as("p"))
            .groupBy("fields", "key")
            .agg(sum(col("p")).as("n"), sum(samePairs).as("same"))
            .groupBy("fields")
            .agg(sum(pairs).as("pairs"), sum(col("same")).as("same"))
            .collectAsList();
    long union = 0;
    long unionTrue = 0;
    long[] single = new long[FIELDS.size()];
    for (Row row : rows) {
      int set = row.getInt(0);
      long sign = Integer.bitCount(set) % 2 == 1 ? 1 : -1;
      union += sign * row.getLong(1);
      unionTrue += sign * row.getLong(2);
      if (Integer.bitCount(set) == 1) {
        single[Integer.numberOfTrailingZeros(set)] = row.getLong(1);
      }
    }
    List<Long> fieldPairs = new ArrayList<>();
    for (long p : single) {
      fieldPairs.add(p);
    }
    return new Counts(union, unionTrue, fieldPairs);
  }

  /** One row per set of fields the record has every value of: the set, its values, the person. */
  private static Iterator<Row> keys(MatchRecord record) {
    long person = DuplicatedPersons.personOf(record.id());
    List<Row> keys = new ArrayList<>(15);
    for (int set = 1; set < 1 << FIELDS.size(); set++) {
      StringBuilder key = new StringBuilder();
      boolean complete = true;
      for (int i = 0; i < FIELDS.size() && complete; i++) {
        if ((set & (1 << i)) != 0) {
          String value = record.get(FIELDS.get(i));
          complete = value != null;
          key.append(value).append('\u001f');
        }
      }
      if (complete) {
        keys.add(RowFactory.create(set, key.toString(), person));
      }
    }
    return keys.iterator();
  }
}
