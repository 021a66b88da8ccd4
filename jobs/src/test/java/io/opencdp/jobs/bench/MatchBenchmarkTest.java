package io.opencdp.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencdp.ingest.generator.DuplicatedPersons;
import io.opencdp.ingest.testing.SharedSpark;
import io.opencdp.resolve.match.BlockingRule;
import io.opencdp.resolve.match.MatchSettings;
import io.opencdp.resolve.spark.match.SparkCandidates;
import io.opencdp.resolve.spark.match.SparkMatcher;
import io.opencdp.schemas.config.CdpConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class MatchBenchmarkTest {
  private static final CdpConfig CONFIG = CdpConfig.defaults();

  @Test
  void matchesTwoThousandRecordsAndReportsEveryFigureWithHighAccuracy() throws Exception {
    Benchmark.Result result = new MatchBenchmark().run(SharedSpark.session(), CONFIG, 2_000, 42);
    Map<String, Double> figures = new HashMap<>();
    result.figures().forEach(figure -> figures.put(figure.name(), figure.value()));

    assertThat(figures)
        .containsKeys(
            "generate.wall_time",
            "blocking.wall_time",
            "training.wall_time",
            "scoring.wall_time",
            "scoring.pairs_per_s",
            "matcher.pairs_per_s",
            "blocking.rule[birth_date].skipped_blocks",
            "blocking.rule[birth_date].refined_blocks",
            "blocking.rule[birth_date].pairs_before_refinement",
            "blocking.rule[birth_date].pairs_after_refinement",
            "blocking_plan.rule[birth_date].refined_blocks",
            "memory.peak_heap",
            "memory.peak_heap_after_gc",
            "scoring.peak_heap",
            "baseline_classic.candidate_pairs",
            "baseline_in_memory.scoring.pairs_per_s",
            "ratio.candidate_pairs_ours_to_classic",
            "ratio.scoring_pairs_per_s_spark_to_in_memory");
    assertThat(figures.get("records")).isEqualTo(2_000);
    assertThat(figures.get("persons")).isEqualTo(1_200);
    assertThat(figures.get("true_pairs")).isEqualTo(1_000);
    assertThat(figures.get("blocking.candidate_pairs")).isPositive();
    // every record its own group: the plan's pairs per rule are the pairs the matcher lists
    figures.forEach(
        (name, value) -> {
          if (name.startsWith("blocking_plan.rule[") && name.endsWith("].pairs")) {
            assertThat(value)
                .as(name)
                .isEqualTo(figures.get(name.replace("blocking_plan.", "blocking.")));
          }
        });
    assertThat(figures.get("scoring.pairs_scored"))
        .isEqualTo(figures.get("blocking.candidate_pairs"));
    assertThat(figures.get("accuracy.f1")).isGreaterThan(0.9);
    assertThat(figures.get("blocking.recall")).isGreaterThan(0.95);
    // the in-memory reference ran on the same records and agrees with Spark
    assertThat(figures.get("baseline_in_memory.records")).isEqualTo(2_000);
    assertThat(figures.get("baseline_in_memory.candidate_pairs"))
        .isEqualTo(figures.get("blocking.candidate_pairs"));
    assertThat(figures.get("baseline_in_memory.linked_pairs"))
        .isEqualTo(figures.get("linked_pairs"));
    // the plan counts, from block sizes alone, exactly the pairs each rule then lists
    figures.forEach(
        (name, value) -> {
          if (name.startsWith("blocking_plan.rule[") && name.endsWith(".pairs")) {
            assertThat(value)
                .as(name)
                .isEqualTo(figures.get(name.replace("blocking_plan.", "blocking.")));
          }
        });
    assertThat(result.notes()).anySatisfy(note -> assertThat(note).contains("inclusion-exclusion"));
  }

  @Test
  void countsTheClassicBlockingExactlyAsTheMatcherListsItWithoutACap() {
    Dataset<Row> records =
        MatchBenchRecords.dataset(SharedSpark.session(), 2_000, 7, 0.06, 2).cache();
    try {
      MatchSettings defaults = MatchSettings.from(CONFIG.resolve().match());
      MatchSettings classic =
          new MatchSettings(
              defaults.comparisons(),
              List.of(
                  BlockingRule.parse("given_name"),
                  BlockingRule.parse("family_name"),
                  BlockingRule.parse("birth_date"),
                  BlockingRule.parse("postal_code")),
              Integer.MAX_VALUE,
              defaults.linkThreshold(),
              defaults.reviewThreshold(),
              defaults.randomPairs(),
              defaults.seed(),
              defaults.maxIterations());
      ClassicBlockingCount.Counts counted = ClassicBlockingCount.of(records);
      try (SparkCandidates listed = new SparkMatcher(classic).candidates(records)) {
        long truePairs =
            listed.pairs().collectAsList().stream()
                .filter(
                    pair ->
                        DuplicatedPersons.personOf(pair.getString(0))
                            == DuplicatedPersons.personOf(pair.getString(1)))
                .count();
        assertThat(counted.pairs()).isEqualTo(listed.size()).isGreaterThan(10_000);
        assertThat(counted.truePairs()).isEqualTo(truePairs);
        for (int i = 0; i < 4; i++) {
          assertThat(counted.fieldPairs().get(i)).isEqualTo(listed.rules().get(i).pairs());
        }
      }
    } finally {
      records.unpersist();
    }
  }
}
