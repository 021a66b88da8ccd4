package io.opencdp.resolve.match;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fits m and the prior given u, and writes the result as a model. */
public final class ModelFit {
  private static final Logger LOG = LoggerFactory.getLogger(ModelFit.class);

  private ModelFit() {}

  /**
   * The model for these candidate vectors, by one EM over them ({@link TrainingMethod#EM}).
   *
   * @param u u per comparison and level, from random pairs
   */
  public static MatchModel fit(
      Comparisons comparisons,
      PatternCounts patterns,
      double[][] u,
      MatchSettings settings,
      long records,
      Instant now) {
    ExpectationMaximisation.Result em =
        ExpectationMaximisation.run(comparisons, patterns, u, settings.maxIterations());
    return model(
        comparisons,
        em.m(),
        u,
        em.prior(),
        now,
        new TrainingSummary(
            records,
            patterns.total(),
            patterns.distinct(),
            settings.randomPairs(),
            settings.seed(),
            em.iterations(),
            em.converged()));
  }

  /**
   * The model trained by sessions ({@link TrainingMethod#SESSIONS}, {@link SessionTraining}): m
   * from the sessions, the prior λ. The summary's iterations are the sessions' total, converged
   * whether every session converged.
   *
   * @param sessions one per blocking rule, with its pairs' vectors
   * @param candidates all candidate pairs' vectors (for the summary)
   * @param u u per comparison and level, from random pairs
   * @param deterministicPairs the pairs the settings' deterministic rules make
   * @param allPairs all pairs of records of different groups
   */
  public static MatchModel fitSessions(
      Comparisons comparisons,
      List<SessionTraining.Session> sessions,
      PatternCounts candidates,
      double[][] u,
      long deterministicPairs,
      long allPairs,
      MatchSettings settings,
      long records,
      Instant now) {
    SessionTraining.Result fit =
        SessionTraining.fit(comparisons, sessions, u, settings.maxIterations());
    SessionTraining.Prior prior =
        SessionTraining.prior(
            comparisons,
            settings.deterministicRules(),
            fit,
            deterministicPairs,
            allPairs,
            settings.estimateRecall(),
            settings.deterministicRecall());
    LOG.info(
        "training by sessions: {} deterministic pairs among {} pairs; recall of {} {} {};"
            + " lambda {}; share of matches agreeing exactly per field {}",
        deterministicPairs,
        allPairs,
        settings.deterministicRules(),
        prior.estimated() ? "estimated" : "assumed",
        prior.recall(),
        prior.lambda(),
        exactShares(comparisons, fit.exactShare()));
    return model(
        comparisons,
        fit.m(),
        u,
        prior.lambda(),
        now,
        new TrainingSummary(
            records,
            candidates.total(),
            candidates.distinct(),
            settings.randomPairs(),
            settings.seed(),
            fit.iterations().stream().mapToInt(Integer::intValue).sum(),
            fit.converged().stream().allMatch(Boolean::booleanValue)));
  }

  private static String exactShares(Comparisons comparisons, double[] shares) {
    StringBuilder text = new StringBuilder();
    for (int k = 0; k < shares.length; k++) {
      text.append(k == 0 ? "" : ", ")
          .append(comparisons.get(k).field().wireName())
          .append(String.format(java.util.Locale.ROOT, " %.4f", shares[k]));
    }
    return text.toString();
  }

  private static MatchModel model(
      Comparisons comparisons,
      double[][] m,
      double[][] u,
      double prior,
      Instant now,
      TrainingSummary summary) {
    List<ComparisonWeights> weights = new ArrayList<>();
    for (int k = 0; k < comparisons.size(); k++) {
      weights.add(ComparisonWeights.of(comparisons.get(k), m[k], u[k]));
    }
    return new MatchModel(MatchModel.FORMAT_VERSION, now, prior, weights, summary);
  }
}
