package io.opencdp.resolve.spark;

import static io.opencdp.resolve.spark.ResolveFixture.T0;
import static io.opencdp.resolve.spark.ResolveFixture.customer;
import static io.opencdp.resolve.spark.ResolveFixture.email;
import static io.opencdp.resolve.spark.ResolveFixture.phone;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencdp.resolve.eval.ResolutionEvaluation;
import io.opencdp.schemas.event.Channel;
import io.opencdp.schemas.event.Identifier;
import io.opencdp.schemas.event.PersonAttributes;
import io.opencdp.schemas.event.SourceRef;
import io.opencdp.schemas.event.TouchpointEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end evaluation on a hand-computed case: a customer registered twice (two customer ids
 * the guardrails keep in two profiles), a store line with only her name, and a second person whose
 * nameless mail shares his named record's email.
 */
class ResolveEvaluationTest {
  private static ResolutionEvaluation evaluation;

  @BeforeAll
  static void resolveAndEvaluate() throws IOException {
    ResolveFixture fixture = new ResolveFixture("resolve-evaluation");
    fixture.configure("resolve:\n  match:\n    enabled: false\n");
    fixture.append(
        // Ann, account C1 (two records), account C2, and a store line with her name only
        record(1, "Ann", "Lee", customer("C1"), email("ann@x.test")),
        record(2, "Ann", "Lee", customer("C1")),
        record(3, "Ann", "Lee", customer("C2"), phone("+15550100001")),
        record(4, "Ann", "Lee"),
        // Bob, named once; his mail carries only the address
        record(5, "Bob", "Ray", email("bob@x.test")),
        record(6, null, null, email("bob@x.test")));
    fixture.run(ResolveMode.FULL);
    Path truth =
        Files.writeString(
            fixture.dir.resolve("truth.csv"),
            "file,line,person_id\n"
                + "f.csv,1,P1\nf.csv,2,P1\nf.csv,3,P1\nf.csv,4,P1\nf.csv,5,P2\nf.csv,6,P2\n");
    evaluation = ResolveEvaluation.evaluate(fixture.spark, fixture.config, truth);
  }

  @Test
  void joinablePairsKeepOneProfilePerCustomerIdAndPutTheRestWithTheLargest() {
    // Ann: {1, 2, 4} with C1 (the store line joins the larger account), {3} alone: 3 pairs, 1
    // joined (1-2); Bob: 5-6, joined. 2 of 4.
    assertThat(evaluation.identifiable().subsetTruePairs()).isEqualTo(4);
    assertThat(evaluation.identifiable().subsetTruePositivePairs()).isEqualTo(2);
    assertThat(evaluation.identifiable().subsetRecall()).isEqualTo(0.5);
  }

  @Test
  void ignoringLimitsEveryNamedRecordOfAPersonIsJoinable() {
    // Ann: all four named, 6 pairs, 1 joined; Bob: 1 pair, joined. 2 of 7.
    assertThat(evaluation.identifiableIgnoringLimits().subsetTruePairs()).isEqualTo(7);
    assertThat(evaluation.identifiableIgnoringLimits().subsetTruePositivePairs()).isEqualTo(2);
  }

  @Test
  void precisionAndTheRecordCountsFollowTheProfiles() {
    // nothing joins two people; the store line has no identifier, so it is identifiable, not
    // attributable
    assertThat(evaluation.overall().precision()).isEqualTo(1.0);
    assertThat(evaluation.attributableRecords()).isEqualTo(5);
    assertThat(evaluation.identifiableRecords()).isEqualTo(6);
  }

  private static TouchpointEvent record(int line, String first, String last, Identifier... ids) {
    var builder =
        TouchpointEvent.builder()
            .channel(Channel.WEB)
            .sourceSystem(ResolveFixture.SOURCE)
            .sourceKey("r" + line)
            .eventType("identify")
            .occurredAt(T0.plusSeconds(60L * line))
            .receivedAt(T0.plusSeconds(60L * line))
            .sourceRef(new SourceRef("f.csv", (long) line, null))
            .person(new PersonAttributes(first, last, null, null, null, null, null));
    for (Identifier id : ids) {
      builder.identifier(id);
    }
    return builder.build();
  }
}
