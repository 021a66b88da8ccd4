package io.opencdp.jobs.segment;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import io.opencdp.api.SavedSegments;
import io.opencdp.api.store.EsConnection;
import io.opencdp.api.store.IndexAdmin;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.ingest.spark.TableLocations;
import io.opencdp.jobs.index.EsTarget;
import io.opencdp.jobs.index.TaskErrors;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.segment.ProfileFields;
import io.opencdp.schemas.segment.SegmentWindows;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * {@code cdp segments refresh} (docs/segments.md, "Materialization"): evaluates the saved segments
 * with the query the API counts with, at one instant, diffs the members against the open rows of
 * {@code segment_membership} in Spark, commits the entered and exited spells in one Delta {@code
 * MERGE}, appends one {@code segment_refreshes} row per segment and sets the {@code segments} field
 * of the profile documents that entered or left something.
 */
public final class SegmentRefreshJob {
  private static final Logger LOG = LoggerFactory.getLogger(SegmentRefreshJob.class);
  private static final String ENTER = "enter";
  private static final String EXIT = "exit";
  private static final Seq<String> KEY =
      CollectionConverters.asScala(List.of("segment_id", "profile_id")).toSeq();

  private final SparkSession spark;
  private final CdpConfig config;
  private final String esUrl;
  private final Clock clock;
  private final TableLocations tables;
  private final StoreIndices names;
  private Consumer<String> progress = line -> LOG.info(line);

  public SegmentRefreshJob(SparkSession spark, CdpConfig config, String esUrl, Clock clock) {
    this.spark = spark;
    this.config = config;
    this.esUrl = esUrl;
    this.clock = clock;
    this.tables = TableLocations.of(config);
    this.names = new StoreIndices(config.workspace());
  }

  /** Where progress lines go (default: the log). */
  public SegmentRefreshJob progress(Consumer<String> out) {
    this.progress = out;
    return this;
  }

  /**
   * Refreshes the segments {@code segmentIds} (every saved segment when empty; then the open rows
   * of segments deleted since are closed too); {@code dryRun} evaluates and diffs only.
   *
   * @throws CdpException {@code NOT_FOUND} for an id that names no saved segment
   */
  public RefreshReport run(List<String> segmentIds, boolean dryRun) {
    long t0 = System.nanoTime();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    SegmentWindows windows =
        SegmentWindows.of(config.segments(), Clock.fixed(now, clock.getZone()));
    String runId =
        "refresh-" + now.toEpochMilli() + "-" + UUID.randomUUID().toString().substring(0, 8);
    try (EsConnection es = EsConnection.open(esUrl, config.index().requestTimeoutSeconds() * 1000);
        MemberStage stage =
            new MemberStage(
                spark, config.workDir().toAbsolutePath().resolve("tmp").resolve(runId))) {
      SavedSegments saved = SavedSegments.of(es.client(), names, ProfileFields.of(config));
      List<SavedSegments.Saved> selected = select(saved, segmentIds);
      Map<String, Long> members = new HashMap<>();
      for (SavedSegments.Saved segment : selected) {
        long[] n = {0};
        saved.forEachMember(
            saved.compile(segment, windows),
            doc -> {
              stage.add(segment.id(), segment.version(), doc.path("profile_id").asText());
              n[0]++;
            });
        members.put(segment.id(), n[0]);
        progress.accept(
            String.format(Locale.ROOT, "%s: %,d members at %s", segment.id(), n[0], now));
      }

      Dataset<Row> open = openRowsAtOneVersion();
      Set<String> deleted = segmentIds.isEmpty() ? deletedSegments(open, selected) : Set.of();
      List<String> scope = new ArrayList<>(selected.stream().map(SavedSegments.Saved::id).toList());
      scope.addAll(deleted);
      Dataset<Row> changes = stage.fix("changes", diff(stage.members(), open, scope));
      Map<String, long[]> counts = counts(changes);

      List<RefreshReport.Segment> results = new ArrayList<>();
      for (SavedSegments.Saved s : selected) {
        long[] c = counts.getOrDefault(s.id(), new long[2]);
        results.add(
            new RefreshReport.Segment(
                s.id(), s.version(), s.name(), members.get(s.id()), c[0], c[1]));
      }
      for (String id : deleted) {
        long[] c = counts.getOrDefault(id, new long[2]);
        results.add(new RefreshReport.Segment(id, null, null, 0, c[0], c[1]));
      }
      long changed = results.stream().mapToLong(r -> r.entered() + r.exited()).sum();
      long[] docs = {0, 0};
      if (!dryRun) {
        if (changed > 0) {
          // the documents first: a run that fails after them commits nothing, so the next run
          // finds the same diff and writes them again; the other way round a failed update
          // would be lost, as the next run would find no change
          docs = updateDocuments(open, changes, new IndexAdmin(es.client(), names));
          merge(changes, now, runId);
        }
        SegmentTables.appendRefreshes(spark, tables, refreshRows(results, runId, now));
      }
      RefreshReport report =
          new RefreshReport(
              runId,
              now,
              dryRun,
              results,
              docs[0],
              docs[1],
              Duration.ofNanos(System.nanoTime() - t0));
      LOG.info("segment refresh {} done: {}", runId, report);
      return report;
    }
  }

  private List<SavedSegments.Saved> select(SavedSegments saved, List<String> ids) {
    if (ids.isEmpty()) {
      return saved.all();
    }
    List<SavedSegments.Saved> selected = new ArrayList<>();
    for (String id : new LinkedHashSet<>(ids)) {
      selected.add(
          saved
              .get(id)
              .orElseThrow(
                  () ->
                      new CdpException(
                          ErrorCode.NOT_FOUND,
                          "--segment '"
                              + id
                              + "' names no saved segment of workspace '"
                              + config.workspace()
                              + "'; `GET /v1/segments` lists them")));
    }
    return selected;
  }

  /** The open rows as of one version of the table (none when it does not exist yet). */
  private Dataset<Row> openRowsAtOneVersion() {
    String location = tables.table(SegmentTables.MEMBERSHIP);
    if (!DeltaTable.isDeltaTable(spark, location)) {
      return SegmentTables.openRows(spark, tables, config.workspace());
    }
    long version =
        DeltaTable.forPath(spark, location).history(1).select("version").head().getLong(0);
    return spark
        .read()
        .format("delta")
        .option("versionAsOf", version)
        .load(location)
        .where(col("workspace_id").equalTo(config.workspace()).and(col("exited_at").isNull()));
  }

  /** Segments with open rows that are no longer saved. */
  private static Set<String> deletedSegments(Dataset<Row> open, List<SavedSegments.Saved> saved) {
    Set<String> ids = new LinkedHashSet<>();
    for (Row row : open.select("segment_id").distinct().orderBy("segment_id").collectAsList()) {
      ids.add(row.getString(0));
    }
    saved.forEach(s -> ids.remove(s.id()));
    return ids;
  }

  /**
   * Rows of {@code segment_id}, {@code profile_id}, {@code segment_version}, {@code action}: the
   * members without an open row enter, the open rows of {@code scope} without a member exit.
   */
  static Dataset<Row> diff(Dataset<Row> members, Dataset<Row> open, List<String> scope) {
    Dataset<Row> current = members.select("segment_id", "profile_id", "segment_version");
    Dataset<Row> openKeys =
        open.where(col("segment_id").isin(scope.toArray()))
            .select("segment_id", "profile_id", "segment_version");
    Dataset<Row> entered =
        current.join(openKeys, KEY, "left_anti").withColumn("action", lit(ENTER));
    Dataset<Row> exited = openKeys.join(current, KEY, "left_anti").withColumn("action", lit(EXIT));
    return entered.unionByName(exited);
  }

  /** Per segment: entered, exited. */
  private static Map<String, long[]> counts(Dataset<Row> changes) {
    Map<String, long[]> counts = new HashMap<>();
    for (Row row : changes.groupBy("segment_id", "action").count().collectAsList()) {
      long[] c = counts.computeIfAbsent(row.getString(0), k -> new long[2]);
      c[ENTER.equals(row.getString(1)) ? 0 : 1] = row.getLong(2);
    }
    return counts;
  }

  /** One MERGE: exits close their open row, entries insert a new one. */
  private void merge(Dataset<Row> changes, Instant now, String runId) {
    Timestamp at = Timestamp.from(now);
    Map<String, Column> close = new HashMap<>();
    close.put("exited_at", lit(at));
    close.put("exited_run_id", lit(runId));
    Map<String, Column> insert = new HashMap<>();
    insert.put("workspace_id", lit(config.workspace()));
    insert.put("segment_id", col("s.segment_id"));
    insert.put("profile_id", col("s.profile_id"));
    insert.put("entered_at", lit(at));
    insert.put("exited_at", lit(null).cast("timestamp"));
    insert.put("entered_run_id", lit(runId));
    insert.put("exited_run_id", lit(null).cast("string"));
    insert.put("segment_version", col("s.segment_version"));
    SegmentTables.membership(spark, tables)
        .as("t")
        .merge(
            changes.as("s"),
            col("t.workspace_id")
                .equalTo(lit(config.workspace()))
                .and(col("t.segment_id").equalTo(col("s.segment_id")))
                .and(col("t.profile_id").equalTo(col("s.profile_id")))
                .and(col("t.exited_at").isNull())
                .and(col("s.action").equalTo(lit(EXIT))))
        .whenMatched()
        .update(close)
        .whenNotMatched(expr("s.action = '" + ENTER + "'"))
        .insert(insert)
        .execute();
  }

  private List<Row> refreshRows(List<RefreshReport.Segment> results, String runId, Instant now) {
    Timestamp evaluated = Timestamp.from(now);
    Timestamp finished = Timestamp.from(Instant.now());
    List<Row> rows = new ArrayList<>();
    for (RefreshReport.Segment r : results) {
      rows.add(
          RowFactory.create(
              config.workspace(),
              runId,
              r.segmentId(),
              r.version(),
              evaluated,
              r.members(),
              r.entered(),
              r.exited(),
              finished));
    }
    return rows;
  }

  /**
   * Sets {@code segments} on the documents of the profiles that entered or left something: their
   * open rows ({@code open}, as diffed) without the exits, with the entries, i.e. the open rows the
   * commit leaves them; returns updated, missing.
   */
  private long[] updateDocuments(Dataset<Row> open, Dataset<Row> changes, IndexAdmin admin) {
    Dataset<Row> changed = changes.select("profile_id").distinct();
    Dataset<Row> exits =
        changes.where(col("action").equalTo(lit(EXIT))).select("segment_id", "profile_id");
    Dataset<Row> kept =
        open.select("segment_id", "profile_id")
            .join(changed, "profile_id")
            .join(exits, KEY, "left_anti");
    Dataset<Row> after =
        kept.unionByName(
                changes.where(col("action").equalTo(lit(ENTER))).select("segment_id", "profile_id"))
            .groupBy(col("profile_id").as("segments_pid"))
            .agg(array_sort(collect_set(col("segment_id"))).as("open_segments"));
    Dataset<Row> docs =
        changed
            .join(after, col("profile_id").equalTo(col("segments_pid")), "left")
            .select(
                col("profile_id").as("id"),
                coalesce(col("open_segments"), array().cast("array<string>")).as("segments"));
    LongAccumulator updated = spark.sparkContext().longAccumulator("segments updated");
    LongAccumulator missing = spark.sparkContext().longAccumulator("segments missing");
    String alias = names.profilesAlias();
    SegmentsFieldWriter writer =
        new SegmentsFieldWriter(new EsTarget(esUrl, config.index()), alias, updated, missing);
    TaskErrors.run(() -> docs.foreachPartition(writer));
    if (!admin.indicesOf(alias).isEmpty()) {
      admin.refresh(alias);
    }
    progress.accept(
        String.format(
            Locale.ROOT,
            "segments field set on %,d profile documents (%,d without a document, skipped)",
            updated.value(),
            missing.value()));
    return new long[] {updated.value(), missing.value()};
  }
}
