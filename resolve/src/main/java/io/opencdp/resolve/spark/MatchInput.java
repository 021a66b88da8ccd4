package io.opencdp.resolve.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.get_json_object;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sha2;

import io.opencdp.resolve.match.MatchValues;
import io.opencdp.resolve.match.PersonValues;
import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.collection.immutable.ArraySeq;

/**
 * What probabilistic matching reads of the events: per event, the person it describes as match
 * values ({@link MatchValues}, the one normalization), and the profile candidate (cluster key) its
 * identifiers put it in. Events that say the same thing about one candidate collapse into one match
 * record, named by a hash of the two and keeping its first event as evidence.
 */
final class MatchInput {
  /** event_id, values: the match values of one event, null where it says nothing. */
  static final StructType EVENT_VALUES =
      new StructType()
          .add("event_id", DataTypes.StringType, false)
          .add("values", DataTypes.createArrayType(DataTypes.StringType, true), false);

  private MatchInput() {}

  /**
   * Match values of the events that carry a name (the matcher's blocking and its guard both need
   * one): event_id, values.
   */
  static Dataset<Row> eventValues(Dataset<Row> events) {
    return events
        .where(
            col("person.first_name")
                .isNotNull()
                .or(col("person.last_name").isNotNull())
                .or(col("person.full_name").isNotNull()))
        .select(
            col("event_id"),
            col("person.first_name").as("first_name"),
            col("person.last_name").as("last_name"),
            col("person.full_name").as("full_name"),
            col("person.birth_date").as("birth_date"),
            col("person.address.street").as("street"),
            col("person.address.city").as("city"),
            col("person.address.region").as("region"),
            col("person.address.postal_code").as("postal_code"),
            col("person.address.country").as("country"),
            get_json_object(col("custom"), "$.card_last4").as("card_last4"),
            filter(col("identifiers"), i -> i.getField("valid")).as("identifiers"))
        .map((MapFunction<Row, Row>) MatchInput::values, Encoders.row(EVENT_VALUES));
  }

  /**
   * One match record per (candidate, values): id, group, values, event_id (the first event saying
   * it).
   *
   * @param eventValues {@link #eventValues}
   * @param eventGroups event_id, cluster_key
   */
  static Dataset<Row> records(Dataset<Row> eventValues, Dataset<Row> eventGroups) {
    return eventValues
        .join(eventGroups, "event_id")
        .groupBy(col("cluster_key"), col("values"))
        .agg(min("event_id").as("event_id"))
        .select(
            sha2(concat_ws("\u001f", col("cluster_key"), concat_ws("\u001e", col("values"))), 256)
                .substr(1, 24)
                .as("id"),
            col("cluster_key").as("group"),
            col("values"),
            col("event_id"));
  }

  private static Row values(Row r) {
    // a LocalDate with the Java 8 time API on (the platform's setting), a java.sql.Date without
    Object birth = r.getAs("birth_date");
    String email = null;
    String phone = null;
    for (Row id : r.<Row>getList(r.fieldIndex("identifiers"))) {
      String type = id.getAs("type");
      if ("email".equals(type) && email == null) {
        email = id.getAs("normalized");
      } else if ("phone".equals(type) && phone == null) {
        phone = id.getAs("normalized");
      }
    }
    PersonValues person =
        new PersonValues(
            r.getAs("first_name"),
            r.getAs("last_name"),
            r.getAs("full_name"),
            birth instanceof Date d ? d.toLocalDate() : (LocalDate) birth,
            r.getAs("street"),
            r.getAs("city"),
            r.getAs("region"),
            r.getAs("postal_code"),
            r.getAs("country"),
            r.getAs("card_last4"),
            email,
            phone);
    // a Seq: what the row encoder takes for an array column
    return RowFactory.create(r.getAs("event_id"), ArraySeq.unsafeWrapArray(person.values()));
  }
}
