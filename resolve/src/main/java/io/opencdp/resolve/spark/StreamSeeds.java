package io.opencdp.resolve.spark;

import static org.apache.spark.sql.functions.col;

import io.opencdp.ingest.spark.DeltaTables;
import io.opencdp.ingest.spark.EventRows;
import io.opencdp.ingest.spark.EventsTable;
import io.opencdp.ingest.spark.SuppressionListTable;
import io.opencdp.ingest.spark.TableLocations;
import io.opencdp.resolve.guardrail.NeverLinkRules;
import io.opencdp.resolve.stream.SeedFile;
import io.opencdp.resolve.stream.StreamSeed;
import io.opencdp.resolve.stream.StreamingResolver;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.event.TouchpointEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What reconciliation reads of a completed resolve run ({@link StreamSeed}, docs/streaming.md,
 * "Reconciliation"): the workspace's events, the accepted {@code match_links}, {@code
 * event_profiles}, the aliases of {@code profile_merges}, the retired ids of {@code profile_ids},
 * and the identity overrides. Collected on the driver: the seed is built in one JVM, as the
 * stream's state lives in one operator.
 */
public final class StreamSeeds {
  private static final Logger LOG = LoggerFactory.getLogger(StreamSeeds.class);

  private StreamSeeds() {}

  /**
   * The batch's outputs and overrides.
   *
   * @param batch what the seed is built from
   * @param neverLink the active identity overrides, which the seed's resolver honours
   */
  public record Read(StreamSeed.BatchResult batch, NeverLinkRules neverLink) {}

  /**
   * Writes the seed of the run that just completed, when a stream has run in this work directory
   * ({@code <work_dir>/stream} exists): without a stream nobody would read it, and it costs a
   * replay of every event.
   *
   * @param eventsVersion the version of {@code events} the run resolved
   * @return the seed file, or empty when no stream has run here
   */
  static Optional<Path> writeIfStreaming(
      SparkSession spark,
      TableLocations tables,
      CdpConfig config,
      String runId,
      long eventsVersion) {
    return writeIfStreaming(spark, tables, config, runId, eventsVersion, true);
  }

  /**
   * Writes a seed of the tables as they are now, after an erasure removed a person from them
   * (docs/privacy.md): it carries the erased hashes and replaces every older seed, so no seed file
   * keeps the person's events and a running stream drops them from its state.
   *
   * @param runId names the seed; must sort after the last resolve run's (a newer seed)
   * @return the seed file, or empty when no stream has run here
   */
  public static Optional<Path> writeAfterErasure(
      SparkSession spark, TableLocations tables, CdpConfig config, String runId) {
    return writeIfStreaming(spark, tables, config, runId, null, false);
  }

  private static Optional<Path> writeIfStreaming(
      SparkSession spark,
      TableLocations tables,
      CdpConfig config,
      String runId,
      Long eventsVersion,
      boolean keepPrevious) {
    Path stream = config.workDir().resolve("stream");
    if (!Files.isDirectory(stream)) {
      return Optional.empty();
    }
    long t0 = System.nanoTime();
    Read input = read(spark, tables, config.workspace(), eventsVersion);
    StreamSeed.Seed seed =
        StreamSeed.build(StreamingResolver.of(config, input.neverLink()), input.batch());
    Path file =
        SeedFile.write(
            SeedFile.directory(config.workDir()),
            config.workspace(),
            runId,
            seed.state(),
            input.batch().events(),
            input.neverLink(),
            SuppressionListTable.erased(spark, tables, config).hashes(),
            keepPrevious);
    LOG.info(
        "stream seed {} written in {} ms, {} bytes ({} event(s) placed otherwise than by the batch)",
        file,
        (System.nanoTime() - t0) / 1_000_000,
        file.toFile().length(),
        seed.disagreements());
    return Optional.of(file);
  }

  /** The batch's outputs, its events as of {@code eventsVersion} (null: the latest). */
  public static Read read(
      SparkSession spark, TableLocations tables, String workspace, Long eventsVersion) {
    List<TouchpointEvent> events = new ArrayList<>();
    String location = tables.table(EventsTable.NAME);
    Dataset<Row> rows =
        !DeltaTables.exists(spark, location)
            ? null
            : eventsVersion == null
                ? delta(spark, location, workspace)
                : spark
                    .read()
                    .format("delta")
                    .option("versionAsOf", eventsVersion)
                    .load(location)
                    .where(col("workspace_id").equalTo(workspace));
    if (rows != null) {
      for (Row r : rows.collectAsList()) {
        events.add(EventRows.fromRow(r));
      }
    }
    List<List<String>> joins = new ArrayList<>();
    Dataset<Row> links = delta(spark, tables.table(ResolveTables.MATCH_LINKS), workspace);
    if (links != null) {
      for (Row r :
          links.where(col("accepted")).select("left_group", "right_group").collectAsList()) {
        joins.add(List.of(r.getString(0), r.getString(1)));
      }
    }
    Map<String, String> profileOf = new HashMap<>();
    Dataset<Row> placed = delta(spark, tables.table(ResolveTables.EVENT_PROFILES), workspace);
    if (placed != null) {
      for (Row r : placed.select("event_id", "profile_id").collectAsList()) {
        profileOf.put(r.getString(0), r.getString(1));
      }
    }
    Map<String, String> formerIds = new HashMap<>();
    Dataset<Row> retired = delta(spark, tables.table(ResolveTables.PROFILE_IDS), workspace);
    if (retired != null) {
      for (Row r :
          retired
              .where(col("status").equalTo(ProfileRegistry.RETIRED))
              .select("profile_id")
              .collectAsList()) {
        formerIds.put(r.getString(0), "");
      }
    }
    Dataset<Row> merges = delta(spark, tables.table(ResolveTables.PROFILE_MERGES), workspace);
    if (merges != null) {
      for (Row r : merges.select("alias_profile_id", "surviving_profile_id").collectAsList()) {
        formerIds.put(r.getString(0), r.getString(1));
      }
    }
    return new Read(
        new StreamSeed.BatchResult(events, joins, profileOf, formerIds),
        IdentityOverrides.rules(spark, tables, workspace));
  }

  /** The workspace's rows of a table; null when there is no table. */
  private static Dataset<Row> delta(SparkSession spark, String location, String workspace) {
    return DeltaTables.exists(spark, location)
        ? PreviousProfiles.delta(spark, location, workspace)
        : null;
  }
}
