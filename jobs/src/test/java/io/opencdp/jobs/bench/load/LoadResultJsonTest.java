package io.opencdp.jobs.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencdp.jobs.bench.Figure;
import io.opencdp.schemas.json.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadResultJsonTest {
  @Test
  void aResultSurvivesTheTripThroughTheChildProcessFile() throws Exception {
    LoadResult result =
        RateSweepTest.result(2000, 3.5, 1998.2, Map.of("status_503", 2L, "unfinished", 1L));

    String json = Json.mapper().writeValueAsString(result);
    LoadResult back = Json.mapper().readValue(json, LoadResult.class);

    assertThat(back).isEqualTo(result);
    assertThat(back.errorCount()).isEqualTo(3);
    assertThat(json).contains("\"target_rate\"", "\"send_delay\"", "\"p999\"");
  }

  @Test
  void aSpecSurvivesTheTripToo() throws Exception {
    LoadSpec spec =
        LoadSpec.open("es.get", "http://127.0.0.1:9200", Path.of("/tmp/r.jsonl"), 500, 1, 5, 8, 7)
            .withExpectedStatuses(Set.of(200, 404))
            .saturating();

    LoadSpec back = Json.mapper().readValue(Json.mapper().writeValueAsString(spec), LoadSpec.class);

    assertThat(back).isEqualTo(spec);
  }

  @Test
  void requestLinesRoundTripThroughTheRequestsFile(@TempDir Path dir) throws Exception {
    List<RequestLine> lines =
        List.of(
            RequestLine.get("/v1/profiles/p-1", Map.of("Authorization", "Bearer k")),
            RequestLine.post(
                "/cdp-default-profiles/_search",
                Map.of(),
                "{\"query\":{\"term\":{\"identifiers.phone\":\"+12125550100\"}}}"));
    Path file = dir.resolve("r.jsonl");

    EncodedRequests.write(file, lines);

    assertThat(EncodedRequests.read(file)).isEqualTo(lines);
  }

  @Test
  void namesFiguresByLabelFigureAndRate() {
    LoadResult api = RateSweepTest.result(2000, 4.0, 2000, Map.of());
    LoadResult es = RateSweepTest.result(2000, 1.0, 2000, Map.of());

    assertThat(LoadFigures.fixedRate(api))
        .contains(new Figure("api.id.p99_ms@2000", 4.0, "ms"))
        .extracting(Figure::name)
        .contains("api.id.p999_ms@2000", "api.id.achieved_rps@2000", "api.id.errors@2000");
    assertThat(LoadFigures.latencyRatios("id", api, es))
        .contains(new Figure("ratio.id.p99@2000", 4.0, "x"));
    assertThat(LoadFigures.throughputRatio("id", api, es))
        .isEqualTo(new Figure("ratio.id.throughput", 1.0, "x"));
  }
}
