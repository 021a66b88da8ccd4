package io.opencdp.resolve.spark.match;

import static org.apache.spark.sql.functions.col;

import io.opencdp.resolve.match.MatchField;
import io.opencdp.resolve.match.MatchRecord;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.collection.immutable.ArraySeq;

/**
 * Match records as Spark rows: {@code id}, {@code group}, and {@code values} with one entry per
 * {@link MatchField} in ordinal order, null where absent. Every step turns a row back into a {@link
 * MatchRecord} before applying a rule, so blank values are dropped and lengths checked in one
 * place.
 */
public final class MatchRows {
  /** {@code id string, group string, values array<string>}; ids are unique within a run. */
  public static final StructType SCHEMA =
      new StructType()
          .add("id", DataTypes.StringType, false)
          .add("group", DataTypes.StringType, false)
          .add("values", DataTypes.createArrayType(DataTypes.StringType, true), false);

  private MatchRows() {}

  /** The records as a Dataset of {@link #SCHEMA} (tests, and callers holding records in memory). */
  public static Dataset<Row> toDataset(SparkSession spark, List<MatchRecord> records) {
    return spark.createDataFrame(records.stream().map(MatchRows::toRow).toList(), SCHEMA);
  }

  /** One record as a row of {@link #SCHEMA}, as Spark itself would hold it. */
  public static Row toRow(MatchRecord record) {
    // a Seq, not an array: Row.getList, and so toRecord, reads arrays as Seq
    return RowFactory.create(
        record.id(), record.group(), ArraySeq.unsafeWrapArray(record.values()));
  }

  /** A row of {@link #SCHEMA} back to a record. */
  public static MatchRecord toRecord(Row row) {
    return toRecord(row, 0);
  }

  /** The record whose id, group and values sit at {@code offset} and the two columns after it. */
  static MatchRecord toRecord(Row row, int offset) {
    List<String> values = row.getList(offset + 2);
    return new MatchRecord(
        row.getString(offset), row.getString(offset + 1), values.toArray(new String[0]));
  }

  /**
   * The input's match columns in {@link #SCHEMA} order, after checking they are there with the
   * right types; fails naming what is missing.
   */
  static Dataset<Row> select(Dataset<Row> records) {
    StructType schema = records.schema();
    require(schema, "id", DataTypes.StringType);
    require(schema, "group", DataTypes.StringType);
    require(schema, "values", DataTypes.createArrayType(DataTypes.StringType));
    return records.select(col("id"), col("group"), col("values"));
  }

  private static void require(StructType schema, String name, DataType type) {
    boolean present =
        List.of(schema.fieldNames()).contains(name)
            && sameIgnoringNullability(schema.apply(name).dataType(), type);
    if (!present) {
      throw new IllegalArgumentException(
          "match records need a column "
              + name
              + " "
              + type.simpleString()
              + " (id string, group string, values array<string> with one entry per match field);"
              + " got "
              + schema.simpleString());
    }
  }

  private static boolean sameIgnoringNullability(DataType actual, DataType expected) {
    if (actual instanceof ArrayType a && expected instanceof ArrayType e) {
      return a.elementType().equals(e.elementType());
    }
    return actual.equals(expected);
  }
}
