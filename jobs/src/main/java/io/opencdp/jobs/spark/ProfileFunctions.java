package io.opencdp.jobs.spark;

import static org.apache.spark.sql.functions.udf;

import io.opencdp.resolve.profile.ConsentState;
import io.opencdp.schemas.normalize.SearchText;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The domain rules over columns of the Delta {@code profiles} table as Spark functions, for every
 * job that reads them (the indexer, the segment reference): each calls the one Java rule, so Spark
 * and the other paths cannot disagree.
 */
public final class ProfileFunctions {
  /** {@link SearchText#fold} of a string column; null stays null. */
  public static final UserDefinedFunction FOLD =
      udf((UDF1<String, String>) SearchText::fold, DataTypes.StringType);

  /** {@link ConsentState#grantedKeys} of a {@code consent} column: {@code consent_granted}. */
  public static final UserDefinedFunction CONSENT_GRANTED_KEYS =
      udf(
          (UDF1<scala.collection.Seq<Row>, List<String>>)
              rows -> ConsentState.grantedKeys(consentStates(rows)),
          DataTypes.createArrayType(DataTypes.StringType));

  /**
   * {@link ConsentState#isGranted} of a {@code consent} column, a purpose and a channel (null: the
   * purpose as a whole); never null.
   */
  public static final UserDefinedFunction CONSENT_GRANTED =
      udf(
          (UDF3<scala.collection.Seq<Row>, String, String, Boolean>)
              (rows, purpose, channel) ->
                  ConsentState.isGranted(consentStates(rows), purpose, channel),
          DataTypes.BooleanType);

  private ProfileFunctions() {}

  /** The {@link ConsentState}s of the rows of a {@code consent} column. */
  public static List<ConsentState> consentStates(scala.collection.Seq<Row> rows) {
    List<ConsentState> states = new ArrayList<>();
    if (rows != null) {
      for (Row row : CollectionConverters.asJava(rows)) {
        Object changedAt = row.getAs("changed_at");
        states.add(
            new ConsentState(
                row.getAs("purpose"),
                row.getAs("channel"),
                row.<Boolean>getAs("granted"),
                row.getAs("source"),
                row.getAs("event_id"),
                changedAt instanceof Timestamp ts ? ts.toInstant() : (Instant) changedAt));
      }
    }
    return states;
  }
}
