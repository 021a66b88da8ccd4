package io.opencdp.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opencdp.api.testing.ElasticsearchExtension;
import io.opencdp.api.testing.EsTestCluster;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.json.Json;
import io.opencdp.schemas.segment.SegmentWindows;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cdp bench segments} end to end at 2k profiles against a real Elasticsearch node: the
 * results file holds every figure, and each segment's count equals the same rule evaluated in Java
 * over the generated documents (which also checks the full-scan baseline's evaluation).
 */
@ExtendWith(ElasticsearchExtension.class)
class SegmentsBenchmarkTest {
  private static final long PROFILES = 2_000;
  private static final long SEED = 42;

  @Test
  void countsEverySegmentAsTheJavaRuleOverTheGeneratedProfilesAndWritesEveryFigure(
      EsTestCluster es, @TempDir Path dir) throws Exception {
    CdpConfig config = CdpConfig.defaults().withWorkDir(dir.resolve("work"));
    Path file =
        BenchmarkRunner.run(
            new SegmentsBenchmark(es.url(), 30),
            config,
            PROFILES,
            "2k",
            SEED,
            dir.resolve("results"),
            "cdp bench segments --scale 2k --seed 42");

    assertThat(file.getFileName().toString()).isEqualTo("segments-2k.json");
    JsonNode report = Json.mapper().readTree(file.toFile());
    assertThat(report.path("benchmark").asText()).isEqualTo("segments");
    assertThat(report.path("machine").path("cores").asInt()).isPositive();
    Map<String, Double> figures = new HashMap<>();
    report
        .path("figures")
        .forEach(f -> figures.put(f.path("name").asText(), f.path("value").asDouble()));
    assertThat(figures.get("profiles")).isEqualTo(PROFILES);
    assertThat(figures.get("activity_entries")).isBetween(5.0 * PROFILES, 15.0 * PROFILES);
    assertThat(figures.get("load.docs_per_s")).isPositive();
    assertThat(figures.get("baseline.scan.profiles")).isEqualTo(PROFILES);
    assertThat(figures.get("baseline.scan.wall_time")).isPositive();
    assertThat(figures.get("memory.peak_rss")).isPositive();

    SegmentWindows windows =
        SegmentWindows.of(config.segments(), Clock.fixed(SegmentsBenchmark.NOW, ZoneOffset.UTC));
    for (SegmentBenchCases.Case c : SegmentBenchCases.ALL) {
      long expected = 0;
      for (long i = 0; i < PROFILES; i++) {
        if (c.rule()
            .matches(SegmentBenchProfiles.profile(SEED, i, SegmentsBenchmark.NOW), windows)) {
          expected++;
        }
      }
      String prefix = "count." + c.name() + ".";
      assertThat(expected).as(c.name()).isBetween(20L, PROFILES - 20);
      assertThat(figures.get(prefix + "members")).as(c.name()).isEqualTo(expected);
      assertThat(figures.get("baseline.scan." + c.name() + ".members")).isEqualTo(expected);
      assertThat(figures)
          .containsKeys(prefix + "p50", prefix + "p95", prefix + "p99", prefix + "max");
      assertThat(figures.get(prefix + "p95")).isGreaterThanOrEqualTo(figures.get(prefix + "p50"));
      assertThat(figures.get("ratio.count_p50." + c.name() + "_scan_to_es")).isPositive();
    }
    assertThat(figures.get("export.members"))
        .isEqualTo(figures.get("count." + SegmentsBenchmark.EXPORTED.name() + ".members"));
    assertThat(figures.get("export.ids_per_s")).isPositive();
    assertThat(report.path("notes").toString()).contains("baseline").contains("request cache");
  }

  @Test
  void generatesTheSameProfileForTheSameSeedAndIndex() {
    assertThat(SegmentBenchProfiles.profile(SEED, 7, SegmentsBenchmark.NOW))
        .isEqualTo(SegmentBenchProfiles.profile(SEED, 7, SegmentsBenchmark.NOW))
        .isNotEqualTo(SegmentBenchProfiles.profile(SEED + 1, 7, SegmentsBenchmark.NOW));
  }
}
