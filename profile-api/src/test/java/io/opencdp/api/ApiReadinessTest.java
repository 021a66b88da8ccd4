package io.opencdp.api;

import static io.opencdp.api.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import io.opencdp.api.store.EsConnection;
import io.opencdp.api.testing.ElasticsearchExtension;
import io.opencdp.api.testing.EsTestCluster;
import java.io.IOException;
import java.net.ServerSocket;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** /readyz against a closed port and against a real Elasticsearch node. */
@ExtendWith(ElasticsearchExtension.class)
class ApiReadinessTest {
  @Test
  void startsAndAnswersHealthButIsNotReadyWhileElasticsearchIsDown() throws IOException {
    String url = "http://127.0.0.1:" + closedPort();
    EsConnection es = EsConnection.open(url, 500);
    try (EsReadiness readiness = new EsReadiness(es)) {
      JavalinTest.test(
          new ApiServer(ApiFixture.config(), "default", readiness, es).app(),
          (app, client) -> {
            assertThat(client.get("/healthz").code()).isEqualTo(200);
            Response response = client.get("/readyz");
            JsonNode body = json(response);

            assertThat(response.code()).isEqualTo(503);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(body.get("code").asText()).isEqualTo("elasticsearch_unavailable");
            assertThat(body.get("detail").asText()).doesNotContain("127.0.0.1");
          });
    }
  }

  @Test
  void isReadyWhenElasticsearchAnswers(EsTestCluster es) {
    EsConnection connection = EsConnection.open(es.url(), 5000);
    try (EsReadiness readiness = new EsReadiness(connection)) {
      JavalinTest.test(
          new ApiServer(ApiFixture.config(), "default", readiness, connection).app(),
          (app, client) -> {
            Response response = client.get("/readyz");
            JsonNode body = json(response);

            assertThat(response.code()).isEqualTo(200);
            assertThat(body.get("elasticsearch").asText()).isIn("green", "yellow");
          });
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
