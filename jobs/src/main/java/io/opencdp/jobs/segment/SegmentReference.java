package io.opencdp.jobs.segment;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import io.opencdp.ingest.spark.EventsTable;
import io.opencdp.ingest.spark.TableLocations;
import io.opencdp.resolve.spark.ResolveTables;
import io.opencdp.resolve.spark.profile.ProfilesTable;
import io.opencdp.schemas.segment.Condition;
import io.opencdp.schemas.segment.SegmentLookup;
import io.opencdp.schemas.segment.SegmentWindows;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The reference evaluation of segment conditions (docs/segments.md, "Evaluation"): the members of a
 * condition computed with Spark SQL over the Delta tables of a workspace, from the same catalogs,
 * the same {@link SegmentWindows} and the same rules as the Elasticsearch compiler ({@code
 * io.opencdp.api.segment.SegmentQueries}), so tests can hold the two to the same answer.
 *
 * <p>Profile fields are read from the {@code profiles} columns their document fields are built from
 * ({@code ProfileDocFields.column}), folded by {@code SearchText.fold} and times compared to the
 * millisecond as the documents hold them; consent by {@code ConsentState.isGranted}; {@code
 * has_identifier} on the contact-point lists the documents' {@code identifiers.<type>} are built
 * from. Each event condition counts the profile's events ({@code events} joined to {@code
 * event_profiles}) of its type, window and {@code where} per profile, left-joined to the profiles
 * (0 without any). Unlike the documents, the reference counts every event: a profile beyond the
 * documents' 20,000 events, or events outside {@code index.events_retention_days}, count here.
 */
public final class SegmentReference {
  private final Dataset<Row> profiles;
  private final Dataset<Row> profileEvents;

  /**
   * A reference over {@code profiles} rows and the profile's events: {@code events} rows with the
   * {@code profile_id} of their {@code event_profiles} row.
   */
  public SegmentReference(Dataset<Row> profiles, Dataset<Row> profileEvents) {
    this.profiles = requireNonNull(profiles, "profiles is null");
    this.profileEvents = requireNonNull(profileEvents, "profileEvents is null");
  }

  /** The {@code profiles} rows it reads. */
  Dataset<Row> profiles() {
    return profiles;
  }

  /** The events with their {@code profile_id} it reads. */
  Dataset<Row> profileEvents() {
    return profileEvents;
  }

  /** A reference over the current Delta tables of {@code workspace}. */
  public static SegmentReference of(SparkSession spark, TableLocations tables, String workspace) {
    Column inWorkspace = col("workspace_id").equalTo(workspace);
    Dataset<Row> profiles =
        spark.read().format("delta").load(tables.table(ProfilesTable.NAME)).where(inWorkspace);
    Dataset<Row> events =
        spark.read().format("delta").load(tables.table(EventsTable.NAME)).where(inWorkspace);
    Dataset<Row> eventProfiles =
        spark
            .read()
            .format("delta")
            .load(tables.table(ResolveTables.EVENT_PROFILES))
            .where(inWorkspace)
            .select(col("event_id"), col("profile_id"));
    return new SegmentReference(profiles, events.join(eventProfiles, "event_id"));
  }

  /**
   * The members of {@code condition}: one row per profile, column {@code profile_id}.
   *
   * @param windows the workspace time zone and the evaluation's instant
   * @param segments the saved segments; each {@code in_segment} is replaced by the current
   *     definition found here
   * @throws io.opencdp.schemas.error.CdpException {@code BAD_ARGUMENT} when a referenced segment is
   *     unknown or references itself through others
   */
  public Dataset<Row> members(Condition condition, SegmentWindows windows, SegmentLookup segments) {
    ReferenceCompiler compiler = new ReferenceCompiler(profileEvents, windows, segments);
    Column holds = condition.accept(compiler);
    Dataset<Row> rows = profiles;
    for (ReferenceCompiler.Counts counts : compiler.counts()) {
      rows =
          rows.join(
              counts.rows(), col("profile_id").equalTo(col(counts.profileId())), "left_outer");
    }
    return rows.where(holds).select(col("profile_id"));
  }
}
