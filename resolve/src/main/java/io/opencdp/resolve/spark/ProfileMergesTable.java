package io.opencdp.resolve.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import io.delta.tables.DeltaTable;
import io.opencdp.ingest.spark.DeltaTables;
import io.opencdp.ingest.spark.TableLocations;
import java.time.Instant;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;

/**
 * Writes {@code profile_merges}: one row per id that was merged away, with the identifier and event
 * that joined it to its survivor. Aliases stay collapsed: when a survivor is merged in turn, the
 * rows pointing at it are re-pointed to its own survivor, so every alias resolves in one lookup.
 * Both steps are idempotent MERGEs, so a run interrupted between them repeats them safely.
 */
final class ProfileMergesTable {
  static final String DETERMINISTIC = "deterministic";

  private ProfileMergesTable() {}

  /**
   * The joining identifier and event of each merge: of the links inside the survivor's profile with
   * exactly one end that was on the alias, the earliest (time seen, event id, identifier); the
   * evidence identifier is its other end, the one that pulled the alias's identifiers in.
   *
   * @param merges alias_profile_id, surviving_profile_id
   * @param links a_type, a_value, type, value, seen_at, evidence_event_id
   * @param previous type, value, previous_id
   * @param profileOf type, value, profile_id of this run
   */
  static Dataset<Row> withEvidence(
      Dataset<Row> merges, Dataset<Row> links, Dataset<Row> previous, Dataset<Row> profileOf) {
    Dataset<Row> survivors = merges.select(col("surviving_profile_id").as("survivor")).distinct();
    Dataset<Row> inside =
        links
            .join(ends(profileOf, "l", "profile_id", "left_profile"), sameIdentifier("a", "l"))
            .join(survivors, col("left_profile").equalTo(col("survivor")))
            .join(ends(profileOf, "r", "profile_id", "right_profile"), sameIdentifier("", "r"))
            .where(col("left_profile").equalTo(col("right_profile")))
            .join(
                ends(previous, "pl", "previous_id", "left_prev"), sameIdentifier("a", "pl"), "left")
            .join(
                ends(previous, "pr", "previous_id", "right_prev"),
                sameIdentifier("", "pr"),
                "left");
    Column leftOnAlias = coalesce(col("left_prev"), lit("")).equalTo(col("alias_profile_id"));
    Column rightOnAlias = coalesce(col("right_prev"), lit("")).equalTo(col("alias_profile_id"));
    Dataset<Row> crossing =
        inside
            .join(merges, col("survivor").equalTo(merges.col("surviving_profile_id")))
            .where(leftOnAlias.notEqual(rightOnAlias))
            .select(
                col("alias_profile_id"),
                when(leftOnAlias, col("type")).otherwise(col("a_type")).as("ev_type"),
                when(leftOnAlias, col("value")).otherwise(col("a_value")).as("ev_value"),
                col("evidence_event_id").as("ev_event"),
                col("seen_at"));
    Dataset<Row> best =
        crossing
            .withColumn(
                "_n",
                row_number()
                    .over(
                        Window.partitionBy("alias_profile_id")
                            .orderBy("seen_at", "ev_event", "ev_type", "ev_value")))
            .where(col("_n").equalTo(1));
    return merges
        .join(best, new String[] {"alias_profile_id"}, "left")
        .select(
            col("alias_profile_id"),
            col("surviving_profile_id"),
            col("ev_type").as("evidence_identifier_type"),
            col("ev_value").as("evidence_identifier_value"),
            col("ev_event").as("evidence_event_id"));
  }

  /** Records this run's merges (with evidence) and re-points the aliases of merged survivors. */
  static void record(
      SparkSession spark,
      TableLocations tables,
      String workspace,
      Dataset<Row> merges,
      String runId,
      Instant mergedAt) {
    String location = tables.table(ResolveTables.PROFILE_MERGES);
    DeltaTable table =
        DeltaTables.createIfNotExists(spark, location, ResolveTables.PROFILE_MERGES_SCHEMA);
    Dataset<Row> rows =
        merges.select(
            lit(workspace).as("workspace_id"),
            col("alias_profile_id"),
            col("surviving_profile_id"),
            col("evidence_identifier_type"),
            col("evidence_identifier_value"),
            col("evidence_event_id"),
            lit(DETERMINISTIC).as("rule"),
            lit(null).cast("double").as("score"),
            lit(runId).as("run_id"),
            lit(mergedAt).as("merged_at"));
    // aliases of an id merged now point to its survivor
    table
        .as("t")
        .merge(
            rows.as("s"),
            "t.workspace_id = s.workspace_id AND t.surviving_profile_id = s.alias_profile_id")
        .whenMatched()
        .updateExpr(Map.of("surviving_profile_id", "s.surviving_profile_id"))
        .execute();
    table
        .as("t")
        .merge(
            rows.as("s"),
            "t.workspace_id = s.workspace_id AND t.alias_profile_id = s.alias_profile_id")
        .whenNotMatched()
        .insertAll()
        .execute();
  }

  /** Columns type/value of {@code rows} renamed with {@code prefix}, plus one renamed column. */
  private static Dataset<Row> ends(Dataset<Row> rows, String prefix, String from, String to) {
    return rows.select(
        col("type").as(prefix + "_type"), col("value").as(prefix + "_value"), col(from).as(to));
  }

  /** Join condition: the link end {@code end} ("a" or "") is the identifier {@code prefix}_*. */
  private static Column sameIdentifier(String end, String prefix) {
    String t = end.isEmpty() ? "type" : end + "_type";
    String v = end.isEmpty() ? "value" : end + "_value";
    return col(t).equalTo(col(prefix + "_type")).and(col(v).equalTo(col(prefix + "_value")));
  }
}
