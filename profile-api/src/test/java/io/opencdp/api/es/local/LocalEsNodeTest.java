package io.opencdp.api.es.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencdp.api.es.local.LocalEsNode.EsNodeStatus;
import io.opencdp.api.testing.ElasticsearchExtension;
import io.opencdp.schemas.config.ElasticsearchConfig;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts real nodes (two starts in all); the distribution is shared with the test extension. */
class LocalEsNodeTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void failsBeforeLaunchingWhenThePortIsTaken(@TempDir Path home) throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      LocalEsNode node = node(home, port);

      assertThatThrownBy(node::start)
          .isInstanceOfSatisfying(
              CdpException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PORT_IN_USE))
          .hasMessageContaining("port " + port + " on 127.0.0.1 is already in use")
          .hasMessageContaining("elasticsearch.port");
      assertThat(home.resolve("logs/console.log")).doesNotExist();
      assertThat(node.status().running()).isFalse();
    }
  }

  @Test
  void startsOverAStalePidFileThenStopsAndRestartsWithItsData(@TempDir Path home) throws Exception {
    Files.writeString(home.resolve("es.pid"), Long.toString(deadPid()));
    LocalEsNode node = node(home, 0);
    try {
      EsNodeStatus started = node.start();
      assertThat(started.running()).isTrue();
      assertThat(started.health()).isIn("green", "yellow");
      assertThat(started.url())
          .isEqualTo(node.url())
          .isEqualTo("http://127.0.0.1:" + started.port());
      assertThat(started.home()).isEqualTo(home.toAbsolutePath());
      assertThat(get(node.url() + "/_cluster/health").statusCode()).isEqualTo(200);
      assertThat(node.status()).isEqualTo(started);
      assertThat(node.start().pid()).as("second start is a no-op").isEqualTo(started.pid());

      assertThat(send("PUT", node.url() + "/kept/_doc/1?refresh=true", "{\"name\":\"ada\"}"))
          .isEqualTo(201);
      node.stop();

      EsNodeStatus stopped = node.status();
      assertThat(stopped.running()).isFalse();
      assertThat(stopped.pid()).isEqualTo(-1);
      assertThat(stopped.health()).isEqualTo("stopped");
      assertThat(ProcessHandle.of(started.pid())).isEmpty();
      assertThatThrownBy(() -> get(started.url() + "/_cluster/health"))
          .isInstanceOf(ConnectException.class);
      node.stop(); // no-op when stopped

      EsNodeStatus restarted = node.start();
      assertThat(restarted.running()).isTrue();
      assertThat(restarted.pid()).isNotEqualTo(started.pid());
      assertThat(get(node.url() + "/kept/_doc/1").body()).contains("\"name\":\"ada\"");
    } finally {
      node.stop();
    }
  }

  private static LocalEsNode node(Path home, int port) {
    ElasticsearchConfig config = new ElasticsearchConfig(null, port, 512, home, "cdp-es", 300);
    return LocalEsNode.fromConfig(config, home)
        .withDistributionRoot(ElasticsearchExtension.sharedDistributionRoot());
  }

  /** The pid of a process that has exited. */
  private static long deadPid() throws Exception {
    Process process = new ProcessBuilder("true").start();
    process.waitFor();
    return process.pid();
  }

  private HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private int send(String method, String url, String json)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
  }
}
