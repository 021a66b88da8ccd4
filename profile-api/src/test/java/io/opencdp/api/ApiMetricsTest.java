package io.opencdp.api;

import static io.opencdp.api.ApiFixture.ADMIN;
import static io.opencdp.api.ApiFixture.AGENT;
import static io.opencdp.api.ApiFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class ApiMetricsTest {
  @Test
  void countsRequestsPerRouteAndStatus() {
    JavalinTest.test(
        ApiFixture.server("green").app(),
        (app, client) -> {
          client.get("/healthz").close();
          client.get("/healthz").close();
          client.get("/v1/profiles/-bad", bearer(AGENT)).close();
          client.get("/v1/profiles?email=x", bearer(AGENT)).close();
          client.get("/no/such/route").close();

          Response response = client.get("/metrics", bearer(ADMIN));
          String text = response.body().string();

          assertThat(response.header("Content-Type")).startsWith("text/plain; version=0.0.4");
          assertThat(text)
              .contains("# TYPE cdp_api_requests_total counter")
              .contains(
                  "cdp_api_requests_total{method=\"GET\",route=\"/healthz\",status=\"200\"} 2")
              .contains(
                  "cdp_api_requests_total{method=\"GET\",route=\"/v1/profiles/{id}\",status=\"400\"} 1")
              .contains(
                  "cdp_api_requests_total{method=\"GET\",route=\"/v1/profiles\",status=\"400\"} 1")
              .contains(
                  "cdp_api_requests_total{method=\"GET\",route=\"unmatched\",status=\"404\"} 1")
              .contains("# TYPE cdp_api_request_duration_seconds histogram")
              .contains(
                  "cdp_api_request_duration_seconds_bucket{method=\"GET\",route=\"/healthz\",status=\"200\",le=\"+Inf\"} 2")
              .contains(
                  "cdp_api_request_duration_seconds_count{method=\"GET\",route=\"/healthz\",status=\"200\"} 2");
        });
  }

  @Test
  void histogramBucketsAreCumulative() {
    RequestMetrics metrics = new RequestMetrics();
    metrics.observe("GET", "/x", 200, 0.003);
    metrics.observe("GET", "/x", 200, 0.2);
    metrics.observe("GET", "/x", 200, 60);

    String text = metrics.scrape();

    assertThat(text)
        .contains(
            "cdp_api_request_duration_seconds_bucket{method=\"GET\",route=\"/x\",status=\"200\",le=\"0.005\"} 1")
        .contains(
            "cdp_api_request_duration_seconds_bucket{method=\"GET\",route=\"/x\",status=\"200\",le=\"0.25\"} 2")
        .contains(
            "cdp_api_request_duration_seconds_bucket{method=\"GET\",route=\"/x\",status=\"200\",le=\"10.0\"} 2")
        .contains(
            "cdp_api_request_duration_seconds_bucket{method=\"GET\",route=\"/x\",status=\"200\",le=\"+Inf\"} 3")
        .contains(
            "cdp_api_request_duration_seconds_sum{method=\"GET\",route=\"/x\",status=\"200\"} 60.203");
  }
}
