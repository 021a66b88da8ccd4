package io.opencdp.resolve.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.opencdp.ingest.spark.DeltaTables;
import io.opencdp.ingest.spark.TableLocations;
import io.opencdp.resolve.guardrail.LinkGuardrails;
import io.opencdp.resolve.match.MatchModel;
import io.opencdp.resolve.match.MatchSettings;
import io.opencdp.resolve.match.PairScorer;
import io.opencdp.resolve.match.RuleStats;
import io.opencdp.resolve.spark.match.SparkCandidates;
import io.opencdp.resolve.spark.match.SparkMatcher;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code cdp match train|score}: probabilistic matching on the workspace's tables outside a resolve
 * run, writing nothing to Delta. The match records are built exactly as {@code cdp resolve} builds
 * them ({@link MatchRecords}): the profile candidates come from the same deterministic clustering,
 * recomputed read-only from {@code resolve_events} (the events as the last resolve run saw them),
 * and the person values from {@code events} at the version that run processed. So record ids and
 * groups are those of {@code match_links}, and a model trained here is the one a resolve run
 * without a model would train.
 */
public final class MatchJob {
  private static final Logger LOG = LoggerFactory.getLogger(MatchJob.class);

  private final SparkSession spark;
  private final CdpConfig config;
  private final TableLocations tables;
  private final MatchSettings settings;

  public MatchJob(SparkSession spark, CdpConfig config) {
    this.spark = spark;
    this.config = config;
    this.tables = TableLocations.of(config);
    this.settings = MatchSettings.from(config.resolve().match());
  }

  public MatchSettings settings() {
    return settings;
  }

  /**
   * What training produced: the model (not saved) and the candidates it was trained on.
   *
   * @param model the trained model
   * @param rules what each blocking rule produced, in rule order
   * @param candidatePairs candidate pairs, each once
   */
  public record Trained(MatchModel model, List<RuleStats> rules, long candidatePairs) {
    public Trained {
      rules = List.copyOf(rules);
    }
  }

  /** Trains a model on the workspace's match records; saves nothing. */
  public Trained train(Instant now) {
    try (Prepared in = prepare();
        SparkCandidates candidates = in.matcher.candidates(in.records)) {
      if (candidates.size() == 0) {
        throw new CdpException(
            ErrorCode.INPUT_NOT_FOUND,
            "the blocking rules (resolve.match.blocking) find no candidate pairs among the match"
                + " records of workspace "
                + config.workspace()
                + ": there is nothing to train on");
      }
      MatchModel model = in.matcher.train(in.records, candidates, now);
      return new Trained(model, candidates.rules(), candidates.size());
    }
  }

  /**
   * How the candidate pairs score.
   *
   * @param rules what each blocking rule produced
   * @param pairs candidate pairs
   * @param linkBand pairs at or above the link threshold
   * @param reviewBand pairs at or above the review threshold, below the link threshold
   * @param below pairs below the review threshold
   * @param written pairs written to the CSV file (0 without one)
   */
  public record Scored(
      List<RuleStats> rules, long pairs, long linkBand, long reviewBand, long below, long written) {
    public Scored {
      rules = List.copyOf(rules);
    }
  }

  /**
   * Scores the candidate pairs with {@code model}; writes those at or above {@code minProbability}
   * to {@code csv} when it is not null ({@link MatchPairsCsv}).
   */
  public Scored score(MatchModel model, double minProbability, Path csv) {
    try (Prepared in = prepare();
        SparkCandidates candidates = in.matcher.candidates(in.records)) {
      PairScorer scorer = new PairScorer(model, in.matcher.termFrequencies(in.records));
      Dataset<Row> scored =
          in.matcher.score(in.records, candidates, scorer).persist(StorageLevel.MEMORY_AND_DISK());
      try {
        Column p = col("probability");
        Row bands =
            scored
                .agg(
                    count(lit(1)),
                    sum(when(p.geq(settings.linkThreshold()), 1).otherwise(0)),
                    sum(
                        when(
                                p.geq(settings.reviewThreshold())
                                    .and(p.lt(settings.linkThreshold())),
                                1)
                            .otherwise(0)))
                .first();
        long pairs = bands.getLong(0);
        long link = bands.isNullAt(1) ? 0 : bands.getLong(1);
        long review = bands.isNullAt(2) ? 0 : bands.getLong(2);
        long written = 0;
        if (csv != null) {
          Dataset<Row> kept =
              MatchRecords.withEventIds(scored.where(p.geq(minProbability)), in.records)
                  .orderBy(p.desc(), col("left_id"), col("right_id"));
          written = MatchPairsCsv.write(csv, kept.toLocalIterator(), scorer.comparisons());
        }
        return new Scored(candidates.rules(), pairs, link, review, pairs - link - review, written);
      } finally {
        scored.unpersist();
      }
    }
  }

  /**
   * The match records of the workspace, persisted, and the matcher; close to release them and the
   * clustering's cached datasets (left registered, later writes in the session re-plan them).
   */
  private final class Prepared implements AutoCloseable {
    final SparkMatcher matcher = new SparkMatcher(settings);
    final Dataset<Row> marked;
    final IdentityClustering.Clusters clusters;
    final Dataset<Row> records;

    Prepared(Dataset<Row> marked, IdentityClustering.Clusters clusters, Dataset<Row> records) {
      this.marked = marked;
      this.clusters = clusters;
      this.records = records;
    }

    @Override
    public void close() {
      records.unpersist();
      clusters.release();
      marked.unpersist();
    }
  }

  private Prepared prepare() {
    String workspace = config.workspace();
    if (!DeltaTables.exists(spark, tables.events())) {
      throw new CdpException(
          ErrorCode.INPUT_NOT_FOUND,
          "no events table at " + tables.events() + "; run `cdp ingest` first");
    }
    Optional<Long> last = new ResolveState(spark, tables, workspace).lastVersion();
    if (last.isEmpty()) {
      throw new CdpException(
          ErrorCode.INPUT_NOT_FOUND,
          "no resolve run yet in "
              + config.workDir()
              + " for workspace "
              + workspace
              + ": run `cdp resolve` first (match records are grouped by the profile candidates"
              + " identity resolution forms)");
    }
    LinkGuardrails guardrails = LinkGuardrails.from(config.resolve().guardrails());
    Dataset<Row> compact =
        spark
            .read()
            .format("delta")
            .load(tables.table(ResolveTables.RESOLVE_EVENTS))
            .where(col("workspace_id").equalTo(workspace));
    Dataset<Row> marked =
        IdentifierMarks.of(compact, guardrails).persist(StorageLevel.MEMORY_AND_DISK());
    IdentityClustering.Clusters clusters;
    Dataset<Row> records;
    try {
      String checkpoints = config.workDir().toAbsolutePath().resolve("checkpoints").toString();
      clusters =
          new IdentityClustering(
                  guardrails, IdentityOverrides.rules(spark, tables, workspace), checkpoints)
              .cluster(marked.where(col("blocked").equalTo(false)));
      records =
          MatchRecords.of(events(last.get()), clusters, clusters.members())
              .persist(StorageLevel.MEMORY_AND_DISK());
    } catch (RuntimeException e) {
      marked.unpersist();
      throw e;
    }
    if (records.isEmpty()) {
      records.unpersist();
      clusters.release();
      marked.unpersist();
      throw new CdpException(
          ErrorCode.INPUT_NOT_FOUND,
          "no event of workspace "
              + workspace
              + " that identity resolution placed carries a person's name: there is nothing to"
              + " match");
    }
    return new Prepared(marked, clusters, records);
  }

  /** The events as the last resolve run read them, or as they are now when that is gone. */
  private Dataset<Row> events(long version) {
    Dataset<Row> events;
    try {
      events = spark.read().format("delta").option("versionAsOf", version).load(tables.events());
      events.schema();
    } catch (Exception e) {
      if (!(e instanceof AnalysisException)) {
        throw e;
      }
      LOG.warn(
          "events version {} of the last resolve run cannot be read ({}); reading the current"
              + " events",
          version,
          e.getMessage().lines().findFirst().orElse(""));
      events = spark.read().format("delta").load(tables.events());
    }
    return events.where(col("workspace_id").equalTo(config.workspace()));
  }
}
