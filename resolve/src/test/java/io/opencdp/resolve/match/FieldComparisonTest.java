package io.opencdp.resolve.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.junit.jupiter.api.Test;

class FieldComparisonTest {
  private static final FieldComparison NAME =
      new FieldComparison(MatchField.GIVEN_NAME, ComparisonKind.NAME, List.of(0.92, 0.85), true);
  private static final FieldComparison DATE =
      new FieldComparison(MatchField.BIRTH_DATE, ComparisonKind.DATE, List.of(), false);
  private static final FieldComparison CODE =
      new FieldComparison(MatchField.POSTAL_CODE, ComparisonKind.CODE, List.of(), false);

  @Test
  void namesAreLevelledByJaroWinklerThresholds() {
    assertThat(NAME.levelNames())
        .containsExactly("exact", "jaro_winkler>=0.92", "jaro_winkler>=0.85", "different");
    assertThat(NAME.level("catherine", "catherine")).isZero();
    assertThat(NAME.level("catherine", "catherina")).isEqualTo(1);
    assertThat(NAME.level("martha", "marhta")).isEqualTo(1);
    assertThat(NAME.level("stephen", "steven")).isEqualTo(2);
    assertThat(NAME.level("dwayne", "duane")).isEqualTo(3);
    assertThat(NAME.level("catherine", "robert")).isEqualTo(3);
    assertThat(NAME.level(null, "robert")).isEqualTo(FieldComparison.NULL_LEVEL);
  }

  @Test
  void aNicknameOfTheGivenNameIsAsCloseAsTheClosestFuzzyLevel() {
    assertThat(NAME.level("bob", "robert")).isEqualTo(1);
    assertThat(NAME.agrees(NAME.level("bob", "robert"))).isTrue();
    assertThat(NAME.agrees(NAME.level("bob", "maria"))).isFalse();
    assertThat(NAME.agrees(FieldComparison.NULL_LEVEL)).isFalse();
    FieldComparison surname =
        new FieldComparison(MatchField.FAMILY_NAME, ComparisonKind.NAME, List.of(0.92), false);
    assertThat(surname.level("bob", "robert")).as("only given names have nicknames").isEqualTo(2);
  }

  @Test
  void datesKnowTypingSlipsAndSwappedDayAndMonth() {
    assertThat(DATE.level("19810314", "19810314")).isZero();
    assertThat(DATE.level("19810314", "19810315")).as("one digit").isEqualTo(1);
    assertThat(DATE.level("19810314", "19801314")).as("neighbours swapped").isEqualTo(1);
    assertThat(DATE.level("19810304", "19810403")).as("day and month swapped").isEqualTo(2);
    assertThat(DATE.level("19810314", "19820315")).as("two edits").isEqualTo(3);
    assertThat(DATE.level("19810314", "19650922")).isEqualTo(4);
  }

  @Test
  void levelsReadAsTheirModelNamesAndAMissingValueAsMissing() {
    assertThat(NAME.label(NAME.level("catherine", "catherina"))).isEqualTo("jaro_winkler>=0.92");
    assertThat(DATE.label(DATE.level("19810304", "19810403"))).isEqualTo("day_month_swapped");
    assertThat(CODE.label(CODE.level("4011", "4012"))).isEqualTo("one_slip");
    assertThat(CODE.label(CODE.level("4011", null))).isEqualTo("missing");
    assertThatThrownBy(() -> CODE.label(3)).hasMessageContaining("postal_code has no level 3");

    Comparisons vector = new Comparisons(List.of(NAME, DATE, CODE));
    assertThat(vector.labels(new int[] {0, -1, 2}))
        .containsExactly(
            entry("given_name", "exact"),
            entry("birth_date", "missing"),
            entry("postal_code", "different"));
  }

  @Test
  void codesAllowOneSlip() {
    assertThat(CODE.level("4011", "4011")).isZero();
    assertThat(CODE.level("4011", "4012")).isEqualTo(1);
    assertThat(CODE.level("4011", "4101")).isEqualTo(1);
    assertThat(CODE.level("4011", "4122")).isEqualTo(2);
  }

  @Test
  void rejectsThresholdsOnKindsThatTakeNoneAndUnorderedOnes() {
    assertThatThrownBy(
            () ->
                new FieldComparison(
                    MatchField.POSTAL_CODE, ComparisonKind.CODE, List.of(0.9), false))
        .hasMessageContaining("postal_code.thresholds: a code comparison takes no thresholds");
    assertThatThrownBy(
            () ->
                new FieldComparison(MatchField.CITY, ComparisonKind.TEXT, List.of(0.8, 0.9), false))
        .hasMessageContaining("strictly decreasing");
  }
}
