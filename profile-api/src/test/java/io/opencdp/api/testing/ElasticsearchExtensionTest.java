package io.opencdp.api.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ElasticsearchExtension.class)
class ElasticsearchExtensionTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void sharedNodeAnswersClusterHealth(EsTestCluster es) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(es.uri("/_cluster/health")).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).containsPattern("\"status\":\"(green|yellow)\"");
  }

  @Test
  void injectedClusterIsTheOneSharedNode(EsTestCluster es) {
    assertThat(ElasticsearchExtension.cluster()).isEqualTo(es);
    assertThat(es.url()).startsWith("http://").doesNotEndWith("/");
  }
}
