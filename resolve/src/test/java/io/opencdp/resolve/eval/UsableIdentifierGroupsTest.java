package io.opencdp.resolve.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class UsableIdentifierGroupsTest {
  @Test
  void recordsChainedBySharedIdentifiersFormOneGroupKeyedByTheirSmallestRecord() {
    UsableIdentifierGroups groups = new UsableIdentifierGroups();
    // r1 -email- r2 -phone- r3 ; r4 alone with its own device; r5 shares r4's device
    groups.add("r2", "email:a@x.com");
    groups.add("r1", "email:a@x.com");
    groups.add("r2", "phone:+15550100");
    groups.add("r3", "phone:+15550100");
    groups.add("r4", "device_id:D1");
    groups.add("r5", "device_id:D1");
    groups.add("r6", "email:b@x.com");

    Map<String, String> g = groups.groups();

    assertThat(g)
        .containsEntry("r1", "r1")
        .containsEntry("r2", "r1")
        .containsEntry("r3", "r1")
        .containsEntry("r4", "r4")
        .containsEntry("r5", "r4")
        .containsEntry("r6", "r6")
        .hasSize(6);
  }

  @Test
  void groupsGiveTheSubsetOfTruePairsTheRecallGateCounts() {
    // person A: r1-r2 linked by an email, r3 by nothing usable (absent); profiles: r1,r2 together
    UsableIdentifierGroups groups = new UsableIdentifierGroups();
    groups.add("r1", "email:a@x.com");
    groups.add("r2", "email:a@x.com");
    Map<String, String> g = groups.groups();
    PairwiseEvaluator evaluator = new PairwiseEvaluator();
    evaluator.add("A", "p1", g.get("r1"));
    evaluator.add("A", "p1", g.get("r2"));
    evaluator.add("A", "p2", g.get("r3"));

    EvaluationResult result = evaluator.result();

    assertThat(result.subsetTruePairs()).isEqualTo(1);
    assertThat(result.subsetRecall()).isEqualTo(1.0);
    assertThat(result.recall()).isEqualTo(1.0 / 3);
  }
}
