package io.opencdp.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencdp.jobs.bench.load.RequestLine;
import io.opencdp.schemas.config.CdpConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiBenchmarkTest {
  private static final Map<String, String> AUTH = Map.of("Authorization", "Bearer k");

  @Test
  void buildsLikeForLikeLookupsAgainstTheApiAndElasticsearch() {
    assertThat(ApiBenchmark.apiByPhone("+12122000001", AUTH))
        .isEqualTo(RequestLine.get("/v1/profiles?phone=%2B12122000001", AUTH));
    assertThat(ApiBenchmark.apiById("0f-1", AUTH))
        .isEqualTo(RequestLine.get("/v1/profiles/0f-1", AUTH));
    assertThat(ApiBenchmark.esGet("cdp-bench-profiles", "0f-1").path())
        .isEqualTo("/cdp-bench-profiles/_doc/0f-1");
    RequestLine search = ApiBenchmark.esPhone("cdp-bench-profiles", "+12122000001", 50);
    assertThat(search.method()).isEqualTo("POST");
    assertThat(search.path()).startsWith("/cdp-bench-profiles/_search?");
    assertThat(search.body())
        .contains("\"identifiers.phone\"", "+12122000001", "\"size\":51", "\"profile_id\"");
  }

  @Test
  void theApiRunsOnLoopbackWithTheDemoAdminKeyOfTheBenchWorkspace() {
    var api = ApiBenchmark.apiConfig(CdpConfig.defaults(), "bench");

    assertThat(api.host()).isEqualTo("127.0.0.1");
    assertThat(api.port()).isZero();
    assertThat(api.keys())
        .singleElement()
        .satisfies(k -> assertThat(k.workspace()).isEqualTo("bench"));
  }

  @Test
  void smallScalesGetTheShortSmokePlan() {
    assertThat(ApiBenchPlan.forScale(10_000).smoke()).isTrue();
    assertThat(ApiBenchPlan.forScale(100_000).smoke()).isFalse();
    assertThat(ApiBenchPlan.forScale(100_000).fixedRates()).containsExactly(500.0, 1000.0, 2000.0);
  }
}
