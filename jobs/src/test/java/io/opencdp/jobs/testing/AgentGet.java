package io.opencdp.jobs.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opencdp.api.ApiServer;
import io.opencdp.schemas.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A GET to the profile API with the demo agent key, as a call-center screen makes it. */
public final class AgentGet {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private AgentGet() {}

  /** The JSON body of {@code path}, asserting a 200 (the body is in the failure message). */
  public static JsonNode json(ApiServer api, String path) throws Exception {
    return json(api, path, "cdp_demo_agent_key");
  }

  /** As {@link #json(ApiServer, String)} with the demo admin key (admin-only routes). */
  public static JsonNode asAdmin(ApiServer api, String path) throws Exception {
    return json(api, path, "cdp_demo_admin_key");
  }

  private static JsonNode json(ApiServer api, String path, String key) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(api.url() + path))
                .header("Authorization", "Bearer " + key)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return Json.mapper().readTree(response.body());
  }
}
