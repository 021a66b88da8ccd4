package io.opencdp.resolve.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
   * @param exactShare per comparison, the share of matching pairs whose two values are both present
   *     and equal (the exact level), the mean over the sessions where it was free; unlike m it
   *     counts a missing value, which a deterministic rule cannot agree on
   */
  public record Result(
      double[][] m,
      List<Double> sessionPriors,
      List<Integer> iterations,
      List<Boolean> converged,
      int[] freeIn,
      double[] exactShare) {}

  /**
   * The prior the sessions give.
   *
   * @param lambda the probability that two random records match
   * @param recall the share of matching pairs the deterministic rules find, estimated or assumed
   * @param estimated whether the recall was estimated from the sessions
   */
  public record Prior(double lambda, double recall, boolean estimated) {}

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
    double[] exactSum = new double[comparisons.size()];
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
      double[] exact = exactShares(session.patterns(), em, u, free);
      for (int k = 0; k < free.length; k++) {
        if (free[k]) {
          freeIn[k]++;
          exactSum[k] += exact[k];
          for (int l = 0; l < sum[k].length; l++) {
            sum[k][l] += em.m()[k][l];
          }
        }
      }
    }
    double[][] start = ExpectationMaximisation.initialM(comparisons);
    double[][] m = new double[sum.length][];
    double[] exactShare = new double[sum.length];
    for (int k = 0; k < sum.length; k++) {
      m[k] = new double[sum[k].length];
      for (int l = 0; l < sum[k].length; l++) {
        m[k][l] = freeIn[k] == 0 ? start[k][l] : sum[k][l] / freeIn[k];
      }
      // a field no session left free: assume it is always present, as m's starting value does
      exactShare[k] = freeIn[k] == 0 ? start[k][0] : exactSum[k] / freeIn[k];
    }
    return new Result(m, priors, iterations, converged, freeIn, exactShare);
  }

  /**
   * Per free comparison, the posterior-weighted share of a session's pairs at the exact level, its
   * missing values counted in the denominator: P(both present and equal | match) in that session.
   */
  private static double[] exactShares(
      PatternCounts patterns, ExpectationMaximisation.Result em, double[][] u, boolean[] free) {
    double[] exact = new double[free.length];
    double matches = 0;
    for (Map.Entry<Long, Long> e : patterns.asMap().entrySet()) {
      double weight =
          ExpectationMaximisation.posterior(e.getKey(), em.prior(), em.m(), u, free) * e.getValue();
      matches += weight;
      for (int k = 0; k < free.length; k++) {
        if (Comparisons.levelAt(e.getKey(), k) == 0) {
          exact[k] += weight;
        }
      }
    }
    for (int k = 0; k < free.length; k++) {
      exact[k] = matches > 0 ? exact[k] / matches : 0;
    }
    return exact;
  }

  /**
   * The share of matching pairs the deterministic rules find: the probability that a matching pair
   * has every field of at least one rule present and equal, with the fields independent given a
   * match (the model's own assumption) and each field's chance {@link Result#exactShare}. Summed
   * over the 2^n ways the rules' n fields can agree or not.
   *
   * @param rules the deterministic rules; each key a plain compared field ({@link #checkEstimable})
   */
  public static double ruleRecall(
      Comparisons comparisons, List<BlockingRule> rules, double[] exactShare) {
    List<MatchField> fields = new ArrayList<>();
    List<Integer> masks = new ArrayList<>();
    for (BlockingRule rule : rules) {
      int mask = 0;
      for (BlockingKey key : rule.keys()) {
        int bit = fields.indexOf(key.field());
        if (bit < 0) {
          bit = fields.size();
          fields.add(key.field());
        }
        mask |= 1 << bit;
      }
      masks.add(mask);
    }
    if (fields.size() > 20) {
      throw new IllegalArgumentException("deterministic rules over more than 20 fields");
    }
    double[] share = new double[fields.size()];
    for (int i = 0; i < share.length; i++) {
      share[i] = exactShare[indexOf(comparisons, fields.get(i))];
    }
    double recall = 0;
    for (int agree = 0; agree < 1 << share.length; agree++) {
      boolean found = false;
      for (int mask : masks) {
        found |= (agree & mask) == mask;
      }
      if (found) {
        double p = 1;
        for (int i = 0; i < share.length; i++) {
          p *= (agree & (1 << i)) != 0 ? share[i] : 1 - share[i];
        }
        recall += p;
      }
    }
    return recall;
  }

  /**
   * Throws unless the recall of these rules can be estimated: each key a field the comparisons
   * compare, without a transform (its exact level is then exactly the rule's agreement).
   */
  public static void checkEstimable(Comparisons comparisons, List<BlockingRule> rules) {
    for (BlockingRule rule : rules) {
      for (BlockingKey key : rule.keys()) {
        if (key.transform() != KeyTransform.VALUE) {
          throw new IllegalArgumentException(
              "'" + key + "' has a transform; estimating the recall needs plain fields");
        }
        indexOf(comparisons, key.field());
      }
    }
  }

  private static int indexOf(Comparisons comparisons, MatchField field) {
    for (int k = 0; k < comparisons.size(); k++) {
      if (comparisons.get(k).field() == field) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "'" + field.wireName() + "' is not compared; estimating the recall needs compared fields");
  }

  /**
   * λ from the deterministic rules: with {@code estimate}, their recall is {@link #ruleRecall} of
   * what the sessions learned (m and the share of exact agreement do not depend on λ, each session
   * learning its own prior, so one step is the fixed point); otherwise {@code assumedRecall}.
   */
  public static Prior prior(
      Comparisons comparisons,
      List<BlockingRule> rules,
      Result fit,
      long deterministicPairs,
      long allPairs,
      boolean estimate,
      double assumedRecall) {
    if (!estimate) {
      return new Prior(lambda(deterministicPairs, allPairs, assumedRecall), assumedRecall, false);
    }
    // kept above zero: a rule whose fields no matching pair shares would make λ infinite
    double recall = Math.min(Math.max(ruleRecall(comparisons, rules, fit.exactShare()), 1e-6), 1);
    return new Prior(lambda(deterministicPairs, allPairs, recall), recall, true);
  }
}
