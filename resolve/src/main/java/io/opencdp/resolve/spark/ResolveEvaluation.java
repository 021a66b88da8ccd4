package io.opencdp.resolve.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import io.opencdp.ingest.spark.TableLocations;
import io.opencdp.resolve.eval.EvaluationResult;
import io.opencdp.resolve.eval.PairwiseEvaluator;
import java.nio.file.Path;
import java.util.Iterator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Compares profile membership with the generator's ground truth: every raw record that is a stored
 * event is paired with its true person and its profile (an event no identifier could place counts
 * as a profile of its own). Records that became dead letters or were superseded by a later delivery
 * are not events and are not counted.
 */
public final class ResolveEvaluation {
  private ResolveEvaluation() {}

  public static EvaluationResult evaluate(
      SparkSession spark, TableLocations tables, Path truthCsv) {
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
            .select("source_file", "source_line", "event_id");
    Dataset<Row> profiles =
        spark
            .read()
            .format("delta")
            .load(tables.table(ResolveTables.EVENT_PROFILES))
            .select("event_id", "profile_id");
    Dataset<Row> pairs =
        truth
            .join(
                events,
                truth
                    .col("file")
                    .equalTo(events.col("source_file"))
                    .and(truth.col("line").equalTo(events.col("source_line"))))
            .join(profiles, new String[] {"event_id"}, "left")
            .select(
                col("person_id"),
                coalesce(col("profile_id"), concat(lit("unresolved:"), col("event_id")))
                    .as("predicted"));
    PairwiseEvaluator evaluator = new PairwiseEvaluator();
    for (Iterator<Row> it = pairs.toLocalIterator(); it.hasNext(); ) {
      Row r = it.next();
      evaluator.add(r.getString(0), r.getString(1));
    }
    return evaluator.result();
  }
}
