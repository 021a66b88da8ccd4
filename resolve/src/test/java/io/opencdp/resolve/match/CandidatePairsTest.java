package io.opencdp.resolve.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CandidatePairsTest {
  @Test
  void pairsRecordsThatShareABlockUnderAnyRuleOnceAndNeverWithinAGroup() {
    List<MatchRecord> records =
        List.of(
            record("a", "g1", "katherine", "smith", "2000"),
            record("b", "g2", "catherine", "smith", "2000"),
            record("c", "g1", "kathryn", "smyth", "3000"),
            record("d", "g3", "john", "jones", "2000"));
    List<BlockingRule> rules =
        List.of(BlockingRule.parse("family_name:metaphone"), BlockingRule.parse("postal_code"));

    CandidatePairs candidates = CandidatePairs.generate(records, rules, 100);

    // smith / smith / smyth share a metaphone (a-c share group g1); a, b, d share 2000
    assertThat(pairs(candidates, records)).containsExactlyInAnyOrder("a|b", "b|c", "a|d", "b|d");
    assertThat(candidates.rules().get(0).pairs()).isEqualTo(2);
    assertThat(candidates.rules().get(1).pairs()).isEqualTo(3);
    assertThat(candidates.rules().get(1).newPairs()).isEqualTo(2);
  }

  @Test
  void skipsABlockLargerThanTheCapWholeAndReportsIt() {
    List<MatchRecord> records = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      records.add(record("s" + i, "s" + i, "ann", "smith", null));
    }
    records.add(record("z1", "z1", "ann", "zywicki", null));
    records.add(record("z2", "z2", "ann", "zywicki", null));

    CandidatePairs candidates =
        CandidatePairs.generate(records, List.of(BlockingRule.parse("family_name")), 4);

    assertThat(pairs(candidates, records)).containsExactly("z1|z2");
    assertThat(candidates.rules().get(0).skippedBlocks()).isEqualTo(1);
    assertThat(candidates.rules().get(0).skippedPairs()).isEqualTo(10);
  }

  @Test
  void aRecordMissingAKeyPartIsInNoBlockOfThatRule() {
    BlockingRule rule = BlockingRule.parse("family_name:metaphone + postal_code");
    assertThat(rule.keyOf(record("a", "a", "ann", "smith", null))).isNull();
    assertThat(rule.name()).isEqualTo("family_name:metaphone + postal_code");
  }

  private static List<String> pairs(CandidatePairs candidates, List<MatchRecord> records) {
    List<String> out = new ArrayList<>();
    for (long pair : candidates.pairs()) {
      out.add(
          records.get(CandidatePairs.left(pair)).id()
              + "|"
              + records.get(CandidatePairs.right(pair)).id());
    }
    return out;
  }

  private static MatchRecord record(
      String id, String group, String given, String family, String postalCode) {
    Map<MatchField, String> fields = new EnumMap<>(MatchField.class);
    fields.put(MatchField.GIVEN_NAME, given);
    fields.put(MatchField.FAMILY_NAME, family);
    fields.put(MatchField.POSTAL_CODE, postalCode);
    return MatchRecord.of(id, group, fields);
  }
}
