package io.opencdp.resolve.spark.graph;

import static org.apache.spark.sql.functions.col;

import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.util.Arrays;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The edge and component column names, and the check every entry point makes on its input. */
final class EdgeInput {
  static final String SRC = "src";
  static final String DST = "dst";
  static final String ID = "id";
  static final String COMPONENT = "component";

  static final StructType COMPONENTS_SCHEMA =
      new StructType().add(ID, DataTypes.LongType, false).add(COMPONENT, DataTypes.LongType, false);

  private EdgeInput() {}

  /**
   * The {@code (src, dst)} columns of {@code edges} as non-null longs. Integer columns are widened;
   * rows with a null endpoint are not edges and are dropped.
   */
  static Dataset<Row> longEdges(Dataset<Row> edges) {
    StructType schema = edges.schema();
    requireIntegral(schema, SRC);
    requireIntegral(schema, DST);
    return edges
        .select(
            col(SRC).cast(DataTypes.LongType).as(SRC), col(DST).cast(DataTypes.LongType).as(DST))
        .where(col(SRC).isNotNull().and(col(DST).isNotNull()));
  }

  private static void requireIntegral(StructType schema, String name) {
    StructField field =
        Arrays.stream(schema.fields())
            .filter(f -> f.name().equals(name))
            .findFirst()
            .orElseThrow(
                () ->
                    new CdpException(
                        ErrorCode.BAD_ARGUMENT,
                        "Connected components needs edge columns (src long, dst long) but the"
                            + " edges have no column '"
                            + name
                            + "': "
                            + schema.simpleString()));
    DataType type = field.dataType();
    boolean integral =
        type.equals(DataTypes.LongType)
            || type.equals(DataTypes.IntegerType)
            || type.equals(DataTypes.ShortType)
            || type.equals(DataTypes.ByteType);
    if (!integral) {
      throw new CdpException(
          ErrorCode.BAD_ARGUMENT,
          "Connected components needs integral vertex ids but edge column '"
              + name
              + "' is "
              + type.simpleString()
              + "; map string keys to ids with SurrogateKeys first");
    }
  }
}
