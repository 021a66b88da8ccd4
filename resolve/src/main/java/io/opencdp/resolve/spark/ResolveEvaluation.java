package io.opencdp.resolve.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import io.opencdp.ingest.spark.TableLocations;
import io.opencdp.resolve.eval.PairwiseEvaluator;
import io.opencdp.resolve.eval.ResolutionEvaluation;
import io.opencdp.resolve.eval.UsableIdentifierGroups;
import io.opencdp.resolve.guardrail.BlockedValues;
import io.opencdp.resolve.guardrail.LinkGuardrails;
import io.opencdp.resolve.match.MatchValues;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.event.IdentifierType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Compares profile membership with the generator's ground truth: every raw record that is a stored
 * event is paired with its true person and its profile (an event no identifier could place counts
 * as a profile of its own). Records that became dead letters or were superseded by a later delivery
 * are not events and are not counted. See {@link ResolutionEvaluation} for usable identifiers and
 * attributable records, both derived here from the truth.
 */
public final class ResolveEvaluation {
  private static final StructType GROUPS =
      new StructType()
          .add("event_id", StringType, false)
          .add("usable_group", StringType, false)
          .add("customer_class", StringType, true);

  private static final StructType NAMED =
      new StructType().add("event_id", StringType, false).add("named", BooleanType, false);

  private ResolveEvaluation() {}

  public static ResolutionEvaluation evaluate(SparkSession spark, CdpConfig config, Path truthCsv) {
    TableLocations tables = TableLocations.of(config);
    BlockedValues blocked = LinkGuardrails.from(config.resolve().guardrails()).blocked();
    Dataset<Row> truth =
        spark
            .read()
            .option("header", "true")
            .csv(truthCsv.toAbsolutePath().toString())
            .select(col("file"), col("line").cast("long").as("line"), col("person_id"));
    Dataset<Row> events =
        spark
            .read()
            .format("delta")
            .load(tables.events())
            .where(col("workspace_id").equalTo(config.workspace()))
            .select(
                col("source_file"),
                col("source_line"),
                col("event_id"),
                col("identifiers"),
                col("person.first_name").as("first_name"),
                col("person.last_name").as("last_name"),
                col("person.full_name").as("full_name"));
    Dataset<Row> records =
        truth
            .join(
                events,
                truth
                    .col("file")
                    .equalTo(events.col("source_file"))
                    .and(truth.col("line").equalTo(events.col("source_line"))))
            .select("event_id", "person_id", "identifiers", "first_name", "last_name", "full_name")
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> ids =
          records
              .select(col("event_id"), col("person_id"), explode(col("identifiers")).as("id"))
              .where(col("id.valid").and(col("id.normalized").isNotNull()))
              .select(
                  col("event_id"),
                  col("person_id"),
                  col("id.type").as("type"),
                  col("id.normalized").as("value"))
              .filter(
                  (FilterFunction<Row>)
                      r ->
                          !blocked.isBlocked(
                              IdentifierType.fromWireName(r.getString(2)), r.getString(3)))
              .distinct();
      Dataset<Row> usable =
          ids.groupBy("type", "value")
              .agg(countDistinct("person_id").as("persons"))
              .where(col("persons").equalTo(1))
              .select("type", "value")
              .persist(StorageLevel.MEMORY_AND_DISK());
      Dataset<Row> groups =
          ids.join(usable, new String[] {"type", "value"})
              .select(
                  col("person_id"),
                  col("event_id"),
                  concat_ws(":", col("type"), col("value")).as("identifier"))
              .groupByKey((MapFunction<Row, String>) r -> r.getString(0), Encoders.STRING())
              .flatMapGroups(new GroupsOfPerson(), Encoders.row(GROUPS));
      Dataset<Row> profiles =
          spark
              .read()
              .format("delta")
              .load(tables.table(ResolveTables.EVENT_PROFILES))
              .select("event_id", "profile_id");
      Dataset<Row> named =
          records
              .select("event_id", "first_name", "last_name", "full_name")
              .map((MapFunction<Row, Row>) ResolveEvaluation::eventNamed, Encoders.row(NAMED));
      Column namedJoinable =
          col("named").or(col("usable_group").isNotNull().and(col("group_named")));
      Dataset<Row> withGroups =
          records
              .select("event_id", "person_id")
              .join(named, "event_id")
              .join(profiles, new String[] {"event_id"}, "left")
              .join(groups, new String[] {"event_id"}, "left")
              .withColumn(
                  "group_named",
                  max(col("named")).over(Window.partitionBy("person_id", "usable_group")))
              .withColumn(
                  "class_records",
                  count(when(namedJoinable, lit(1)))
                      .over(Window.partitionBy("person_id", "customer_class")))
              .withColumn(
                  "largest_class",
                  max(when(
                          namedJoinable.and(col("customer_class").isNotNull()),
                          struct(col("class_records"), col("customer_class"))))
                      .over(Window.partitionBy("person_id"))
                      .getField("customer_class"))
              .withColumn(
                  "classes",
                  size(
                      collect_set(when(namedJoinable, col("customer_class")))
                          .over(Window.partitionBy("person_id"))));
      // a perfect resolver joins a usable group and every named record of the person, in one
      // profile per customer id when the person has several (a profile holds one: the guardrails'
      // limit, and a probabilistic link never joins two); a record without one joins the largest
      Column person = concat(col("person_id"), lit("/named"));
      Column joinable =
          when(
                  namedJoinable,
                  when(
                          col("classes").gt(1),
                          concat(
                              person,
                              lit("/"),
                              coalesce(col("customer_class"), col("largest_class"))))
                      .otherwise(person))
              .otherwise(col("usable_group"));
      Column joinableIgnoringLimits = when(namedJoinable, person).otherwise(col("usable_group"));
      Dataset<Row> scored =
          withGroups.select(
              col("person_id"),
              coalesce(col("profile_id"), concat(lit("unresolved:"), col("event_id")))
                  .as("predicted"),
              col("usable_group"),
              col("named"),
              joinable.as("joinable"),
              joinableIgnoringLimits.as("joinable_ignoring_limits"));
      PairwiseEvaluator overall = new PairwiseEvaluator();
      PairwiseEvaluator attributable = new PairwiseEvaluator();
      PairwiseEvaluator identifiable = new PairwiseEvaluator();
      PairwiseEvaluator ignoringLimits = new PairwiseEvaluator();
      long attributableRecords = 0;
      long identifiableRecords = 0;
      for (Iterator<Row> it = scored.toLocalIterator(); it.hasNext(); ) {
        Row r = it.next();
        String group = r.getString(2);
        overall.add(r.getString(0), r.getString(1), group);
        if (group != null) {
          attributable.add(r.getString(0), r.getString(1));
          attributableRecords++;
        }
        if (group != null || r.getBoolean(3)) {
          identifiable.add(r.getString(0), r.getString(1), r.getString(4));
          ignoringLimits.add(r.getString(0), r.getString(1), r.getString(5));
          identifiableRecords++;
        }
      }
      return new ResolutionEvaluation(
          overall.result(),
          attributable.result(),
          identifiable.result(),
          ignoringLimits.result(),
          usable.count(),
          attributableRecords,
          identifiableRecords);
    } finally {
      records.unpersist();
    }
  }

  /** Whether a record names its person: a given and a family name, as matching reads them. */
  static boolean named(String firstName, String lastName, String fullName) {
    String[] name = MatchValues.givenAndFamily(firstName, lastName, fullName);
    return name[0] != null && name[1] != null;
  }

  private static Row eventNamed(Row r) {
    return RowFactory.create(r.getString(0), named(r.getString(1), r.getString(2), r.getString(3)));
  }

  /**
   * Per true person: each record with a usable identifier, its group (see the eval class) and its
   * customer class (its own customer id, else its group's single one; else null).
   */
  private static final class GroupsOfPerson implements FlatMapGroupsFunction<String, Row, Row> {
    private static final String CUSTOMER_ID = IdentifierType.CUSTOMER_ID.wireName() + ":";

    @Override
    public Iterator<Row> call(String person, Iterator<Row> rows) {
      UsableIdentifierGroups groups = new UsableIdentifierGroups();
      Map<String, String> customerOf = new HashMap<>(); // record -> its smallest customer id
      while (rows.hasNext()) {
        Row r = rows.next();
        groups.add(r.getString(1), r.getString(2));
        if (r.getString(2).startsWith(CUSTOMER_ID)) {
          customerOf.merge(r.getString(1), r.getString(2), (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
      }
      Map<String, String> groupOf = groups.groups();
      Map<String, Set<String>> customersOfGroup = new HashMap<>();
      customerOf.forEach(
          (record, customer) ->
              customersOfGroup
                  .computeIfAbsent(groupOf.get(record), k -> new TreeSet<>())
                  .add(customer));
      List<Row> out = new ArrayList<>();
      for (Map.Entry<String, String> e : groupOf.entrySet()) {
        // the record's own customer id, else its group's when the group has one
        Set<String> ofGroup = customersOfGroup.getOrDefault(e.getValue(), Set.of());
        String customer =
            customerOf.getOrDefault(
                e.getKey(), ofGroup.size() == 1 ? ofGroup.iterator().next() : null);
        out.add(RowFactory.create(e.getKey(), person + "/" + e.getValue(), customer));
      }
      return out.iterator();
    }
  }
}
