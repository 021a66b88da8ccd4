package io.opencdp.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opencdp.api.testing.ElasticsearchExtension;
import io.opencdp.api.testing.EsTestCluster;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.config.ConfigLoader;
import io.opencdp.schemas.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cdp bench stream} end to end at a tiny plan (200 events/s for 4 s) against the test node:
 * the load reaches the collector, every probe becomes visible through the API, and the results file
 * holds the latency figures.
 */
@ExtendWith(ElasticsearchExtension.class)
class StreamBenchmarkTest {
  @Test
  void everyProbeBecomesVisibleThroughTheApiAndTheFiguresAreWritten(
      EsTestCluster es, @TempDir Path dir) throws Exception {
    Path yaml = dir.resolve("cdp.yaml");
    Files.writeString(
        yaml,
        "workspace: streambench\nwork_dir: "
            + dir.resolve("work")
            + "\nelasticsearch:\n  url: "
            + es.url()
            + "\nstream:\n  checkpoint_interval_millis: 1000\n");
    CdpConfig config = ConfigLoader.load(yaml);
    StreamBenchPlan tiny = new StreamBenchPlan(List.of(200.0), List.of(), 1, 4, 4, 4, 60, 0);

    Path file =
        BenchmarkRunner.run(
            new StreamBenchmark(tiny),
            config,
            50,
            "50",
            42,
            dir.resolve("results"),
            "cdp bench stream --scale 50 --seed 42");

    JsonNode report = Json.mapper().readTree(file.toFile());
    assertThat(report.path("benchmark").asText()).isEqualTo("stream");
    Map<String, Double> figures = new HashMap<>();
    report
        .path("figures")
        .forEach(f -> figures.put(f.path("name").asText(), f.path("value").asDouble()));
    assertThat(figures.get("collector.track.errors@200")).isZero();
    assertThat(figures.get("collector.track.achieved_rps@200")).isGreaterThan(150.0);
    assertThat(figures.get("visible.probes@200")).isGreaterThanOrEqualTo(5.0);
    assertThat(figures.get("visible.unseen@200")).isZero();
    assertThat(figures.get("visible.p50_ms@200")).isPositive();
    assertThat(figures.get("visible.p99_ms@200"))
        .isGreaterThanOrEqualTo(figures.get("visible.p50_ms@200"));
    assertThat(figures).containsKeys("kept_up@200", "stream.events_per_s@200", "peak_rss");
    assertThat(figures.get("stream.events")).isGreaterThanOrEqualTo(1000.0);
  }
}
