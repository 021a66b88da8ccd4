package io.opencdp.resolve.spark.graph;

import static io.opencdp.resolve.spark.graph.EdgeInput.DST;
import static io.opencdp.resolve.spark.graph.EdgeInput.SRC;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.inline;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The two steps of Kiveris et al., "Connected Components in MapReduce and Beyond" (SoCC 2014), over
 * DataFrames of long vertex ids, in the form GraphFrames runs them. Between rounds the edge set is
 * canonical: {@code src < dst}, no self-loops, no duplicates.
 *
 * <p>Skew: both steps join every edge to a per-vertex value keyed by the edge's {@code src}. A
 * vertex with a huge number of edges on that side (a junk identifier shared by 100k profiles) would
 * send all of them to one task of a shuffle join. {@link #hubJoin} takes the known hubs out of the
 * shuffle and joins their edges, where they already are, against a broadcast of the hubs' values.
 */
final class StarSteps {
  /** Per vertex: its smallest neighbour, counting itself ({@code min(N(u) ∪ {u})}). */
  static final String MIN_NBR = "min_nbr";

  static final String N_SMALLER = "n_smaller";
  static final String N_LARGER = "n_larger";

  private StarSteps() {}

  /**
   * For every vertex of the canonical edge set: {@code src}, {@link #MIN_NBR}, and how many of its
   * neighbours are smaller ({@link #N_SMALLER}) and larger ({@link #N_LARGER}) than it. The counts
   * give the convergence test and the hubs of both steps; the minimum feeds the large-star step.
   */
  static Dataset<Row> neighbourStats(Dataset<Row> canonical) {
    // one scan emitting both directions, rather than a union that reads the edges twice
    Dataset<Row> bothWays =
        canonical.select(
            inline(
                array(
                    struct(col(SRC).as(SRC), col(DST).as(DST)),
                    struct(col(DST).as(SRC), col(SRC).as(DST)))));
    return bothWays
        .groupBy(col(SRC))
        .agg(
            min(col(DST)).as(MIN_NBR),
            count(when(col(DST).lt(col(SRC)), 1)).as(N_SMALLER),
            count(when(col(DST).gt(col(SRC)), 1)).as(N_LARGER))
        .withColumn(MIN_NBR, least(col(MIN_NBR), col(SRC)));
  }

  /**
   * True for a vertex that is not yet a leaf or the root of a star rooted at its minimum. The edge
   * set is converged exactly when no vertex matches: then no vertex has both a smaller and a larger
   * neighbour, and none has two smaller ones, so every component is a star whose centre (the one
   * vertex without a smaller neighbour) is its minimum.
   */
  static Column unsettled() {
    return col(N_SMALLER).geq(2).or(col(N_SMALLER).geq(1).and(col(N_LARGER).geq(1)));
  }

  /**
   * Large-star: every vertex {@code u} links each strictly larger neighbour to {@code min(N(u) ∪
   * {u})}. Input canonical ({@code src < dst}); output {@code src > dst}, distinct.
   *
   * @param largerSideHubs vertices with more than the hub threshold of larger neighbours, i.e. of
   *     edges whose {@code src} they are
   */
  static Dataset<Row> largeStar(
      Dataset<Row> canonical, Dataset<Row> stats, List<Long> largerSideHubs) {
    Dataset<Row> minNbr = stats.select(col(SRC), col(MIN_NBR));
    return hubJoin(canonical, minNbr, largerSideHubs)
        .select(col(DST).as(SRC), col(MIN_NBR).as(DST))
        .distinct();
  }

  /**
   * Small-star: every vertex {@code v} links itself and each of its smaller neighbours to its
   * smallest neighbour. Input {@code src > dst} (large-star output); output canonical.
   *
   * @param smallerSideHubs vertices that may have more than the hub threshold of smaller neighbours
   *     here: after large-star a vertex has at most as many smaller neighbours as it had before, so
   *     the counts of the round's {@link #neighbourStats} bound them
   */
  static Dataset<Row> smallStar(Dataset<Row> largeStarred, List<Long> smallerSideHubs) {
    Dataset<Row> minNbr = largeStarred.groupBy(col(SRC)).agg(min(col(DST)).as(MIN_NBR));
    Dataset<Row> toMin =
        hubJoin(largeStarred, minNbr, smallerSideHubs)
            .select(col(MIN_NBR).as(SRC), col(DST))
            .where(col(SRC).notEqual(col(DST)));
    Dataset<Row> selfToMin = minNbr.select(col(MIN_NBR).as(SRC), col(SRC).as(DST));
    return toMin.union(selfToMin).distinct();
  }

  /**
   * {@code edges ⋈ perVertex USING (src)}, where {@code perVertex} has one row per vertex. Edges of
   * the given hubs are joined against a broadcast of the hubs' rows, without a shuffle; the rest
   * take the ordinary (adaptive, shuffled) join.
   */
  static Dataset<Row> hubJoin(Dataset<Row> edges, Dataset<Row> perVertex, List<Long> hubs) {
    if (hubs.isEmpty()) {
      return edges.join(perVertex, SRC);
    }
    Column isHub = col(SRC).isin(hubs.toArray()); // an InSet (hash lookup) beyond 10 values
    Dataset<Row> ofHubs = edges.where(isHub).join(broadcast(perVertex.where(isHub)), SRC);
    Dataset<Row> rest = edges.where(not(isHub)).join(perVertex.where(not(isHub)), SRC);
    return rest.union(ofHubs);
  }
}
