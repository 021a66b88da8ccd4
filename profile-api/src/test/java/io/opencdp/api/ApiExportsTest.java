package io.opencdp.api;

import static io.opencdp.api.ApiFixture.json;
import static io.opencdp.api.ApiSegmentsTest.send;
import static io.opencdp.api.export.ExportFixture.profile;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.TestCase;
import io.opencdp.api.export.ExportFixture;
import io.opencdp.api.testing.ElasticsearchExtension;
import io.opencdp.api.testing.EsTestCluster;
import io.opencdp.schemas.audience.AudienceFormat;
import io.opencdp.schemas.config.ApiConfig;
import io.opencdp.schemas.config.SegmentsConfig;
import io.opencdp.schemas.segment.ProfileFields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The export routes over a real node: queue, poll, download; roles and bad bodies. */
@ExtendWith(ElasticsearchExtension.class)
class ApiExportsTest {
  private static final String WORKSPACE = "expapi";
  private static final String SEGMENT = "seg-us-00000a";
  private static final String MARKETER = "expapi-marketer-key-0123456789";
  private static final String ADMIN = "expapi-admin-key-0123456789";
  private static final String AGENT = "expapi-agent-key-0123456789";

  private static ExportFixture fixture;

  @TempDir Path dir;

  @BeforeAll
  static void open(EsTestCluster cluster) {
    fixture = ExportFixture.open(cluster, WORKSPACE);
    fixture.put(
        profile("p-1", "US", "a@example.com", "+15550100001", true),
        profile("p-2", "US", "b@example.com", null, false),
        profile("p-3", "DE", "c@example.com", null, true));
    fixture.saveSegment(SEGMENT, "{\"field\": \"country\", \"op\": \"eq\", \"value\": \"US\"}");
  }

  @AfterAll
  static void close() {
    fixture.close();
  }

  private void test(TestCase test) {
    ApiConfig config =
        ApiFixture.config()
            .withKeys(
                List.of(
                    ApiFixture.key("exp-agent", AGENT, ApiConfig.Role.AGENT, WORKSPACE),
                    ApiFixture.key("exp-marketer", MARKETER, ApiConfig.Role.MARKETER, WORKSPACE),
                    ApiFixture.key("exp-admin", ADMIN, ApiConfig.Role.ADMIN, WORKSPACE)));
    try (var exports = fixture.exports(dir)) {
      ApiServer server =
          new ApiServer(
              config,
              WORKSPACE,
              ProfileFields.builtIn(),
              new SegmentsConfig(ZoneId.of("UTC")),
              Clock.systemUTC(),
              new ApiFixture.FixedReadiness("green"),
              fixture.connection(),
              exports);
      JavalinTest.test(server.app(), test);
    }
  }

  private static String exports() {
    return "/v1/segments/" + SEGMENT + "/exports";
  }

  /** Polls the record until it is finished (at most 30 s). */
  private static JsonNode finished(HttpClient client, String statusUrl)
      throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      JsonNode record = json(send(client, "GET", statusUrl, null, MARKETER));
      String status = record.path("status").asText();
      if (status.equals("succeeded") || status.equals("failed")) {
        return record;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("export did not finish: " + statusUrl);
  }

  @Test
  void anExportIsQueuedRunAndItsFileDownloaded() {
    test(
        (app, client) -> {
          Response accepted = send(client, "POST", exports(), "{\"format\": \"google\"}", MARKETER);
          JsonNode body = json(accepted);

          assertThat(accepted.code()).as(body.toString()).isEqualTo(202);
          assertThat(body.get("status").asText()).isEqualTo("queued");
          String exportId = body.get("export_id").asText();
          assertThat(exportId).matches("exp-[0-9]+-[0-9a-f]{6}");
          assertThat(body.get("status_url").asText()).isEqualTo(exports() + "/" + exportId);

          JsonNode record = finished(client, body.get("status_url").asText());
          assertThat(record.get("status").asText()).as(record.toString()).isEqualTo("succeeded");
          assertThat(record.get("members").asLong()).isEqualTo(2);
          assertThat(record.get("exported").asLong()).isEqualTo(1);
          assertThat(record.get("dropped_consent").asLong()).isEqualTo(1);
          assertThat(record.get("requested_by").asText()).isEqualTo("exp-marketer");
          assertThat(record.has("workspace_id")).isFalse();

          Response file =
              send(client, "GET", exports() + "/" + exportId + "/files/members", null, MARKETER);
          assertThat(file.code()).isEqualTo(200);
          assertThat(file.header("Content-Type")).startsWith("text/csv");
          Path saved = dir.resolve("downloaded.csv");
          Files.writeString(saved, file.body().string(), StandardCharsets.UTF_8);
          assertThat(ExportFixture.readCsv(saved))
              .containsExactly(
                  ExportFixture.header(AudienceFormat.GOOGLE),
                  ExportFixture.row(
                      AudienceFormat.GOOGLE,
                      profile("p-1", "US", "a@example.com", "+15550100001", true)));
          assertThat(dir.resolve(exportId + ".csv")).exists();

          assertThat(
                  send(client, "GET", exports() + "/" + exportId + "/files/adds", null, MARKETER)
                      .code())
              .isEqualTo(404);
        });
  }

  @Test
  void sinceLastAnswersAddsAndRemovesFiles() {
    test(
        (app, client) -> {
          JsonNode body =
              json(
                  send(
                      client,
                      "POST",
                      exports(),
                      "{\"format\": \"meta\", \"destination\": \"acme-ads\", \"since_last\": true}",
                      ADMIN));
          JsonNode record = finished(client, body.get("status_url").asText());

          assertThat(record.get("adds").asLong()).as(record.toString()).isEqualTo(1);
          assertThat(record.get("removes").asLong()).isZero();
          assertThat(record.get("destination").asText()).isEqualTo("acme-ads");
          String files = body.get("status_url").asText() + "/files/";
          assertThat(send(client, "GET", files + "adds", null, ADMIN).code()).isEqualTo(200);
          assertThat(send(client, "GET", files + "removes", null, ADMIN).body().string())
              .isEqualTo(String.join(",", ExportFixture.header(AudienceFormat.META)) + "\n");
        });
  }

  @Test
  void csvIsForAdminsOnly() {
    test(
        (app, client) -> {
          Response refused = send(client, "POST", exports(), "{\"format\": \"csv\"}", MARKETER);
          assertThat(refused.code()).isEqualTo(403);
          assertThat(json(refused).get("parameter").asText()).isEqualTo("format");
          assertThat(send(client, "POST", exports(), "{\"format\": \"google\"}", AGENT).code())
              .isEqualTo(403);
          Response accepted =
              send(
                  client,
                  "POST",
                  exports(),
                  "{\"format\": \"csv\", \"fields\": [\"email\"]}",
                  ADMIN);
          assertThat(accepted.code()).isEqualTo(202);
          finished(client, json(accepted).get("status_url").asText());
        });
  }

  @Test
  void badBodiesAreRefusedNamingTheField() {
    test(
        (app, client) -> {
          assertBad(client, "{}", "format");
          assertBad(client, "{\"format\": \"tiktok\"}", "format");
          assertBad(
              client, "{\"format\": \"google\", \"destination\": \"Acme Ads\"}", "destination");
          assertBad(client, "{\"format\": \"google\", \"destination\": 7}", "destination");
          assertBad(client, "{\"format\": \"google\", \"since_last\": \"yes\"}", "since_last");
          assertBad(client, "{\"format\": \"google\", \"fields\": [\"email\"]}", "fields");
          assertBad(client, "{\"format\": \"csv\", \"fields\": [7]}", "fields[0]");
          assertBad(client, "{\"format\": \"csv\", \"fields\": [\"shoe_size\"]}", "fields");
          assertBad(client, "{\"format\": \"google\", \"audience\": 1}", "audience");
          Response notJson = send(client, "POST", exports(), "[1]", ADMIN);
          assertThat(notJson.code()).isEqualTo(400);
        });
  }

  @Test
  void unknownSegmentsExportsAndKindsAreRefused() {
    test(
        (app, client) -> {
          assertThat(
                  send(
                          client,
                          "POST",
                          "/v1/segments/seg-nope-000000/exports",
                          "{\"format\": \"google\"}",
                          ADMIN)
                      .code())
              .isEqualTo(404);
          Response unknown = send(client, "GET", exports() + "/exp-1-000000", null, ADMIN);
          assertThat(unknown.code()).isEqualTo(404);
          assertThat(json(unknown).get("parameter").asText()).isEqualTo("export_id");
          assertThat(send(client, "GET", exports() + "/nope", null, ADMIN).code()).isEqualTo(400);
          assertThat(send(client, "GET", exports() + "/exp-1-000000/files/all", null, ADMIN).code())
              .isEqualTo(400);
        });
  }

  private static void assertBad(HttpClient client, String body, String field) throws IOException {
    Response response = send(client, "POST", exports(), body, ADMIN);
    JsonNode problem = json(response);
    assertThat(response.code()).as(body + " -> " + problem).isEqualTo(400);
    assertThat(problem.get("parameter").asText()).as(problem.toString()).isEqualTo(field);
  }
}
