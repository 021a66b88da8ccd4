package io.opencdp.resolve.spark.graph;

import static io.opencdp.resolve.spark.graph.EdgeInput.COMPONENT;
import static io.opencdp.resolve.spark.graph.EdgeInput.DST;
import static io.opencdp.resolve.spark.graph.EdgeInput.ID;
import static io.opencdp.resolve.spark.graph.EdgeInput.SRC;
import static io.opencdp.resolve.spark.graph.StarSteps.N_LARGER;
import static io.opencdp.resolve.spark.graph.StarSteps.N_SMALLER;
import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connected components of a large undirected graph with long vertex ids, by the alternating
 * large-star / small-star algorithm of Kiveris et al. (SoCC 2014) as GraphFrames runs it on
 * DataFrames. Each component is labelled with its smallest vertex id.
 *
 * <p>One Spark action per round: a single aggregate over the round's per-vertex neighbour counts
 * gives the edge count, the exact convergence test (see {@link StarSteps#unsettled()}) and the hubs
 * whose edges the next round joins by broadcast. Every {@code checkpointInterval} rounds the edge
 * set is written to Parquet and read back so plans do not grow with the rounds.
 */
public final class ConnectedComponents {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectedComponents.class);

  private ConnectedComponents() {}

  /**
   * Labels every vertex of {@code edges} with the smallest vertex id of its component.
   *
   * @param edges {@code (src, dst)} integral vertex ids, undirected; duplicates, both directions
   *     and self-loops are fine; rows with a null endpoint are ignored. Read twice (once for the
   *     edges, once for the vertex list), so cache it if it is expensive to compute.
   */
  public static ConnectedComponentsResult run(
      Dataset<Row> edges, ConnectedComponentsOptions options) {
    requireNonNull(edges, "edges is null");
    requireNonNull(options, "options is null");
    SparkSession spark = edges.sparkSession();
    Dataset<Row> input = EdgeInput.longEdges(edges);
    EdgeCheckpoints checkpoints =
        options.checkpointInterval() == 0
            ? null
            : new EdgeCheckpoints(spark, checkpointBase(spark, options));

    long started = System.nanoTime();
    List<Long> edgesPerRound = new ArrayList<>();
    CachedPlans previousRound = new CachedPlans();
    CachedPlans currentRound = new CachedPlans();
    Dataset<Row> edgeSet =
        currentRound.leaf(
            input
                .select(least(col(SRC), col(DST)).as(SRC), greatest(col(SRC), col(DST)).as(DST))
                .where(col(SRC).notEqual(col(DST)))
                .distinct());
    int round = 0;
    long roundStarted = started;
    try {
      while (true) {
        Dataset<Row> stats = currentRound.leaf(StarSteps.neighbourStats(edgeSet));
        RoundStats observed = observe(stats, options.hubDegreeThreshold());
        // this round's edges and stats are cached now; the previous round's are not needed
        previousRound.release();
        edgesPerRound.add(observed.edges());
        log(round, observed, options, millisSince(roundStarted));
        if (observed.unsettled() == 0) {
          break;
        }
        if (round == options.maxRounds()) {
          throw new CdpException(
              ErrorCode.INTERNAL,
              "Connected components did not converge in "
                  + round
                  + " rounds ("
                  + observed.unsettled()
                  + " vertices not yet in a star, edges per round "
                  + edgesPerRound
                  + "); the algorithm needs O(log² n) rounds, so this is a bug unless maxRounds"
                  + " was set very low");
        }
        round++;
        roundStarted = System.nanoTime();
        Dataset<Row> largeStarred =
            currentRound.leaf(StarSteps.largeStar(edgeSet, stats, observed.largerSideHubs()));
        Dataset<Row> next = StarSteps.smallStar(largeStarred, observed.smallerSideHubs());
        CachedPlans finished = currentRound;
        currentRound = previousRound;
        previousRound = finished;
        edgeSet =
            checkpoints != null && round % options.checkpointInterval() == 0
                ? currentRound.persist(checkpoints.checkpoint(next, round))
                : currentRound.leaf(next);
      }
    } catch (RuntimeException e) {
      previousRound.release();
      currentRound.release();
      if (checkpoints != null) {
        checkpoints.close();
      }
      throw e;
    }

    long millis = millisSince(started);
    LOG.info(
        "Connected components converged after {} rounds in {} ms; edges per round {}",
        round,
        millis,
        edgesPerRound);
    CachedPlans finalRound = currentRound;
    AutoCloseable resources =
        () -> {
          finalRound.release();
          if (checkpoints != null) {
            checkpoints.close();
          }
        };
    return new ConnectedComponentsResult(
        label(input, edgeSet), round, edgesPerRound, millis, resources);
  }

  /**
   * {@link #run}, but a graph of at most {@code driverEdgeLimit} input edges is collected and its
   * rounds run on the driver ({@link DriverStarSteps}): the same rounds, edges per round and
   * labels, without the Spark jobs, caches and checkpoints of each round, which dominate on small
   * graphs. Larger graphs take {@link #run}; telling them apart costs one small job.
   */
  public static ConnectedComponentsResult run(
      Dataset<Row> edges, ConnectedComponentsOptions options, int driverEdgeLimit) {
    requireNonNull(edges, "edges is null");
    requireNonNull(options, "options is null");
    List<Row> collected = EdgeInput.longEdges(edges).limit(driverEdgeLimit + 1).collectAsList();
    if (collected.size() > driverEdgeLimit) {
      return run(edges, options);
    }
    long started = System.nanoTime();
    List<long[]> pairs = new ArrayList<>(collected.size());
    for (Row r : collected) {
      pairs.add(new long[] {r.getLong(0), r.getLong(1)});
    }
    DriverStarSteps.Result result = DriverStarSteps.run(pairs, options.maxRounds());
    List<Row> labels = new ArrayList<>(result.components().size());
    result.components().forEach((id, component) -> labels.add(RowFactory.create(id, component)));
    long millis = millisSince(started);
    LOG.info(
        "Connected components converged after {} rounds in {} ms on the driver ({} input edges);"
            + " edges per round {}",
        result.rounds(),
        millis,
        collected.size(),
        result.edgesPerRound());
    // from an RDD, not a local list: a local relation's rows would end up in every plan string
    SparkSession spark = edges.sparkSession();
    Dataset<Row> components =
        spark.createDataFrame(
            JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(labels),
            EdgeInput.COMPONENTS_SCHEMA);
    return new ConnectedComponentsResult(
        components, result.rounds(), result.edgesPerRound(), millis, () -> {});
  }

  /**
   * In a converged edge set every edge is {@code (root, leaf)} with the root the component's
   * minimum; vertices that are no leaf (roots, and vertices seen only in self-loops) are their own
   * component.
   */
  private static Dataset<Row> label(Dataset<Row> input, Dataset<Row> stars) {
    Dataset<Row> vertices =
        input.select(col(SRC).as(ID)).union(input.select(col(DST).as(ID))).distinct();
    Dataset<Row> leaves = stars.select(col(DST).as(ID), col(SRC).as(COMPONENT));
    return vertices
        .join(leaves, ID, "left")
        .select(col(ID), coalesce(col(COMPONENT), col(ID)).as(COMPONENT));
  }

  /** The round's one action. */
  private static RoundStats observe(Dataset<Row> stats, long hubThreshold) {
    Row row =
        stats
            .agg(
                coalesce(sum(col(N_LARGER)), lit(0L)).as("edges"),
                count(lit(1)).as("vertices"),
                count(when(StarSteps.unsettled(), 1)).as("unsettled"),
                collect_list(when(col(N_LARGER).gt(hubThreshold), col(SRC))).as("larger_hubs"),
                collect_list(when(col(N_SMALLER).gt(hubThreshold), col(SRC))).as("smaller_hubs"))
            .first();
    return new RoundStats(
        row.getLong(0), row.getLong(1), row.getLong(2), row.getList(3), row.getList(4));
  }

  private record RoundStats(
      long edges,
      long vertices,
      long unsettled,
      List<Long> largerSideHubs,
      List<Long> smallerSideHubs) {
    RoundStats {
      largerSideHubs = List.copyOf(largerSideHubs);
      smallerSideHubs = List.copyOf(smallerSideHubs);
    }
  }

  private static void log(
      int round, RoundStats stats, ConnectedComponentsOptions options, long millis) {
    if (round == 0) {
      LOG.info(
          "Connected components: {} distinct edges (self-loops dropped) between {} vertices, {}"
              + " vertices not yet in a star; canonicalized in {} ms",
          stats.edges(),
          stats.vertices(),
          stats.unsettled(),
          millis);
    } else {
      LOG.info(
          "Connected components round {}: {} edges, {} vertices not yet in a star, {} ms",
          round,
          stats.edges(),
          stats.unsettled(),
          millis);
    }
    if (stats.unsettled() > 0
        && (!stats.largerSideHubs().isEmpty() || !stats.smallerSideHubs().isEmpty())) {
      LOG.info(
          "Connected components round {}: broadcasting {} large-star and {} small-star hubs"
              + " (vertices with more than {} neighbours on the joined side), e.g. {}",
          round + 1,
          stats.largerSideHubs().size(),
          stats.smallerSideHubs().size(),
          options.hubDegreeThreshold(),
          (stats.largerSideHubs().isEmpty() ? stats.smallerSideHubs() : stats.largerSideHubs())
              .stream().limit(5).toList());
    }
  }

  private static String checkpointBase(SparkSession spark, ConnectedComponentsOptions options) {
    if (options.checkpointDir().isPresent()) {
      return options.checkpointDir().get();
    }
    scala.Option<String> contextDir = spark.sparkContext().getCheckpointDir();
    if (contextDir.isDefined()) {
      return contextDir.get();
    }
    throw new CdpException(
        ErrorCode.BAD_ARGUMENT,
        "Connected components checkpoints every "
            + options.checkpointInterval()
            + " rounds but has no checkpoint directory: pass one in ConnectedComponentsOptions,"
            + " set one with SparkContext.setCheckpointDir, or set checkpointInterval to 0");
  }

  private static long millisSince(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
  }
}
