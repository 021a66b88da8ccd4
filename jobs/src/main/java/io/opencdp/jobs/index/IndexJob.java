package io.opencdp.jobs.index;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;

import io.opencdp.api.store.ActivityFields;
import io.opencdp.api.store.EsConnection;
import io.opencdp.api.store.IndexAdmin;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.ingest.spark.TableLocations;
import io.opencdp.jobs.segment.SegmentTables;
import io.opencdp.resolve.guardrail.LinkGuardrails;
import io.opencdp.resolve.spark.ResolveTables;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.config.IndexConfig;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.event.IdentifierType;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Elasticsearch indexer ({@code cdp index [--full]}, docs/profile-store.md): copies golden
 * profiles, identity graphs and events from one snapshot of the Delta tables into the profile
 * store.
 *
 * <p>A full run builds new versioned profiles and identity indices, checks their counts and moves
 * both aliases to them atomically, then deletes the old ones; it rewrites every event and deletes
 * event documents it did not write. An incremental run rewrites only the profiles, identity graphs
 * and events that changed since the Delta versions in {@code index_log} ({@link IndexChanges}),
 * deletes the documents of profiles that are gone or merged away, and moves events whose profile
 * changed. Both end by comparing Elasticsearch's counts with Delta's (a mismatch is an {@code
 * INDEX_FAILED} error) and, only then, append to {@code index_log}.
 */
public final class IndexJob {
  private static final Logger LOG = LoggerFactory.getLogger(IndexJob.class);

  private final SparkSession spark;
  private final CdpConfig config;
  private final String esUrl;
  private final TableLocations tables;
  private final StoreIndices names;
  private final IndexConfig settings;
  private Consumer<String> progress = line -> LOG.info(line);

  public IndexJob(SparkSession spark, CdpConfig config, String esUrl) {
    this.spark = spark;
    this.config = config;
    this.esUrl = esUrl;
    this.tables = TableLocations.of(config);
    this.names = new StoreIndices(config.workspace());
    this.settings = config.index();
  }

  /** Where progress lines go (default: the log). */
  public IndexJob progress(Consumer<String> out) {
    this.progress = out;
    return this;
  }

  /** An incremental run when a previous run left its state, a full one otherwise. */
  public IndexReport run() {
    return run(IndexMode.INCREMENTAL);
  }

  public IndexReport run(IndexMode requested) {
    Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String runId =
        "index-" + started.toEpochMilli() + "-" + UUID.randomUUID().toString().substring(0, 8);
    IndexSources src = IndexSources.capture(spark, tables, config.workspace());
    IndexLog log = new IndexLog(spark, tables, config.workspace());
    try (EsConnection es = EsConnection.open(esUrl, settings.requestTimeoutSeconds() * 1000)) {
      IndexAdmin admin = new IndexAdmin(es.client(), names);
      Optional<IndexChanges> changes = Optional.empty();
      if (requested == IndexMode.INCREMENTAL) {
        changes = incrementalChanges(src, log, admin);
      }
      Run run = new Run(src, admin, started, changes.orElse(null));
      IndexReport report = run.execute();
      if (!report.countsMatch()) {
        throw new CdpException(
            ErrorCode.INDEX_FAILED,
            String.format(
                Locale.ROOT,
                "Elasticsearch and Delta disagree after the %s run: profiles %,d in %s, %,d in %s"
                    + " and %,d in Delta; events %,d in %s and %,d in Delta (event_profiles within"
                    + " the retention). Run `cdp index --full` to rebuild",
                report.mode().name().toLowerCase(Locale.ROOT),
                report.esProfiles(),
                names.profilesAlias(),
                report.esIdentity(),
                names.identityAlias(),
                report.deltaProfiles(),
                report.esEvents(),
                names.eventsAlias(),
                report.deltaEvents()));
      }
      log.append(runId, report, src.versions(), started);
      LOG.info("index run {} done: {}", runId, report);
      return report;
    }
  }

  private Optional<IndexChanges> incrementalChanges(
      IndexSources src, IndexLog log, IndexAdmin admin) {
    Optional<IndexLog.LastRun> last = log.last();
    if (last.isEmpty()) {
      progress.accept("no previous index run: a full rebuild");
      return Optional.empty();
    }
    if (admin.indicesOf(names.profilesAlias()).isEmpty()
        || admin.indicesOf(names.identityAlias()).isEmpty()) {
      progress.accept("the alias " + names.profilesAlias() + " is missing: a full rebuild");
      return Optional.empty();
    }
    Optional<IndexChanges> changes = IndexChanges.since(src, last.get().versions());
    if (changes.isEmpty()) {
      progress.accept("the changes since the last run cannot be read: a full rebuild");
    }
    return changes;
  }

  /** One run's state. {@code changes} null means a full run. */
  private final class Run {
    private final IndexSources src;
    private final IndexAdmin admin;
    private final Instant started;
    private final IndexChanges changes;
    private final EsTarget target = new EsTarget(esUrl, settings);
    private final Instant cutoff;
    private long profilesWritten;
    private long eventsWritten;
    private long deleted;
    private Duration profilesElapsed = Duration.ZERO;
    private Duration eventsElapsed = Duration.ZERO;

    Run(IndexSources src, IndexAdmin admin, Instant started, IndexChanges changes) {
      this.src = src;
      this.admin = admin;
      this.started = started;
      this.changes = changes;
      this.cutoff = settings.eventsRetention().map(started::minus).orElse(null);
    }

    IndexReport execute() {
      IndexMode mode = changes == null ? IndexMode.FULL : IndexMode.INCREMENTAL;
      Dataset<Row> profiles = src.read(IndexSources.PROFILES);
      long deltaProfiles = profiles.count();
      String profilesIndex;
      String identityIndex;
      if (changes == null) {
        profilesIndex = names.profilesIndex(started);
        identityIndex = names.identityIndex(started);
        rebuildProfiles(profiles, deltaProfiles, profilesIndex, identityIndex);
      } else {
        profilesIndex = only(admin.indicesOf(names.profilesAlias()));
        identityIndex = only(admin.indicesOf(names.identityAlias()));
        // an index an older version created may lack the newer fields
        admin.updateIdentityMapping(identityIndex);
        updateProfiles(profiles);
      }
      writeEvents();

      admin.refresh(names.profilesAlias());
      admin.refresh(names.identityAlias());
      admin.refresh(names.eventsAlias());
      long truncated = admin.countTruncatedActivity(names.profilesAlias());
      if (truncated > 0) {
        String warning =
            String.format(
                Locale.ROOT,
                "warning: %,d profile(s) have more than %,d events; their documents carry only the"
                    + " most recent %,d as activity (activity_truncated), so segment event counts"
                    + " of older events are incomplete for them",
                truncated,
                ActivityFields.MAX_EVENTS,
                ActivityFields.MAX_EVENTS);
        LOG.warn(warning);
        progress.accept(warning);
      }
      long deltaEvents = eventsToIndex().count();
      IndexReport report =
          new IndexReport(
              mode,
              profilesIndex,
              identityIndex,
              profilesWritten,
              eventsWritten,
              deleted,
              deltaProfiles,
              admin.count(names.profilesAlias()),
              admin.count(names.identityAlias()),
              deltaEvents,
              admin.count(names.eventsAlias()),
              profilesElapsed,
              eventsElapsed,
              Duration.between(started, Instant.now()));
      progress.accept(
          String.format(
              Locale.ROOT,
              "counts: profiles %,d in Elasticsearch / %,d in Delta, events %,d / %,d",
              report.esProfiles(),
              report.deltaProfiles(),
              report.esEvents(),
              report.deltaEvents()));
      return report;
    }

    /** New versioned indices, loaded, checked, then swapped in; the old ones deleted. */
    private void rebuildProfiles(
        Dataset<Row> profiles, long deltaProfiles, String profilesIndex, String identityIndex) {
      progress.accept(
          String.format(
              Locale.ROOT,
              "full rebuild: %,d profiles into %s and %s",
              deltaProfiles,
              profilesIndex,
              identityIndex));
      // the stream's writes from now on land in the old index until the swap; replayed after it
      Instant loadStarted = Instant.now();
      Set<String> oldProfiles = admin.indicesOf(names.profilesAlias());
      admin.createProfilesIndexForLoad(profilesIndex);
      admin.createIdentityIndexForLoad(identityIndex);
      try {
        writeProfiles(profiles, profilesIndex, identityIndex);
        admin.finishLoad(profilesIndex, settings.replicas());
        admin.finishLoad(identityIndex, settings.replicas());
        long inProfiles = admin.count(profilesIndex);
        long inIdentity = admin.count(identityIndex);
        if (inProfiles != deltaProfiles || inIdentity != deltaProfiles) {
          throw new CdpException(
              ErrorCode.INDEX_FAILED,
              String.format(
                  Locale.ROOT,
                  "the new indices hold %,d profile and %,d identity documents, Delta %,d"
                      + " profiles; the aliases were left on the previous indices",
                  inProfiles,
                  inIdentity,
                  deltaProfiles));
        }
      } catch (RuntimeException e) {
        admin.delete(List.of(profilesIndex, identityIndex));
        throw e;
      }
      List<String> old = admin.swapAliases(profilesIndex, identityIndex);
      long replayed = 0;
      for (String previous : oldProfiles) {
        replayed +=
            admin.replayStreamWrites(
                previous, profilesIndex, loadStarted, ProfileDocument.NOT_FROM_DELTA);
      }
      admin.delete(old);
      progress.accept("aliases moved to " + profilesIndex + " and " + identityIndex);
      if (replayed > 0) {
        progress.accept(
            String.format(
                Locale.ROOT,
                "%,d profile document(s) the stream wrote during the load replayed into %s",
                replayed,
                profilesIndex));
      }
    }

    /** The changed profiles rewritten in place; the gone ones deleted from both indices. */
    private void updateProfiles(Dataset<Row> profiles) {
      Dataset<Row> dirty = changes.profileIds();
      Dataset<Row> active = profiles.join(dirty, "profile_id").localCheckpoint();
      Dataset<Row> gone =
          dirty.join(
              profiles, dirty.col("profile_id").equalTo(profiles.col("profile_id")), "left_anti");
      progress.accept(
          String.format(
              Locale.ROOT, "incremental: %,d changed profiles to rewrite", active.count()));
      writeProfiles(active, names.profilesAlias(), names.identityAlias());
      Dataset<Row> deletes =
          gone.select(col("profile_id").as("id"), lit(null).cast("string").as("json"));
      LongAccumulator written = spark.sparkContext().longAccumulator("written");
      LongAccumulator removed = spark.sparkContext().longAccumulator("deleted");
      TaskErrors.run(
          () ->
              deletes.foreachPartition(
                  new DocWriter(target, names.profilesAlias(), written, removed)));
      TaskErrors.run(
          () ->
              deletes.foreachPartition(
                  new DocWriter(target, names.identityAlias(), written, removed)));
      deleted += removed.value();
      progress.accept(
          String.format(
              Locale.ROOT, "deleted %,d gone or merged-away profile documents", removed.value()));
    }

    private void writeProfiles(Dataset<Row> profiles, String profilesIndex, String identityIndex) {
      Dataset<Row> merges =
          src.readOrEmpty(IndexSources.PROFILE_MERGES, ResolveTables.PROFILE_MERGES_SCHEMA);
      LongAccumulator written = spark.sparkContext().longAccumulator("profiles written");
      LongAccumulator removed = spark.sparkContext().longAccumulator("profiles deleted");
      long t0 = System.nanoTime();
      TaskErrors.run(
          () ->
              ProfileDocs.build(
                      profiles,
                      merges,
                      eventsToIndex(),
                      SegmentTables.openSegmentsPerProfile(spark, tables, config.workspace()),
                      src.versions().get(IndexSources.PROFILES),
                      started)
                  .foreachPartition(new DocWriter(target, profilesIndex, written, removed)));
      profilesElapsed = Duration.ofNanos(System.nanoTime() - t0);
      profilesWritten += written.value();
      progress.accept(
          String.format(
              Locale.ROOT,
              "%,d profile documents in %.1f s (%,.0f profiles/s)",
              written.value(),
              profilesElapsed.toMillis() / 1000.0,
              written.value() / Math.max(1e-9, profilesElapsed.toNanos() / 1e9)));

      LongAccumulator identities = spark.sparkContext().longAccumulator("identity written");
      List<IdentifierType> priority =
          LinkGuardrails.from(config.resolve().guardrails()).limits().priority();
      IdentityDocs.Inputs inputs =
          new IdentityDocs.Inputs(
              src.read(IndexSources.IDENTITY_MAP),
              src.read(IndexSources.EVENT_PROFILES),
              src.read(IndexSources.RESOLVE_EVENTS),
              src.readOrEmpty(IndexSources.LINK_AUDIT, ResolveTables.IDENTITY_LINK_AUDIT_SCHEMA),
              merges,
              src.readOrEmpty(IndexSources.OVERRIDES, ResolveTables.IDENTITY_OVERRIDES_SCHEMA),
              src.readOrEmpty(IndexSources.MATCH_LINKS, ResolveTables.MATCH_LINKS_SCHEMA));
      long t1 = System.nanoTime();
      TaskErrors.run(
          () ->
              IdentityDocs.build(
                      profiles.select("profile_id"), inputs, priority, config.workspace(), started)
                  .foreachPartition(new DocWriter(target, identityIndex, identities, removed)));
      progress.accept(
          String.format(
              Locale.ROOT,
              "%,d identity documents in %.1f s",
              identities.value(),
              (System.nanoTime() - t1) / 1e9));
    }

    /** Events of a profile within the retention, joined with their profile id. */
    private Dataset<Row> eventsToIndex() {
      Dataset<Row> events = src.read(IndexSources.EVENTS);
      if (cutoff != null) {
        events = events.where(col("occurred_at").geq(lit(cutoff)));
      }
      Dataset<Row> membership =
          src.read(IndexSources.EVENT_PROFILES).select(col("event_id"), col("profile_id"));
      return events.join(membership, "event_id");
    }

    private void writeEvents() {
      Dataset<Row> events = eventsToIndex();
      Dataset<Row> months = src.read(IndexSources.EVENTS);
      if (changes != null) {
        events = events.join(changes.eventIds(), "event_id");
        months = months.join(changes.eventIds(), "event_id");
      }
      if (cutoff != null) {
        months = months.where(col("occurred_at").geq(lit(cutoff)));
      }
      List<YearMonth> needed =
          months
              .select(date_format(col("event_date"), "yyyy-MM"))
              .distinct()
              .collectAsList()
              .stream()
              .map(r -> YearMonth.parse(r.getString(0)))
              .toList();
      admin.ensureEventIndices(needed, settings.replicas());
      LongAccumulator written = spark.sparkContext().longAccumulator("events written");
      LongAccumulator removed = spark.sparkContext().longAccumulator("events deleted");
      long t0 = System.nanoTime();
      Dataset<Row> toWrite = events;
      TaskErrors.run(
          () ->
              toWrite.foreachPartition(
                  new EventWriter(target, config.workspace(), started, written, removed)));
      eventsElapsed = Duration.ofNanos(System.nanoTime() - t0);
      eventsWritten += written.value();
      progress.accept(
          String.format(
              Locale.ROOT,
              "%,d event documents in %.1f s",
              written.value(),
              (System.nanoTime() - t0) / 1e9));

      admin.refresh(names.eventsAlias());
      List<String> candidates =
          changes == null
              ? null
              : changes.staleEventIds().collectAsList().stream().map(r -> r.getString(0)).toList();
      long stale = admin.deleteStale(names.eventsAlias(), started, candidates);
      if (cutoff != null) {
        admin.pruneEventsBefore(cutoff);
      }
      deleted += stale;
      if (stale > 0) {
        progress.accept(String.format(Locale.ROOT, "deleted %,d stale event documents", stale));
      }
    }
  }

  private static String only(java.util.Set<String> indices) {
    return indices.isEmpty() ? "" : indices.iterator().next();
  }
}
