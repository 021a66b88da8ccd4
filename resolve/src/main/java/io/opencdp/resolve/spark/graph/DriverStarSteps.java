package io.opencdp.resolve.spark.graph;

import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The large-star / small-star rounds of {@link StarSteps} on the driver, for graphs small enough to
 * collect: the same steps on the same canonical edge sets, so a run takes the same rounds, sees the
 * same edges per round and ends in the same labels (each vertex's smallest component member) as
 * {@link ConnectedComponents#run}, without a Spark job per step.
 */
final class DriverStarSteps {
  private DriverStarSteps() {}

  /**
   * What the rounds found.
   *
   * @param components vertex id to component id, for every vertex of the input
   * @param rounds large-star/small-star rounds before convergence
   * @param edgesPerRound canonical edges before the first round and after each
   */
  record Result(Map<Long, Long> components, int rounds, List<Long> edgesPerRound) {}

  /** Runs the rounds over {@code (src, dst)} pairs (duplicates, both directions, self-loops). */
  static Result run(List<long[]> input, int maxRounds) {
    Map<Long, Long> components = new HashMap<>();
    List<long[]> canonical = new ArrayList<>();
    for (long[] e : input) {
      components.put(e[0], e[0]);
      components.put(e[1], e[1]);
      if (e[0] != e[1]) {
        canonical.add(new long[] {Math.min(e[0], e[1]), Math.max(e[0], e[1])});
      }
    }
    long[][] edges = distinct(canonical);
    List<Long> edgesPerRound = new ArrayList<>();
    int round = 0;
    while (true) {
      Map<Long, long[]> stats = neighbourStats(edges);
      edgesPerRound.add((long) edges.length);
      long unsettled = stats.values().stream().filter(DriverStarSteps::unsettled).count();
      if (unsettled == 0) {
        break;
      }
      if (round == maxRounds) {
        throw new CdpException(
            ErrorCode.INTERNAL,
            "Connected components did not converge in "
                + round
                + " rounds ("
                + unsettled
                + " vertices not yet in a star, edges per round "
                + edgesPerRound
                + ")");
      }
      round++;
      edges = smallStar(largeStar(edges, stats));
    }
    // converged: every edge is (root, leaf), the root its component's minimum
    for (long[] e : edges) {
      components.put(e[1], e[0]);
    }
    return new Result(components, round, edgesPerRound);
  }

  /** Per vertex: {min(N(u) ∪ {u}), neighbours smaller, neighbours larger}. */
  private static Map<Long, long[]> neighbourStats(long[][] canonical) {
    Map<Long, long[]> stats = new HashMap<>();
    for (long[] e : canonical) {
      long[] src = stats.computeIfAbsent(e[0], v -> new long[] {v, 0, 0});
      src[0] = Math.min(src[0], e[1]);
      src[2]++;
      long[] dst = stats.computeIfAbsent(e[1], v -> new long[] {v, 0, 0});
      dst[0] = Math.min(dst[0], e[0]);
      dst[1]++;
    }
    return stats;
  }

  /** {@link StarSteps#unsettled()}. */
  private static boolean unsettled(long[] s) {
    return s[1] >= 2 || (s[1] >= 1 && s[2] >= 1);
  }

  /** {@link StarSteps#largeStar}: each edge (u, v), u < v, becomes (v, min(N(u) ∪ {u})). */
  private static long[][] largeStar(long[][] canonical, Map<Long, long[]> stats) {
    List<long[]> out = new ArrayList<>(canonical.length);
    for (long[] e : canonical) {
      out.add(new long[] {e[1], stats.get(e[0])[0]});
    }
    return distinct(out);
  }

  /** {@link StarSteps#smallStar}: v and its smaller neighbours link to v's smallest neighbour. */
  private static long[][] smallStar(long[][] largeStarred) {
    Map<Long, Long> minNbr = new HashMap<>();
    for (long[] e : largeStarred) {
      minNbr.merge(e[0], e[1], Math::min);
    }
    List<long[]> out = new ArrayList<>(largeStarred.length + minNbr.size());
    for (long[] e : largeStarred) {
      long min = minNbr.get(e[0]);
      if (min != e[1]) {
        out.add(new long[] {min, e[1]});
      }
    }
    minNbr.forEach((v, min) -> out.add(new long[] {min, v}));
    return distinct(out);
  }

  private static long[][] distinct(List<long[]> edges) {
    long[][] sorted = edges.toArray(new long[0][]);
    Arrays.sort(
        sorted, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    List<long[]> out = new ArrayList<>(sorted.length);
    for (long[] e : sorted) {
      long[] last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last == null || last[0] != e[0] || last[1] != e[1]) {
        out.add(e);
      }
    }
    return out.toArray(new long[0][]);
  }
}
