package io.opencdp.resolve.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PairScorerTest {
  private static final FieldComparison SURNAME =
      new FieldComparison(MatchField.FAMILY_NAME, ComparisonKind.NAME, List.of(0.9), true);
  private static final FieldComparison BIRTH_DATE =
      new FieldComparison(MatchField.BIRTH_DATE, ComparisonKind.DATE, List.of(), false);

  private static final MatchModel MODEL =
      new MatchModel(
          MatchModel.FORMAT_VERSION,
          Instant.parse("2026-11-24T00:00:00Z"),
          0.1,
          List.of(
              ComparisonWeights.of(
                  SURNAME, new double[] {0.8, 0.15, 0.05}, new double[] {0.01, 0.02, 0.97}),
              ComparisonWeights.of(
                  BIRTH_DATE,
                  new double[] {0.9, 0.05, 0.02, 0.01, 0.02},
                  new double[] {0.001, 0.002, 0.0005, 0.01, 0.9865})),
          new TrainingSummary(0, 0, 0, 0, 0, 0, true));

  @Test
  void anExactMatchOnACommonSurnameWeighsLessThanOnARareOne() {
    List<MatchRecord> population = new ArrayList<>();
    for (int i = 0; i < 98; i++) {
      population.add(person("p" + i, "smith", null));
    }
    population.add(person("z1", "zywicki", null));
    population.add(person("z2", "zywicki", null));
    PairScorer scorer =
        new PairScorer(MODEL, TermFrequencies.of(population, MODEL.toComparisons()));

    double smiths = scorer.score(population.get(0), population.get(1)).contributions()[0];
    double zywickis = scorer.score(population.get(98), population.get(99)).contributions()[0];

    // m / share of the value: 0.8 / 0.98 for smith, 0.8 / 0.02 for zywicki
    assertThat(smiths).isCloseTo(log2(0.8 / 0.98), within(1e-9));
    assertThat(zywickis).isCloseTo(log2(0.8 / 0.02), within(1e-9));
    // without the adjustment both would get the level's own weight, log2(0.8 / 0.01)
    PairScorer plain = new PairScorer(MODEL, TermFrequencies.none());
    assertThat(plain.score(population.get(0), population.get(1)).contributions()[0])
        .isCloseTo(log2(0.8 / 0.01), within(1e-9));
  }

  @Test
  void sumsThePriorAndEachLevelsWeightIntoAProbability() {
    PairScorer scorer = new PairScorer(MODEL, TermFrequencies.none());
    MatchScore score =
        scorer.score(person("a", "berry", "19990219"), person("b", "berri", "19990291"));

    assertThat(score.levels()).containsExactly(1, 1); // jaro-winkler >= 0.9; one slip (swap)
    double expected = log2(0.1 / 0.9) + log2(0.15 / 0.02) + log2(0.05 / 0.002);
    assertThat(score.weight()).isCloseTo(expected, within(1e-9));
    assertThat(score.probability()).isCloseTo(1 / (1 + Math.pow(2, -expected)), within(1e-12));
  }

  @Test
  void evidenceSeparatesTheNamesFromWhatCorroboratesThem() {
    PairScorer scorer = new PairScorer(MODEL, TermFrequencies.none());
    int[] levels =
        scorer.score(person("a", "berry", "19990219"), person("b", "berri", "19990291")).levels();

    LinkEvidence evidence = scorer.evidence(levels);

    assertThat(evidence.familyNamesAgree()).isTrue();
    assertThat(evidence.givenNamesAgree()).as("not compared, so not agreeing").isFalse();
    assertThat(evidence.corroboration()).isCloseTo(log2(0.05 / 0.002), within(1e-9));
  }

  @Test
  void aMissingValueAddsNothing() {
    PairScorer scorer = new PairScorer(MODEL, TermFrequencies.none());
    MatchScore score = scorer.score(person("a", "berry", null), person("b", "berry", "19990219"));
    assertThat(score.levels()[1]).isEqualTo(FieldComparison.NULL_LEVEL);
    assertThat(score.contributions()[1]).isZero();
  }

  private static MatchRecord person(String id, String surname, String birthDate) {
    Map<MatchField, String> fields = new java.util.EnumMap<>(MatchField.class);
    fields.put(MatchField.FAMILY_NAME, surname);
    if (birthDate != null) {
      fields.put(MatchField.BIRTH_DATE, birthDate);
    }
    return MatchRecord.of(id, id, fields);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
