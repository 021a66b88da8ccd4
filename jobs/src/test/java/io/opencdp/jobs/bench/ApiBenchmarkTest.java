package io.opencdp.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencdp.jobs.bench.load.RequestLine;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.normalize.PhoneNormalizer;
import java.util.Map;
import java.util.stream.LongStream;
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
    RequestLine term = ApiBenchmark.esTerm("cdp-bench-profiles", "+12122000001");
    assertThat(term.method()).isEqualTo("POST");
    assertThat(term.path()).isEqualTo("/cdp-bench-profiles/_search");
    assertThat(term.body())
        .isEqualTo("{\"query\":{\"term\":{\"identifiers.phone\":\"+12122000001\"}}}");
  }

  @Test
  void syntheticPhonesAreDistinctValidE164() {
    PhoneNormalizer phones = new PhoneNormalizer("US");
    LongStream.of(0, 1, 9_999, 10_000, 3_549_999, 3_550_000, 99_999, 7_989_999)
        .mapToObj(SyntheticProfiles::phone)
        .forEach(phone -> assertThat(phones.normalize(phone).value()).isEqualTo(phone));
    assertThat(SyntheticProfiles.phone(3_549_999)).isEqualTo("+12125549999");
    assertThat(SyntheticProfiles.phone(3_550_000)).isEqualTo("+12125560000");
  }

  @Test
  void theApiRunsOnLoopbackWithTheDemoAdminKeyOfTheBenchWorkspace() {
    var api = ApiBenchmark.apiConfig(CdpConfig.defaults());

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
