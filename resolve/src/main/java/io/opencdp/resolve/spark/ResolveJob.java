package io.opencdp.resolve.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import io.opencdp.ingest.spark.DeltaTables;
import io.opencdp.ingest.spark.SuppressionListTable;
import io.opencdp.ingest.spark.TableLocations;
import io.opencdp.resolve.guardrail.LinkGuardrails;
import io.opencdp.resolve.guardrail.NeverLinkRules;
import io.opencdp.resolve.match.MatchSettings;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deterministic identity resolution ({@code cdp resolve}). {@link ResolveState} brings {@code
 * resolve_events} up to date with {@code events} (only the changes since the last run, or all
 * events with {@link ResolveMode#FULL}); from it, identifiers that share an event are linked under
 * the guardrails and the operators' overrides ({@link IdentityClustering}); each resulting person
 * keeps the profile id it had where its identifiers did not change, by the rules of {@code
 * io.opencdp.resolve.ids} ({@link ProfileIdAssignment}), and merged-away ids become aliases in
 * {@code profile_merges}. Writes {@code profile_ids}, {@code profile_merges}, {@code identity_map},
 * {@code event_profiles}, {@code identity_link_audit} (only the rows that changed) and, last,
 * {@code resolve_log}. Full and incremental runs give the same tables.
 */
public final class ResolveJob {
  private static final Logger LOG = LoggerFactory.getLogger(ResolveJob.class);

  private final SparkSession spark;
  private final CdpConfig config;
  private final TableLocations tables;

  public ResolveJob(SparkSession spark, CdpConfig config) {
    this.spark = spark;
    this.config = config;
    this.tables = TableLocations.of(config);
  }

  public TableLocations tables() {
    return tables;
  }

  /** A new run id: {@code resolve-<epoch ms>-<8 hex>}. */
  public static String newRunId() {
    return "resolve-"
        + Instant.now().toEpochMilli()
        + "-"
        + UUID.randomUUID().toString().substring(0, 8);
  }

  /** An incremental run when a previous run left its state, a full one otherwise. */
  public ResolveReport run() {
    return run(ResolveMode.INCREMENTAL);
  }

  public ResolveReport run(ResolveMode mode) {
    return run(mode, newRunId());
  }

  /**
   * A run under an id given out before it starts ({@link #newRunId()}), so that what is done for
   * the run beforehand (the API's pending overrides applied) can name it.
   */
  public ResolveReport run(ResolveMode mode, String runId) {
    Instant started = Instant.now();
    if (!DeltaTables.exists(spark, tables.events())) {
      throw new CdpException(
          ErrorCode.INPUT_NOT_FOUND,
          "no events table at " + tables.events() + "; run `cdp ingest` first");
    }
    String workspace = config.workspace();
    LinkGuardrails guardrails = LinkGuardrails.from(config.resolve().guardrails());
    NeverLinkRules neverLink = IdentityOverrides.rules(spark, tables, workspace);
    PreviousProfiles previous =
        PreviousProfiles.read(
            spark,
            tables,
            workspace,
            StreamProfileIds.sync(
                spark,
                tables,
                config.workDir(),
                workspace,
                started,
                SuppressionListTable.erased(spark, tables, config)));
    LOG.info(
        "resolve run {} ({} requested), previous profiles: {}", runId, mode, previous.exists());

    ResolveState state = new ResolveState(spark, tables, workspace);
    ResolveState.Refreshed input = state.refresh(mode);
    Dataset<Row> compact = input.events().persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> marked =
        IdentifierMarks.of(compact, guardrails).persist(StorageLevel.MEMORY_AND_DISK());
    IdentityClustering.Clusters clusters = null;
    try {
      String checkpoints = config.workDir().toAbsolutePath().resolve("checkpoints").toString();
      clusters =
          new IdentityClustering(guardrails, neverLink, checkpoints)
              .cluster(marked.where(col("blocked").equalTo(false)));
      Dataset<Row> members = clusters.members();
      Dataset<Row> placedEvents = null;
      Dataset<Row> walkIns = null;
      long walkInProfiles = 0;
      if (config.resolve().match().enabled()) {
        Dataset<Row> events =
            spark
                .read()
                .format("delta")
                .load(tables.events())
                .where(col("workspace_id").equalTo(workspace));
        ProbabilisticLinking.Linked linked =
            ProbabilisticLinking.apply(
                spark,
                tables,
                workspace,
                config.workDir(),
                MatchSettings.from(config.resolve().match()),
                guardrails,
                neverLink,
                events,
                clusters,
                members,
                started);
        members = linked.members();
        placedEvents = linked.placedEvents();
        walkIns = linked.walkIns().localCheckpoint();
        walkInProfiles = linked.walkInProfiles();
      }
      Dataset<Row> componentSeen =
          clusters
              .usable()
              .select("type", "value", "received_at")
              .join(members, new String[] {"type", "value"})
              .groupBy("cluster_key")
              .agg(min("received_at").as("component_first_seen"));
      ProfileIdAssignment.Result ids = ProfileIdAssignment.assign(members, componentSeen, previous);
      Dataset<Row> profileOf =
          members
              .join(ids.components(), "cluster_key")
              .select("type", "value", "profile_id")
              .localCheckpoint();
      Dataset<Row> merges =
          ProfileMergesTable.withEvidence(
                  ids.merges(), clusters.links(), previous.members(), profileOf)
              .localCheckpoint();

      // the registry and merges first: a run interrupted later repeats them idempotently
      ProfileRegistry.update(spark, tables, workspace, ids, previous.streamOnly(), runId, started);
      long merged = merges.count();
      if (merged > 0) {
        ProfileMergesTable.record(spark, tables, workspace, merges, runId, started);
      }
      Dataset<Row> eventProfiles =
          ResolveOutputs.eventProfiles(
                  clusters, profileOf, placedEvents, ids.components(), walkIns, workspace)
              .localCheckpoint();
      TableSync.sync(
          spark,
          tables.table(ResolveTables.IDENTITY_MAP),
          ResolveOutputs.identityMap(clusters, profileOf, eventProfiles, workspace),
          "updated_at",
          started);
      TableSync.sync(
          spark, tables.table(ResolveTables.EVENT_PROFILES), eventProfiles, null, started);
      TableSync.sync(
          spark,
          tables.table(ResolveTables.IDENTITY_LINK_AUDIT),
          ResolveOutputs.audit(clusters, marked, workspace),
          null,
          started);

      Row profiles = ids.components().agg(count(lit(1)), count(when(col("created"), true))).first();
      // walk-in profiles have no identifiers, hence no entry in the registry: counted apart
      if (walkInProfiles > 0) {
        LOG.info(
            "{} walk-in profile(s): records no identifier placed, joined by probabilistic links",
            walkInProfiles);
      }
      ResolveReport report =
          new ResolveReport(
              runId,
              input.mode(),
              input.changedEvents(),
              profiles.getLong(0) + walkInProfiles,
              eventProfiles.count(),
              profiles.getLong(1),
              merged,
              ids.retired().count(),
              clusters.rounds(),
              Duration.between(started, Instant.now()));
      state.log(report, input.eventsVersion(), started);
      StreamSeeds.writeIfStreaming(spark, tables, config, runId, input.eventsVersion());
      LOG.info(
          "resolve run {} ({}, {} changed event(s)): {} event(s) into {} profile(s): {} new id(s), {} merged into another, {}"
              + " retired; {} connected-components round(s)",
          runId,
          report.mode(),
          report.changedEvents(),
          report.events(),
          report.profiles(),
          report.created(),
          report.merged(),
          report.retired(),
          report.componentRounds());
      return report;
    } finally {
      if (clusters != null) {
        clusters.release();
      }
      marked.unpersist();
      compact.unpersist();
    }
  }
}
