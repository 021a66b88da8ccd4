package io.opencdp.resolve.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.types.DataTypes.StringType;

import io.opencdp.ingest.spark.TableLocations;
import io.opencdp.resolve.eval.PairwiseEvaluator;
import io.opencdp.resolve.eval.ResolutionEvaluation;
import io.opencdp.resolve.eval.UsableIdentifierGroups;
import io.opencdp.resolve.guardrail.BlockedValues;
import io.opencdp.resolve.guardrail.LinkGuardrails;
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
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
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
            .select("source_file", "source_line", "event_id", "identifiers");
    Dataset<Row> records =
        truth
            .join(
                events,
                truth
                    .col("file")
                    .equalTo(events.col("source_file"))
                    .and(truth.col("line").equalTo(events.col("source_line"))))
            .select("event_id", "person_id", "identifiers")
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
      Dataset<Row> scored =
          records
              .join(profiles, new String[] {"event_id"}, "left")
              .join(groups, new String[] {"event_id"}, "left")
              .select(
                  col("person_id"),
                  coalesce(col("profile_id"), concat(lit("unresolved:"), col("event_id")))
                      .as("predicted"),
                  col("usable_group"));
      PairwiseEvaluator overall = new PairwiseEvaluator();
      PairwiseEvaluator attributable = new PairwiseEvaluator();
      long attributableRecords = 0;
      for (Iterator<Row> it = scored.toLocalIterator(); it.hasNext(); ) {
        Row r = it.next();
        String group = r.getString(2);
        overall.add(r.getString(0), r.getString(1), group);
        if (group != null) {
          attributable.add(r.getString(0), r.getString(1));
          attributableRecords++;
        }
      }
      return new ResolutionEvaluation(
          overall.result(), attributable.result(), usable.count(), attributableRecords);
    } finally {
      records.unpersist();
    }
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
