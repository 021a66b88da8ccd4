package io.opencdp.resolve.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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
      new StructType().add("event_id", StringType, false).add("usable_group", StringType, false);

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
      Dataset<Row> withGroups =
          records
              .select("event_id", "person_id")
              .join(named, "event_id")
              .join(profiles, new String[] {"event_id"}, "left")
              .join(groups, new String[] {"event_id"}, "left")
              .withColumn(
                  "group_named",
                  max(col("named")).over(Window.partitionBy("person_id", "usable_group")));
      // a perfect resolver joins a usable group and every named record of the person
      Column joinable =
          when(
                  col("named").or(col("usable_group").isNotNull().and(col("group_named"))),
                  concat(col("person_id"), lit("/named")))
              .otherwise(col("usable_group"));
      Dataset<Row> scored =
          withGroups.select(
              col("person_id"),
              coalesce(col("profile_id"), concat(lit("unresolved:"), col("event_id")))
                  .as("predicted"),
              col("usable_group"),
              col("named"),
              joinable.as("joinable"));
      PairwiseEvaluator overall = new PairwiseEvaluator();
      PairwiseEvaluator attributable = new PairwiseEvaluator();
      PairwiseEvaluator identifiable = new PairwiseEvaluator();
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
          identifiableRecords++;
        }
      }
      return new ResolutionEvaluation(
          overall.result(),
          attributable.result(),
          identifiable.result(),
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

  /** Per true person: each record with a usable identifier and its group (see the eval class). */
  private static final class GroupsOfPerson implements FlatMapGroupsFunction<String, Row, Row> {
    @Override
    public Iterator<Row> call(String person, Iterator<Row> rows) {
      UsableIdentifierGroups groups = new UsableIdentifierGroups();
      while (rows.hasNext()) {
        Row r = rows.next();
        groups.add(r.getString(1), r.getString(2));
      }
      List<Row> out = new ArrayList<>();
      for (Map.Entry<String, String> e : groups.groups().entrySet()) {
        out.add(RowFactory.create(e.getKey(), person + "/" + e.getValue()));
      }
      return out.iterator();
    }
  }
}
