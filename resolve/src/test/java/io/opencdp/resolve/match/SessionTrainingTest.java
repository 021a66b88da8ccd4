package io.opencdp.resolve.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SessionTrainingTest {
  private static final Comparisons COMPARISONS = ExpectationMaximisationTest.COMPARISONS;
  private static final double[][] M = ExpectationMaximisationTest.M;
  private static final double[][] U = ExpectationMaximisationTest.U;

  @Test
  void lambdaIsTheDeterministicPairsOverAllPairsAndTheRecall() {
    // 1,000 persons with two records each (every record its own group); the second record of every
    // other person has its family name mistyped, so the strict rule finds half the matching pairs
    List<MatchRecord> records = new ArrayList<>();
    for (int p = 0; p < 1_000; p++) {
      records.add(person("a" + p, "given" + p, "family" + p));
      records.add(person("b" + p, "given" + p, (p % 2 == 0 ? "famly" : "family") + p));
    }
    long all = SessionTraining.comparablePairs(records);
    assertThat(all).isEqualTo(2_000L * 1_999 / 2);
    long deterministic =
        CandidatePairs.generate(
                records, List.of(BlockingRule.parse("given_name + family_name + birth_date")), 1000)
            .size();
    assertThat(deterministic).isEqualTo(500);

    double trueLambda = 1_000.0 / all;
    assertThat(SessionTraining.lambda(deterministic, all, 0.5))
        .isCloseTo(trueLambda, within(1e-12));
    // assuming the rule finds every match halves it
    assertThat(SessionTraining.lambda(deterministic, all, 1.0))
        .isCloseTo(trueLambda / 2, within(1e-12));
  }

  @Test
  void pairsWithinAGroupAreNotPairsThatCouldMatch() {
    // groups of 3, 2 and 1: 6 records make 15 pairs, 3 + 1 of them within a group
    assertThat(SessionTraining.comparablePairs(List.of(3L, 2L, 1L))).isEqualTo(11);
    assertThat(SessionTraining.lambda(0, 11, 1.0)).isCloseTo(1.0 / 11, within(1e-12));
  }

  @Test
  void aSessionLeavesItsRulesFieldsOut() {
    boolean[] free =
        SessionTraining.free(
            COMPARISONS, BlockingRule.parse("family_name:metaphone + postal_code"));
    assertThat(free).containsExactly(true, false, true, false, true);
  }

  @Test
  void aFieldsMIsLearnedOnlyInTheSessionsWhereItWasFree() {
    // rule 1 blocks on postal code: every pair agrees on it exactly, matches or not; rule 2 blocks
    // on birth date likewise. Each forced field's m must come from the other session only.
    BlockingRule postal = BlockingRule.parse("postal_code");
    BlockingRule birth = BlockingRule.parse("birth_date");
    PatternCounts postalPairs = draw(0.3, 3, 11);
    PatternCounts birthPairs = draw(0.2, 2, 13);

    SessionTraining.Result result =
        SessionTraining.fit(
            COMPARISONS,
            List.of(
                new SessionTraining.Session(postal, postalPairs),
                new SessionTraining.Session(birth, birthPairs)),
            U,
            500);

    assertThat(result.freeIn()).containsExactly(2, 2, 1, 1, 2);
    assertThat(result.converged()).containsOnly(true);
    assertThat(result.sessionPriors().get(0)).isCloseTo(0.3, within(0.02));
    assertThat(result.sessionPriors().get(1)).isCloseTo(0.2, within(0.02));
    for (int k = 0; k < M.length; k++) {
      for (int l = 0; l < M[k].length; l++) {
        assertThat(result.m()[k][l]).as("m[%d][%d]", k, l).isCloseTo(M[k][l], within(0.02));
      }
    }
  }

  @Test
  void estimatesTheRecallOfTheDeterministicRuleFromTheSessions() {
    // the birth date is missing on either side of 40% of all pairs, so the rule given + family +
    // birth date finds 0.85 * 0.80 * (0.6 * 0.95) = 0.3876 of the matches: m alone (0.95 for the
    // birth date) would say 0.646
    double trueRecall = 0.85 * 0.80 * 0.6 * 0.95;
    BlockingRule rule = BlockingRule.parse("given_name + family_name + birth_date");
    List<SessionTraining.Session> sessions =
        List.of(
            new SessionTraining.Session(
                BlockingRule.parse("postal_code"), draw(0.3, 3, 2, 0.4, 11)),
            new SessionTraining.Session(BlockingRule.parse("city"), draw(0.2, 4, 2, 0.4, 13)));
    SessionTraining.Result fit = SessionTraining.fit(COMPARISONS, sessions, U, 500);

    assertThat(fit.exactShare()[2]).isCloseTo(0.6 * 0.95, within(0.01));
    assertThat(SessionTraining.ruleRecall(COMPARISONS, List.of(rule), fit.exactShare()))
        .isCloseTo(trueRecall, within(0.01));

    // 1,000 rule pairs among 10M pairs: λ is 1,000 / 10M / 0.3876, not / 0.5
    SessionTraining.Prior prior =
        SessionTraining.prior(COMPARISONS, List.of(rule), fit, 1_000, 10_000_000, true, 0.5);
    assertThat(prior.estimated()).isTrue();
    assertThat(prior.lambda() / (1_000 / 10_000_000.0 / trueRecall)).isCloseTo(1, within(0.03));
    assertThat(
            SessionTraining.prior(COMPARISONS, List.of(rule), fit, 1_000, 10_000_000, false, 0.5)
                .lambda())
        .isCloseTo(1_000 / 10_000_000.0 / 0.5, within(1e-15));
  }

  @Test
  void theRecallOfSeveralRulesIsThatOfTheirUnion() {
    double[] share = {0.9, 0.8, 0.5, 0.6, 0.0};
    List<BlockingRule> rules =
        List.of(
            BlockingRule.parse("given_name + family_name + birth_date"),
            BlockingRule.parse("given_name + family_name + postal_code"));
    // both names, and then the birth date or the postal code
    double expected = 0.9 * 0.8 * (1 - (1 - 0.5) * (1 - 0.6));
    assertThat(SessionTraining.ruleRecall(COMPARISONS, rules, share))
        .isCloseTo(expected, within(1e-12));
  }

  @Test
  void estimatingTheRecallNeedsPlainComparedFields() {
    assertThatThrownBy(
            () ->
                SessionTraining.checkEstimable(
                    COMPARISONS, List.of(BlockingRule.parse("family_name:metaphone + city"))))
        .hasMessageContaining("'family_name:metaphone' has a transform");
    assertThatThrownBy(
            () ->
                SessionTraining.checkEstimable(
                    COMPARISONS, List.of(BlockingRule.parse("given_name + email"))))
        .hasMessageContaining("'email' is not compared");
  }

  @Test
  void theSessionsModelScoresWithLambdaAsItsPrior() {
    MatchSettings settings =
        new MatchSettings(
                COMPARISONS,
                List.of(BlockingRule.parse("postal_code")),
                1000,
                0.99,
                0.5,
                1000,
                1,
                100)
            .withMethod(
                TrainingMethod.SESSIONS,
                List.of(BlockingRule.parse("given_name + family_name")),
                0.5,
                false);
    MatchModel model =
        ModelFit.fitSessions(
            COMPARISONS,
            List.of(
                new SessionTraining.Session(BlockingRule.parse("postal_code"), draw(0.3, 3, 5))),
            new PatternCounts(),
            U,
            10,
            2_000_000,
            settings,
            100,
            java.time.Instant.EPOCH);
    assertThat(model.matchPrior()).isCloseTo(1e-5, within(1e-18));
  }

  /** 100,000 pairs, a share {@code prior} of them matches, with comparison {@code forced} exact. */
  private static PatternCounts draw(double prior, int forced, long seed) {
    return draw(prior, forced, forced, 0, seed);
  }

  /**
   * 100,000 pairs, a share {@code prior} of them matches, with comparison {@code forced} exact and
   * comparison {@code sparse} missing in a share {@code missing} of the pairs, matches or not.
   */
  private static PatternCounts draw(
      double prior, int forced, int sparse, double missing, long seed) {
    PatternCounts patterns = new PatternCounts();
    SplittableRandom random = new SplittableRandom(seed);
    for (int n = 0; n < 100_000; n++) {
      boolean match = random.nextDouble() < prior;
      int[] levels = new int[M.length];
      for (int k = 0; k < M.length; k++) {
        levels[k] = k == forced ? 0 : ExpectationMaximisationTest.draw(match ? M[k] : U[k], random);
        if (k == sparse && k != forced && random.nextDouble() < missing) {
          levels[k] = -1;
        }
      }
      patterns.add(Comparisons.encode(levels), 1);
    }
    return patterns;
  }

  private static MatchRecord person(String id, String given, String family) {
    Map<MatchField, String> fields = new EnumMap<>(MatchField.class);
    fields.put(MatchField.GIVEN_NAME, given);
    fields.put(MatchField.FAMILY_NAME, family);
    fields.put(MatchField.BIRTH_DATE, "1980-01-01");
    return MatchRecord.of(id, id, fields);
  }
}
