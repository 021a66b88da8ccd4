package io.opencdp.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import io.opencdp.api.store.EsConnection;
import io.opencdp.schemas.config.ApiConfig;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Keys, servers and request helpers the API tests share. */
final class ApiFixture {
  static final String WORKSPACE = "default";
  static final String AGENT = "test-agent-key-0123456789";
  static final String MARKETER = "test-marketer-key-0123456789";
  static final String ADMIN = "test-admin-key-0123456789";
  static final String OTHER_WORKSPACE_ADMIN = "test-brand-b-admin-key-0123456789";

  private ApiFixture() {}

  static ApiConfig config() {
    return CdpConfig.defaults()
        .api()
        .withPort(0)
        .withKeys(
            List.of(
                key("agent", AGENT, ApiConfig.Role.AGENT, WORKSPACE),
                key("marketer", MARKETER, ApiConfig.Role.MARKETER, WORKSPACE),
                key("admin", ADMIN, ApiConfig.Role.ADMIN, WORKSPACE),
                key("brand-b-admin", OTHER_WORKSPACE_ADMIN, ApiConfig.Role.ADMIN, "brand_b")));
  }

  static ApiConfig.ApiKey key(String id, String plain, ApiConfig.Role role, String workspace) {
    return new ApiConfig.ApiKey(id, ApiKeys.sha256Hex(plain), role, workspace);
  }

  /**
   * A server whose readiness is fixed (green, or never answers with {@code null}) and whose profile
   * store is down: the routes that read it answer 503.
   */
  static ApiServer server(String clusterStatus) {
    return new ApiServer(config(), WORKSPACE, new FixedReadiness(clusterStatus), downStore());
  }

  /** A server of {@code workspace} over the store at {@code es}, ready. */
  static ApiServer server(String workspace, EsConnection es) {
    return new ApiServer(config(), workspace, new FixedReadiness("green"), es);
  }

  private static EsConnection down;

  /** One connection per JVM to a closed port: Elasticsearch is down. */
  static synchronized EsConnection downStore() {
    if (down == null) {
      try (ServerSocket socket = new ServerSocket(0)) {
        down = EsConnection.open("http://127.0.0.1:" + socket.getLocalPort(), 500);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return down;
  }

  static Consumer<Request.Builder> bearer(String key) {
    return req -> req.header("Authorization", "Bearer " + key);
  }

  /** POSTs {@code body} (JSON text) to {@code path} with {@code key}. */
  static Response post(HttpClient client, String path, String body, String key) {
    return client.request(
        path,
        req -> {
          req.post(RequestBody.create(body, MediaType.get("application/json")));
          if (key != null) {
            bearer(key).accept(req);
          }
        });
  }

  static JsonNode json(Response response) {
    try {
      return Json.mapper().readTree(response.body().string());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Readiness without Elasticsearch: a fixed cluster status, or none. */
  record FixedReadiness(String status) implements Readiness {
    @Override
    public Optional<String> clusterStatus() {
      return Optional.ofNullable(status);
    }

    @Override
    public void close() {}
  }
}
