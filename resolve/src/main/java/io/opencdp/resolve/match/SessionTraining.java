package io.opencdp.resolve.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Training by sessions (Splink's way, {@link TrainingMethod#SESSIONS}). One EM over all candidate
 * pairs sees the agreement blocking forces (every pair of the postal code rule agrees on the postal
 * code) and learns it as match evidence, and its prior is the share of matches among candidates,
 * which the blocking rules decide rather than the data. Instead:
 *
 * <ul>
 *   <li>the prior is λ, the probability that two random records match: consistent with u, which is
 *       counted on random pairs. Without labels it is estimated from deterministic rules strict
 *       enough that their pairs match: their pairs over all pairs, divided by the share of matching
 *       pairs they are assumed to find ({@link #lambda});
 *   <li>m is learned in one EM session per blocking rule, on that rule's pairs, with the rule's own
 *       fields left out of the likelihood; each field's m is the mean over the sessions where it
 *       was free ({@link #fit}). A field no session leaves free keeps the starting m.
 * </ul>
 *
 * Plain Java on pattern counts, so the in-memory and the Spark matcher share it.
 */
public final class SessionTraining {
  private SessionTraining() {}

  /**
   * One session: a blocking rule and the comparison vectors of the pairs it makes.
   *
   * @param rule the rule
   * @param patterns its pairs' vectors
   */
  public record Session(BlockingRule rule, PatternCounts patterns) {}

  /**
   * What the sessions learned.
   *
   * @param m per comparison and level, the mean over the sessions where the comparison was free
   * @param sessionPriors per session, the share of matches among its pairs
   * @param iterations per session, EM iterations run
   * @param converged per session, whether EM converged
   * @param freeIn per comparison, how many sessions it was free in (0: starting m kept)
   */
  public record Result(
      double[][] m,
      List<Double> sessionPriors,
      List<Integer> iterations,
      List<Boolean> converged,
      int[] freeIn) {}

  /**
   * λ, the probability that two random records match: {@code deterministicPairs / (allPairs *
   * recall)}, kept in (0, 1). No deterministic pair at all counts as one, so λ stays above zero.
   *
   * @param deterministicPairs pairs the deterministic rules make
   * @param allPairs all pairs that could be compared (pairs within one group excluded)
   * @param recall the share of matching pairs the deterministic rules are assumed to find
   */
  public static double lambda(long deterministicPairs, long allPairs, double recall) {
    if (!(recall > 0 && recall <= 1)) {
      throw new IllegalArgumentException("recall must be in (0, 1], got " + recall);
    }
    double lambda = Math.max(deterministicPairs, 1) / (Math.max(allPairs, 1) * recall);
    return Math.min(Math.max(lambda, 1e-12), 1 - 1e-9);
  }

  /**
   * All pairs of records from different groups: {@code n(n-1)/2} less the pairs within each group.
   *
   * @param groupSizes the number of records in each group
   */
  public static long comparablePairs(Iterable<Long> groupSizes) {
    long records = 0;
    long within = 0;
    for (long size : groupSizes) {
      records += size;
      within += size * (size - 1) / 2;
    }
    return records * (records - 1) / 2 - within;
  }

  /** {@link #comparablePairs(Iterable)} of in-memory records. */
  public static long comparablePairs(List<MatchRecord> records) {
    return comparablePairs(
        records.stream()
            .collect(Collectors.groupingBy(MatchRecord::group, Collectors.counting()))
            .values());
  }

  /** Per comparison, whether it is free in a session of {@code rule}: not one of its key fields. */
  public static boolean[] free(Comparisons comparisons, BlockingRule rule) {
    Set<MatchField> blocked =
        rule.keys().stream().map(BlockingKey::field).collect(Collectors.toSet());
    boolean[] free = new boolean[comparisons.size()];
    for (int k = 0; k < free.length; k++) {
      free[k] = !blocked.contains(comparisons.get(k).field());
    }
    return free;
  }

  /** Runs a session per rule with pairs and averages m over the sessions where a field was free. */
  public static Result fit(
      Comparisons comparisons, List<Session> sessions, double[][] u, int maxIterations) {
    double[][] sum = new double[comparisons.size()][];
    for (int k = 0; k < sum.length; k++) {
      sum[k] = new double[comparisons.get(k).levelCount()];
    }
    int[] freeIn = new int[comparisons.size()];
    List<Double> priors = new ArrayList<>();
    List<Integer> iterations = new ArrayList<>();
    List<Boolean> converged = new ArrayList<>();
    for (Session session : sessions) {
      if (session.patterns().total() == 0) {
        continue;
      }
      boolean[] free = free(comparisons, session.rule());
      ExpectationMaximisation.Result em =
          ExpectationMaximisation.run(comparisons, session.patterns(), u, maxIterations, free);
      priors.add(em.prior());
      iterations.add(em.iterations());
      converged.add(em.converged());
      for (int k = 0; k < free.length; k++) {
        if (free[k]) {
          freeIn[k]++;
          for (int l = 0; l < sum[k].length; l++) {
            sum[k][l] += em.m()[k][l];
          }
        }
      }
    }
    double[][] start = ExpectationMaximisation.initialM(comparisons);
    double[][] m = new double[sum.length][];
    for (int k = 0; k < sum.length; k++) {
      m[k] = new double[sum[k].length];
      for (int l = 0; l < sum[k].length; l++) {
        m[k][l] = freeIn[k] == 0 ? start[k][l] : sum[k][l] / freeIn[k];
      }
    }
    return new Result(m, priors, iterations, converged, freeIn);
  }
}
