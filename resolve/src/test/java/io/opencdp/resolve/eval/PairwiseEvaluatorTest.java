package io.opencdp.resolve.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.opencdp.schemas.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PairwiseEvaluatorTest {
  private static final double EPS = 1e-12;

  /**
   * 3 persons (A: 4 records, B: 3, C: 3), 4 profiles, 10 records.
   *
   * <pre>
   * record  r1 r2 r3 r4 r5 r6 r7 r8 r9 r10
   * person  A  A  A  A  B  B  B  C  C  C
   * profile p1 p1 p1 p2 p2 p2 p3 p3 p4 p4
   *
   * true pairs      = C(4,2)+C(3,2)+C(3,2)         = 6+3+3     = 12
   * predicted pairs = C(3,2)+C(3,2)+C(2,2)+C(2,2)  = 3+3+1+1   = 8
   * cells (person, profile): (A,p1)=3 (A,p2)=1 (B,p2)=2 (B,p3)=1 (C,p3)=1 (C,p4)=2
   * TP = C(3,2)+C(2,2)+C(2,2) = 3+1+1 = 5;  FP = 8-5 = 3;  FN = 12-5 = 7
   * P = 5/8 = 0.625;  R = 5/12 = 0.41666...;  F1 = 2TP/(2TP+FP+FN) = 10/20 = 0.5
   * split persons: A (p1,p2), B (p2,p3), C (p3,p4) = 3
   * over-merged profiles: p2 (A,B), p3 (B,C) = 2;  exact persons: 0
   * </pre>
   */
  private static PairwiseEvaluator handComputed() {
    PairwiseEvaluator evaluator = new PairwiseEvaluator();
    String[] persons = {"A", "A", "A", "A", "B", "B", "B", "C", "C", "C"};
    String[] profiles = {"p1", "p1", "p1", "p2", "p2", "p2", "p3", "p3", "p4", "p4"};
    for (int i = 0; i < persons.length; i++) {
      evaluator.add(persons[i], profiles[i]);
    }
    return evaluator;
  }

  @Test
  void scoresTheHandComputedCase() {
    EvaluationResult result = handComputed().result();

    assertThat(result.records()).isEqualTo(10);
    assertThat(result.truePersons()).isEqualTo(3);
    assertThat(result.predictedProfiles()).isEqualTo(4);
    assertThat(result.truePairs()).isEqualTo(12);
    assertThat(result.predictedPairs()).isEqualTo(8);
    assertThat(result.truePositivePairs()).isEqualTo(5);
    assertThat(result.falsePositivePairs()).isEqualTo(3);
    assertThat(result.falseNegativePairs()).isEqualTo(7);
    assertThat(result.precision()).isCloseTo(0.625, within(EPS));
    assertThat(result.recall()).isCloseTo(5.0 / 12, within(EPS));
    assertThat(result.f1()).isCloseTo(0.5, within(EPS));
    assertThat(result.splitPersons()).isEqualTo(3);
    assertThat(result.overMergedProfiles()).isEqualTo(2);
    assertThat(result.exactPersons()).isZero();
    assertThat(result.exactShare()).isZero();
  }

  @Test
  void listsTheLargestProfilesWithTheirPersonsLargestFirstTiesById() {
    EvaluationResult result = handComputed().result();

    assertThat(result.largestProfiles())
        .containsExactly(
            new ProfileComposition("p1", 3, 1),
            new ProfileComposition("p2", 3, 2),
            new ProfileComposition("p3", 2, 2),
            new ProfileComposition("p4", 2, 1));
    PairwiseEvaluator topTwo = new PairwiseEvaluator(2);
    topTwo.add("A", "p4").add("A", "p4").add("B", "p2").add("B", "p2").add("C", "p3");
    assertThat(topTwo.result().largestProfiles())
        .extracting(ProfileComposition::profileId)
        .containsExactly("p2", "p4");
  }

  @Test
  void perfectMatchScoresOneEverywhere() {
    PairwiseEvaluator evaluator = new PairwiseEvaluator();
    evaluator.add("A", "x").add("A", "x").add("B", "y").add("B", "y").add("B", "y").add("C", "z");

    EvaluationResult result = evaluator.result();

    assertThat(result.precision()).isEqualTo(1.0);
    assertThat(result.recall()).isEqualTo(1.0);
    assertThat(result.f1()).isEqualTo(1.0);
    assertThat(result.exactPersons()).isEqualTo(3);
    assertThat(result.exactShare()).isEqualTo(1.0);
    assertThat(result.splitPersons()).isZero();
    assertThat(result.overMergedProfiles()).isZero();
  }

  @Test
  void allSingletonsHavePrecisionOneByDefinitionAndNoRecall() {
    PairwiseEvaluator evaluator = new PairwiseEvaluator();
    for (int i = 0; i < 6; i++) {
      evaluator.add(i < 3 ? "A" : "B", "p" + i);
    }

    EvaluationResult result = evaluator.result();

    // no predicted pairs: nothing was merged wrongly, so precision is 1.0; 0 of 6 true pairs found
    assertThat(result.predictedPairs()).isZero();
    assertThat(result.precision()).isEqualTo(1.0);
    assertThat(result.truePairs()).isEqualTo(6);
    assertThat(result.recall()).isZero();
    assertThat(result.f1()).isZero();
    assertThat(result.splitPersons()).isEqualTo(2);
  }

  @Test
  void everythingInOneProfileHasFullRecallAndLowPrecision() {
    PairwiseEvaluator evaluator = new PairwiseEvaluator();
    evaluator.add("A", "p").add("A", "p").add("B", "p").add("B", "p");

    EvaluationResult result = evaluator.result();

    // 6 predicted pairs, 2 true (AA, BB), both found
    assertThat(result.precision()).isCloseTo(2.0 / 6, within(EPS));
    assertThat(result.recall()).isEqualTo(1.0);
    assertThat(result.largestProfiles()).containsExactly(new ProfileComposition("p", 4, 2));
  }

  @Test
  void emptyInputScoresOne() {
    EvaluationResult result = new PairwiseEvaluator().result();

    assertThat(result.precision()).isEqualTo(1.0);
    assertThat(result.recall()).isEqualTo(1.0);
    assertThat(result.exactShare()).isEqualTo(1.0);
    assertThat(result.largestProfiles()).isEmpty();
  }

  @Test
  void subsetRecallCountsPairsOfOnePersonWithOneKey() {
    PairwiseEvaluator evaluator = new PairwiseEvaluator();
    // A's records r1, r2, r4 share a usable identifier (key "k"); r3 shares none
    evaluator.add("A", "p1", "k").add("A", "p1", "k").add("A", "p1", null).add("A", "p2", "k");
    evaluator.add("B", "p2", "k"); // same key, other person: not a true pair with A's records

    EvaluationResult result = evaluator.result();

    // subset pairs: (r1,r2) (r1,r4) (r2,r4) = 3, of which (r1,r2) is in one profile
    assertThat(result.subsetTruePairs()).isEqualTo(3);
    assertThat(result.subsetTruePositivePairs()).isEqualTo(1);
    assertThat(result.subsetRecall()).isCloseTo(1.0 / 3, within(EPS));
    // the whole recall is over C(4,2) = 6 pairs of A, of which C(3,2) = 3 in p1
    assertThat(result.recall()).isCloseTo(0.5, within(EPS));
  }

  @Test
  void recallOverAnExplicitPairSet() {
    Map<String, String> predicted = Map.of("r1", "p1", "r2", "p1", "r3", "p2");

    assertThat(
            PairwiseEvaluator.recallOver(
                List.of(
                    new RecordPair("r1", "r2"),
                    new RecordPair("r1", "r3"),
                    new RecordPair("r1", "r9")),
                predicted))
        .isCloseTo(1.0 / 3, within(EPS));
    assertThat(PairwiseEvaluator.recallOver(List.of(), predicted)).isEqualTo(1.0);
  }

  @Test
  void evaluatesMapsCountingRecordsWithoutTruthOrPrediction() {
    Map<String, String> truth = new LinkedHashMap<>();
    truth.put("r1", "A");
    truth.put("r2", "A");
    truth.put("r3", "A");
    Map<String, String> predicted = Map.of("r1", "p1", "r2", "p1", "r9", "p9");

    EvaluationResult result = PairwiseEvaluator.evaluate(truth, predicted);

    // r3 has no profile: alone, so A is split and 1 of its 3 pairs is found
    assertThat(result.records()).isEqualTo(3);
    assertThat(result.recordsWithoutPrediction()).isEqualTo(1);
    assertThat(result.recordsWithoutTruth()).isEqualTo(1);
    assertThat(result.recall()).isCloseTo(1.0 / 3, within(EPS));
    assertThat(result.precision()).isEqualTo(1.0);
    assertThat(result.splitPersons()).isEqualTo(1);
  }

  @Test
  void pairCountsDoNotOverflowForLargeClusters() {
    assertThat(PairwiseEvaluator.pairs(List.of(3_000_000_000L)))
        .isEqualTo(4_499_999_998_500_000_000L);
  }

  @Test
  void resultSerializesToJson() throws Exception {
    String json = Json.mapper().writeValueAsString(handComputed().result());

    JsonNode node = Json.mapper().readTree(json);
    assertThat(node.get("precision").asDouble()).isEqualTo(0.625);
    assertThat(node.get("true_positive_pairs").asLong()).isEqualTo(5);
    assertThat(node.get("largest_profiles").get(0).get("true_persons").asLong()).isEqualTo(1);
    assertThat(Json.mapper().readValue(json, EvaluationResult.class))
        .isEqualTo(handComputed().result());
  }
}
