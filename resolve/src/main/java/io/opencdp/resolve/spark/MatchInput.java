package io.opencdp.resolve.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.get_json_object;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sha2;

import io.opencdp.resolve.match.MatchField;
import io.opencdp.resolve.match.MatchValues;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
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
    String[] v = new String[MatchField.values().length];
    String[] name =
        MatchValues.givenAndFamily(
            r.getAs("first_name"), r.getAs("last_name"), r.getAs("full_name"));
    v[MatchField.GIVEN_NAME.ordinal()] = name[0];
    v[MatchField.FAMILY_NAME.ordinal()] = name[1];
    // a LocalDate with the Java 8 time API on (the platform's setting), a java.sql.Date without
    Object birth = r.getAs("birth_date");
    v[MatchField.BIRTH_DATE.ordinal()] =
        MatchValues.birthDate(birth instanceof Date d ? d.toLocalDate() : (LocalDate) birth);
    String[] street = MatchValues.street(r.getAs("street"));
    v[MatchField.HOUSE_NUMBER.ordinal()] = street[0];
    v[MatchField.STREET.ordinal()] = street[1];
    String country = r.getAs("country");
    v[MatchField.CITY.ordinal()] = MatchValues.text(r.getAs("city"));
    v[MatchField.POSTAL_CODE.ordinal()] = MatchValues.postalCode(r.getAs("postal_code"), country);
    v[MatchField.REGION.ordinal()] = MatchValues.region(r.getAs("region"), country);
    v[MatchField.CARD_LAST4.ordinal()] = MatchValues.cardLast4(r.getAs("card_last4"));
    List<Row> identifiers = r.getList(r.fieldIndex("identifiers"));
    for (Row id : identifiers) {
      String type = id.getAs("type");
      String value = id.getAs("normalized");
      if ("email".equals(type) && v[MatchField.EMAIL.ordinal()] == null) {
        v[MatchField.EMAIL.ordinal()] = value;
      } else if ("phone".equals(type) && v[MatchField.PHONE.ordinal()] == null) {
        v[MatchField.PHONE.ordinal()] = value;
      }
    }
    // a Seq: what the row encoder takes for an array column
    return RowFactory.create(r.getAs("event_id"), ArraySeq.unsafeWrapArray(v));
  }
}
