package io.opencdp.resolve.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencdp.resolve.match.MatchSettings;
import io.opencdp.schemas.config.CdpConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The acceptance floors of issue 7 on the Febrl sets in {@code ../shared/datasets/febrl}, with the
 * default (frozen) settings: F1 at least 0.995 (dataset1), 0.99 (dataset2) and 0.995 (dataset4),
 * and fewer candidate pairs than the recordlinkage baseline's blocking.
 */
class FebrlEvaluationTest {
  private static Map<String, FebrlResult> results;

  @BeforeAll
  static void runTheThreeTasks() {
    Path dir = FebrlFiles.directory();
    List<FebrlResult> all =
        new FebrlEvaluation(MatchSettings.from(CdpConfig.defaults().resolve().match()), null)
            .runAll(dir);
    results = all.stream().collect(Collectors.toMap(FebrlResult::task, Function.identity()));
  }

  @Test
  void dataset1DedupReachesF1OfAtLeast0995() {
    assertThat(results.get("dataset1").f1()).isGreaterThanOrEqualTo(0.995);
  }

  @Test
  void dataset2DedupReachesF1OfAtLeast099() {
    assertThat(results.get("dataset2").f1()).isGreaterThanOrEqualTo(0.99);
  }

  @Test
  void dataset4LinkageReachesF1OfAtLeast0995WithFewerCandidatesThanTheBaseline() {
    FebrlResult link = results.get("dataset4a-4b");
    assertThat(link.f1()).isGreaterThanOrEqualTo(0.995);
    assertThat(link.candidatePairs()).isLessThan(185_000);
    assertThat(link.possiblePairs()).isEqualTo(25_000_000L);
  }

  @Test
  void dedupNeverPairsARecordWithItself() {
    FebrlResult dedup = results.get("dataset1");
    assertThat(dedup.possiblePairs()).isEqualTo(1_000L * 999 / 2);
    assertThat(dedup.truePairs()).isEqualTo(500);
  }
}
