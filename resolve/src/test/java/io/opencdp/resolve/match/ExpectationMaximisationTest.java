package io.opencdp.resolve.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExpectationMaximisationTest {
  static final Comparisons COMPARISONS =
      new Comparisons(
          List.of(
              new FieldComparison(MatchField.GIVEN_NAME, ComparisonKind.NAME, List.of(0.9), false),
              new FieldComparison(MatchField.FAMILY_NAME, ComparisonKind.NAME, List.of(0.9), false),
              new FieldComparison(MatchField.BIRTH_DATE, ComparisonKind.EXACT, List.of(), false),
              new FieldComparison(MatchField.POSTAL_CODE, ComparisonKind.CODE, List.of(), false),
              new FieldComparison(MatchField.CITY, ComparisonKind.EXACT, List.of(), false)));

  // true parameters: levels per comparison as above (3, 3, 2, 3, 2)
  static final double[][] M = {
    {0.85, 0.10, 0.05}, {0.80, 0.15, 0.05}, {0.95, 0.05}, {0.90, 0.07, 0.03}, {0.92, 0.08}
  };
  static final double[][] U = {
    {0.02, 0.03, 0.95}, {0.01, 0.02, 0.97}, {0.05, 0.95}, {0.10, 0.05, 0.85}, {0.30, 0.70}
  };
  private static final double PRIOR = 0.2;

  @Test
  void recoversTheMProbabilitiesAndThePriorOfASyntheticSetWithKnownParameters() {
    PatternCounts patterns = new PatternCounts();
    SplittableRandom random = new SplittableRandom(7);
    for (int n = 0; n < 200_000; n++) {
      boolean match = random.nextDouble() < PRIOR;
      int[] levels = new int[M.length];
      for (int k = 0; k < M.length; k++) {
        levels[k] = draw(match ? M[k] : U[k], random);
      }
      patterns.add(Comparisons.encode(levels), 1);
    }

    ExpectationMaximisation.Result result =
        ExpectationMaximisation.run(COMPARISONS, patterns, U, 500);

    assertThat(result.converged()).isTrue();
    assertThat(result.prior()).isCloseTo(PRIOR, within(0.01));
    for (int k = 0; k < M.length; k++) {
      for (int l = 0; l < M[k].length; l++) {
        assertThat(result.m()[k][l]).as("m[%d][%d]", k, l).isCloseTo(M[k][l], within(0.02));
      }
    }
  }

  @Test
  void missingValuesCarryNoWeightInEitherPopulation() {
    long pattern = Comparisons.encode(new int[] {-1, -1, -1, -1, -1});
    double posterior = ExpectationMaximisation.posterior(pattern, M.length, PRIOR, M, U);
    assertThat(posterior).isCloseTo(PRIOR, within(1e-12));
  }

  static int draw(double[] probabilities, SplittableRandom random) {
    double x = random.nextDouble();
    for (int l = 0; l < probabilities.length - 1; l++) {
      x -= probabilities[l];
      if (x < 0) {
        return l;
      }
    }
    return probabilities.length - 1;
  }
}
