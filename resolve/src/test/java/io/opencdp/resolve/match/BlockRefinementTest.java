package io.opencdp.resolve.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BlockRefinementTest {
  private static final List<BlockingRule> SURNAME = List.of(BlockingRule.parse("family_name"));
  private static final BlockRefinement BY_AREA_THEN_YEAR =
      new BlockRefinement(
          3,
          List.of(
              BlockingKey.parse("postal_code:first_3"), BlockingKey.parse("birth_date:first_4")));

  @Test
  void aBlockOverTheSizeIsSplitByTheFirstKey() {
    List<MatchRecord> records =
        List.of(
            record("a", "10001", "19800101"),
            record("b", "10002", "19900101"),
            record("c", "20001", "19800101"),
            record("d", "20002", "19900101"));

    CandidatePairs candidates = CandidatePairs.generate(records, SURNAME, BY_AREA_THEN_YEAR, 1000);

    // four smiths (6 pairs) over 3: two postal areas of two
    assertThat(pairs(candidates, records)).containsExactlyInAnyOrder("a|b", "c|d");
    RuleStats stats = candidates.rules().get(0);
    assertThat(stats.refinedBlocks()).isEqualTo(1);
    assertThat(stats.pairsBeforeRefinement()).isEqualTo(6);
    assertThat(stats.pairsAfterRefinement()).isEqualTo(2);
    assertThat(stats.pairs()).isEqualTo(2);
    assertThat(stats.skippedBlocks()).isZero();
  }

  @Test
  void aSubBlockStillOverTheSizeIsSplitByTheNextKeyAndASmallOneIsNot() {
    List<MatchRecord> records =
        List.of(
            record("a", "10001", "19800101"),
            record("b", "10002", "19800202"),
            record("c", "10003", "19900101"),
            record("d", "10004", "19900303"),
            record("e", "20001", "19800101"),
            record("f", "20002", "19900101"));

    CandidatePairs candidates = CandidatePairs.generate(records, SURNAME, BY_AREA_THEN_YEAR, 1000);

    // area 100 has four (over 3): split by birth year; area 200 has two: compared whole, years
    // ignored
    assertThat(pairs(candidates, records)).containsExactlyInAnyOrder("a|b", "c|d", "e|f");
    RuleStats stats = candidates.rules().get(0);
    assertThat(stats.refinedBlocks()).isEqualTo(1);
    assertThat(stats.pairsBeforeRefinement()).isEqualTo(15);
    assertThat(stats.pairsAfterRefinement()).isEqualTo(3);
  }

  @Test
  void recordsMissingTheKeyStayTogetherInARemainderSubBlock() {
    List<MatchRecord> records =
        List.of(
            record("a", "10001", null),
            record("b", "10002", null),
            record("c", null, null),
            record("d", null, null),
            record("e", "1", null));

    CandidatePairs candidates = CandidatePairs.generate(records, SURNAME, BY_AREA_THEN_YEAR, 1000);

    // c and d have no postal code, e one too short for first_3: the remainder of three is not over
    // 3, so it is compared whole; no pair crosses from the area to the remainder
    assertThat(pairs(candidates, records)).containsExactlyInAnyOrder("a|b", "c|d", "c|e", "d|e");
  }

  @Test
  void theCapStillAppliesToWhatIsLeftAfterTheLastKey() {
    List<MatchRecord> records = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      records.add(record("s" + i, "10001", "19800101"));
    }
    records.add(record("t1", "20001", "19800101"));
    records.add(record("t2", "20001", "19800101"));

    CandidatePairs candidates = CandidatePairs.generate(records, SURNAME, BY_AREA_THEN_YEAR, 5);

    // the block of 8 is split; area 100 (6 alike) splits again by year into one sub-block of 6,
    // over the cap of 5: skipped and reported; area 200 is kept
    assertThat(pairs(candidates, records)).containsExactly("t1|t2");
    RuleStats stats = candidates.rules().get(0);
    assertThat(stats.skippedBlocks()).isEqualTo(1);
    assertThat(stats.skippedPairs()).isEqualTo(15);
    assertThat(stats.refinedBlocks()).isEqualTo(1);
    assertThat(stats.pairsBeforeRefinement()).isEqualTo(28);
    assertThat(stats.pairsAfterRefinement()).isEqualTo(1);
  }

  @Test
  void blocksWithinTheSizeGiveExactlyTheCandidatesWithoutRefinement() {
    List<MatchRecord> records =
        List.of(
            record("a", "10001", "19800101"),
            record("b", "20002", "19900101"),
            record("c", null, "19800101"));

    CandidatePairs refined = CandidatePairs.generate(records, SURNAME, BY_AREA_THEN_YEAR, 1000);
    CandidatePairs whole = CandidatePairs.generate(records, SURNAME, 1000);

    assertThat(refined.pairs()).isEqualTo(whole.pairs());
    assertThat(refined.rules()).isEqualTo(whole.rules());
    assertThat(refined.rules().get(0).refinedBlocks()).isZero();
  }

  @Test
  void theSameRecordsInAnyOrderGiveTheSamePairsAndFigures() {
    List<MatchRecord> records = new ArrayList<>();
    Random random = new Random(7);
    for (int i = 0; i < 200; i++) {
      String postal = random.nextInt(10) == 0 ? null : (100 + random.nextInt(3)) + "01";
      String birth = random.nextInt(10) == 0 ? null : (1970 + random.nextInt(4)) + "0101";
      records.add(record(String.format("r%03d", i), postal, birth));
    }
    List<MatchRecord> shuffled = new ArrayList<>(records);
    Collections.shuffle(shuffled, new Random(11));

    CandidatePairs first = CandidatePairs.generate(records, SURNAME, BY_AREA_THEN_YEAR, 1000);
    CandidatePairs second = CandidatePairs.generate(shuffled, SURNAME, BY_AREA_THEN_YEAR, 1000);

    assertThat(sorted(pairs(second, shuffled))).isEqualTo(sorted(pairs(first, records)));
    assertThat(second.rules()).isEqualTo(first.rules());
    assertThat(first.rules().get(0).pairsAfterRefinement())
        .isLessThan(first.rules().get(0).pairsBeforeRefinement());
  }

  @Test
  void describesItselfForTheLogs() {
    assertThat(BY_AREA_THEN_YEAR.toString())
        .isEqualTo("over 3 records by postal_code:first_3, then birth_date:first_4");
    assertThat(BlockRefinement.NONE.splits(Long.MAX_VALUE, 0)).isFalse();
  }

  private static List<String> sorted(List<String> pairs) {
    List<String> out = new ArrayList<>(pairs);
    Collections.sort(out);
    return out;
  }

  private static List<String> pairs(CandidatePairs candidates, List<MatchRecord> records) {
    List<String> out = new ArrayList<>();
    for (long pair : candidates.pairs()) {
      String a = records.get(CandidatePairs.left(pair)).id();
      String b = records.get(CandidatePairs.right(pair)).id();
      out.add(a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a);
    }
    return out;
  }

  private static MatchRecord record(String id, String postalCode, String birthDate) {
    Map<MatchField, String> fields = new EnumMap<>(MatchField.class);
    fields.put(MatchField.GIVEN_NAME, "ann");
    fields.put(MatchField.FAMILY_NAME, "smith");
    fields.put(MatchField.POSTAL_CODE, postalCode);
    fields.put(MatchField.BIRTH_DATE, birthDate);
    return MatchRecord.of(id, id, fields);
  }
}
