package io.opencdp.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opencdp.api.ApiServer;
import io.opencdp.api.testing.ElasticsearchExtension;
import io.opencdp.api.testing.EsTestCluster;
import io.opencdp.jobs.stream.LiveStream;
import io.opencdp.jobs.testing.AgentGet;
import io.opencdp.jobs.testing.StreamTestConfig;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quickstart's last step on a one-file "sample": the collector and the stream start and catch
 * up, and the order its printed curl posts reaches the top of the customer's timeline through the
 * API within seconds (the curl's body, sent by Java's HTTP client).
 */
@ExtendWith(ElasticsearchExtension.class)
class QuickstartStreamTest {
  private static final String WORKSPACE = "quickstart-stream";
  private static final String HISTORY =
      """
      {"type":"identify","messageId":"web-1","anonymousId":"2383b11b-7f2d-4664-b3e3-547c20f0fe6e","userId":"C496303742","traits":{"email":"joseph.king2938@gmail.com","phone":"(858) 990-7406"},"timestamp":"2026-05-08T18:30:40.791Z","receivedAt":"2026-05-08T18:30:41.638Z","version":2}
      """;

  @TempDir Path dir;

  @Test
  void curlBodyIsOneSegmentTrackForTheDemoCustomerWithAFreshIdPerPaste() throws Exception {
    DemoProfile demo =
        new DemoProfile("p_1", "+18589907406", "joseph.king2938@gmail.com", "C496303742");
    JsonNode body = Json.mapper().readTree(QuickstartStream.trackBody(demo, "42"));
    assertThat(body.path("type").asText()).isEqualTo("track");
    assertThat(body.path("event").asText()).isEqualTo("Order Completed");
    assertThat(body.path("messageId").asText()).isEqualTo("qs-42");
    assertThat(body.path("userId").asText()).isEqualTo("C496303742");
    assertThat(body.path("context").path("traits").path("email").asText())
        .isEqualTo("joseph.king2938@gmail.com");
    assertThat(body.path("properties").path("order_id").asText()).isEqualTo("QS-42");

    String curls =
        QuickstartStream.curlLines(
            CdpConfig.defaults(),
            "http://127.0.0.1:8088",
            "http://127.0.0.1:8080",
            "-H 'Authorization: Bearer cdp_demo_agent_key'",
            demo);
    assertThat(curls)
        .contains("curl -s -u 'cdp_demo_write_key:'")
        .contains("http://127.0.0.1:8088/v1/track -d '{\"type\":\"track\"")
        .contains("\"messageId\":\"qs-" + QuickstartStream.SHELL_UNIQUE + "\"")
        .contains("'http://127.0.0.1:8080/v1/profiles/p_1/events?limit=5'");
  }

  @Test
  void theCurlsOrderTopsTheTimelineWithinSeconds(EsTestCluster cluster) throws Exception {
    Path landing = dir.resolve("landing");
    Files.createDirectories(landing.resolve("web"));
    Files.writeString(landing.resolve("web/web-1.jsonl"), HISTORY);
    CdpConfig config =
        StreamTestConfig.write(
            dir,
            WORKSPACE,
            landing,
            "collector:\n  port: 0\nstream:\n  checkpoint_interval_millis: 500\n"
                + "api:\n  port: 0\n"
                + StreamTestConfig.demoAgentKey(WORKSPACE));

    try (LiveStream live = QuickstartStream.start(config, cluster.url());
        ApiServer api = ApiServer.create(config.api(), config.workspace(), cluster.url()).start()) {
      String profileId =
          AgentGet.json(api, "/v1/profiles?customer_id=C496303742")
              .path("profiles")
              .path(0)
              .path("profile_id")
              .asText();
      DemoProfile demo =
          new DemoProfile(profileId, "+18589907406", "joseph.king2938@gmail.com", "C496303742");

      long sent = System.nanoTime();
      HttpResponse<String> posted =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(live.collectorUrl() + "/v1/track"))
                      .header(
                          "Authorization",
                          "Basic "
                              + Base64.getEncoder()
                                  .encodeToString(
                                      (QuickstartStream.DEMO_WRITE_KEY + ":")
                                          .getBytes(StandardCharsets.UTF_8)))
                      .header("Content-Type", "application/json")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              QuickstartStream.trackBody(demo, "7")))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);

      JsonNode top = null;
      long deadline = sent + Duration.ofSeconds(15).toNanos();
      while (System.nanoTime() < deadline) {
        JsonNode events = AgentGet.json(api, "/v1/profiles/" + profileId + "/events?limit=5");
        JsonNode first = events.path("events").path(0);
        if (first.toString().contains("QS-7")) {
          top = first;
          break;
        }
        Thread.sleep(100);
      }
      double seconds = (System.nanoTime() - sent) / 1e9;
      assertThat(top).as("the order on top of the timeline after %.1f s", seconds).isNotNull();
      assertThat(seconds).isLessThan(10);
    }
  }
}
