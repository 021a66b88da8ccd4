package io.opencdp.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencdp.schemas.config.ApiConfig;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class ApiServerTest {
  @Test
  void startsOnAFreePortWhileElasticsearchIsDownAndStops() throws Exception {
    ApiServer server = ApiServer.create(ApiFixture.config(), "default", "http://127.0.0.1:1");
    try {
      server.start();
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(server.url() + "/healthz")).build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(server.port()).isPositive();
      assertThat(server.url()).isEqualTo("http://127.0.0.1:" + server.port());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("\"status\":\"ok\"");
    } finally {
      server.stop();
    }
  }

  @Test
  void demoKeysAreRefusedOnAHostOtherThanLoopback() {
    ApiConfig defaults = CdpConfig.defaults().api();
    ApiConfig exposed =
        new ApiConfig(
            "0.0.0.0",
            0,
            defaults.keys(),
            defaults.defaultPhoneRegion(),
            defaults.maxRequestBytes(),
            defaults.maxPageSize(),
            defaults.esTimeoutMillis());

    assertThatThrownBy(() -> ApiServer.create(exposed, "default", "http://127.0.0.1:1"))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("demo key")
        .extracting(e -> ((CdpException) e).code())
        .isEqualTo(ErrorCode.CONFIG_INVALID);
  }

  @Test
  void demoKeysOfTheDefaultsAreThePublishedOnes() {
    assertThat(CdpConfig.defaults().api().keys())
        .extracting(ApiConfig.ApiKey::sha256)
        .containsExactly(
            ApiKeys.sha256Hex("cdp_demo_agent_key"),
            ApiKeys.sha256Hex("cdp_demo_marketer_key"),
            ApiKeys.sha256Hex("cdp_demo_admin_key"));
    assertThat(ApiKeys.DEMO_HASHES)
        .containsExactlyInAnyOrderElementsOf(
            CdpConfig.defaults().api().keys().stream().map(ApiConfig.ApiKey::sha256).toList());
  }

  @Test
  void newKeysAreRandomAndLongEnough() {
    String a = ApiKeys.newKey();
    String b = ApiKeys.newKey();

    assertThat(a).startsWith("cdp_").hasSizeGreaterThan(40).isNotEqualTo(b);
    assertThat(ApiKeys.sha256Hex(a)).hasSize(64).matches("[0-9a-f]+");
  }
}
