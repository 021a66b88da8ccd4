package io.opencdp.resolve.spark.profile;

import static org.apache.spark.sql.functions.col;

import io.opencdp.ingest.spark.DeltaTables;
import io.opencdp.ingest.spark.TableLocations;
import io.opencdp.resolve.profile.ProfileAccumulator;
import io.opencdp.resolve.profile.ProfileRules;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.Collectors;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.KeyValueGroupedDataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the golden profiles ({@code cdp resolve}, after identity resolution): reads {@code events}
 * joined with {@code event_profiles}, groups them by profile, runs the plain-Java {@link
 * ProfileAccumulator} over each profile's events (with the shared flags of {@code identity_map})
 * and writes the Delta {@code profiles} table. A full build MERGEs into the table, rewriting only
 * the profiles whose content changed ({@link ProfilesSync}); a build of some profile ids replaces
 * only their rows.
 */
public final class ProfileBuilder {
  private static final Logger LOG = LoggerFactory.getLogger(ProfileBuilder.class);

  /** Tables identity resolution writes, read here. */
  static final String EVENT_PROFILES = "event_profiles";

  static final String IDENTITY_MAP = "identity_map";

  private static final MapFunction<Row, String> BY_PROFILE = row -> row.getAs("profile_id");

  private final SparkSession spark;
  private final CdpConfig config;
  private final TableLocations tables;

  public ProfileBuilder(SparkSession spark, CdpConfig config) {
    this.spark = spark;
    this.config = config;
    this.tables = TableLocations.of(config);
  }

  /** Rebuilds every profile. */
  public ProfileReport run() {
    return run(ProfileScope.everyProfile());
  }

  /** Rebuilds the profiles of {@code scope}. */
  public ProfileReport run(ProfileScope scope) {
    Instant started = Instant.now();
    Instant runTime = started.truncatedTo(ChronoUnit.MICROS);
    for (String table : new String[] {EVENT_PROFILES, IDENTITY_MAP}) {
      if (!DeltaTables.exists(spark, tables.table(table))) {
        throw new CdpException(
            ErrorCode.INPUT_NOT_FOUND,
            "no " + table + " table at " + tables.table(table) + "; run `cdp resolve` first");
      }
    }
    ProfileRules rules = ProfileRules.from(config, runTime);
    if (!scope.all() && scope.profileIds().isEmpty()) {
      return new ProfileReport(0, rules.asOf(), Duration.between(started, Instant.now()));
    }
    String workspace = config.workspace();
    Dataset<Row> membership =
        inScope(read(EVENT_PROFILES), scope).select(col("event_id"), col("profile_id"));
    Dataset<Row> events =
        spark
            .read()
            .format("delta")
            .load(tables.events())
            .where(col("workspace_id").equalTo(workspace));
    Dataset<Row> shared =
        inScope(read(IDENTITY_MAP), scope)
            .where(col("shared"))
            .select(col("profile_id"), col("identifier_type"), col("identifier_value"));

    KeyValueGroupedDataset<String, Row> eventsByProfile =
        membership.join(events, "event_id").groupByKey(BY_PROFILE, Encoders.STRING());
    KeyValueGroupedDataset<String, Row> sharedByProfile =
        shared.groupByKey(BY_PROFILE, Encoders.STRING());
    Dataset<Row> profiles =
        eventsByProfile.cogroup(
            sharedByProfile,
            new BuildProfiles(rules, workspace, runTime),
            Encoders.row(ProfilesTable.SCHEMA));

    String location = tables.table(ProfilesTable.NAME);
    DeltaTables.createIfNotExists(spark, location, ProfilesTable.SCHEMA);
    long written;
    if (scope.all()) {
      written = ProfilesSync.sync(spark, location, profiles, workspace);
    } else {
      // a few profiles: materialized once and counted, then they replace their rows (the
      // metrics of a replaceWhere commit also count the rows it copied from rewritten files)
      Dataset<Row> rebuilt = profiles.localCheckpoint();
      written = rebuilt.count();
      rebuilt
          .write()
          .format("delta")
          .mode("overwrite")
          .option("replaceWhere", "profile_id IN (" + quoted(scope) + ")")
          .save(location);
    }
    Duration elapsed = Duration.between(started, Instant.now());
    LOG.info("built {} golden profile(s) as of {} in {}", written, rules.asOf(), elapsed);
    return new ProfileReport(written, rules.asOf(), elapsed);
  }

  private Dataset<Row> read(String table) {
    return spark
        .read()
        .format("delta")
        .load(tables.table(table))
        .where(col("workspace_id").equalTo(config.workspace()));
  }

  private static Dataset<Row> inScope(Dataset<Row> rows, ProfileScope scope) {
    return scope.all() ? rows : rows.where(col("profile_id").isin(scope.profileIds().toArray()));
  }

  private static String quoted(ProfileScope scope) {
    return scope.profileIds().stream()
        .sorted()
        .map(id -> "'" + id.replace("'", "''") + "'")
        .collect(Collectors.joining(", "));
  }
}
