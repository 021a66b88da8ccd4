package io.opencdp.jobs.cli;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.opencdp.api.ApiServer;
import io.opencdp.api.testing.ElasticsearchExtension;
import io.opencdp.api.testing.EsTestCluster;
import io.opencdp.ingest.spark.DeltaTables;
import io.opencdp.ingest.spark.EventRows;
import io.opencdp.ingest.spark.EventsTable;
import io.opencdp.ingest.spark.TableLocations;
import io.opencdp.ingest.testing.SharedSpark;
import io.opencdp.jobs.index.IndexJob;
import io.opencdp.resolve.spark.ResolveMode;
import io.opencdp.resolve.spark.ResolveReport;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.config.ConfigLoader;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.event.Channel;
import io.opencdp.schemas.event.EventIds;
import io.opencdp.schemas.event.Identifier;
import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.event.TouchpointEvent;
import io.opencdp.schemas.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Overrides recorded through the real API (its queue documents, as it writes them) are applied by
 * the next resolve run: resolve and index a few hand-built events, POST a never-link and a split,
 * then run resolve as {@code cdp resolve} does. In order: each step starts from the previous one.
 */
@ExtendWith(ElasticsearchExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OverrideQueueSyncTest {
  private static final String WS = "ovrq";
  private static final String ADMIN_KEY = "cdp_demo_admin_key";
  private static final String ADMIN_SHA256 =
      "10dadcce254277d51459f949e329aac0ad971cb8cab86419ab78772c53c2b072";
  private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static SparkSession spark;
  private static Path work;
  private static CdpConfig config;
  private static TableLocations tables;
  private static String esUrl;
  private static ApiServer api;
  private static ResolveReport firstRun;
  private static Map<String, String> before;
  private static JsonNode neverLink;
  private static JsonNode split;

  @BeforeAll
  static void resolveIndexAndRecordOverrides(EsTestCluster es) throws Exception {
    spark = SharedSpark.session();
    work = SharedSpark.newTableDir("override-queue");
    config = configure("");
    tables = TableLocations.of(config);
    esUrl = es.url();
    append(
        event("ann-1", 0, id(IdentifierType.CUSTOMER_ID, "C1"), email("ann@mail.test")),
        event("ann-2", 1, email("ann@mail.test"), id(IdentifierType.PHONE, "+15550100041")),
        event("ann-3", 2, id(IdentifierType.PHONE, "+15550100041"), device("ann-dev")),
        event("dan-1", 10, id(IdentifierType.CUSTOMER_ID, "C7"), email("dan@mail.test")),
        event("dan-2", 11, email("dan@mail.test"), device("dan-dev")));
    // the first run cannot reach Elasticsearch: it warns and resolves without the queue
    firstRun = ResolveCommand.run(spark, config, ResolveMode.INCREMENTAL, sync(down()));
    before = eventProfiles();
    new IndexJob(spark, config, esUrl).run();

    api = ApiServer.create(config.api().withPort(0), WS, esUrl).start();
    neverLink =
        post(
            "/v1/identity/never-link",
            "{\"left\": {\"type\": \"email\", \"value\": \"ann@mail.test\"},"
                + " \"right\": {\"type\": \"phone\", \"value\": \"+15550100041\"},"
                + " \"reason\": \"two people share this phone\"}");
    split =
        post(
            "/v1/profiles/" + before.get("dan-1") + "/split",
            "{\"identifiers\": [{\"type\": \"device_id\", \"value\": \"dan-dev\"}],"
                + " \"reason\": \"a tablet sold on\"}");
  }

  @AfterAll
  static void stopApi() {
    if (api != null) {
      api.stop();
    }
  }

  @Test
  @Order(1)
  void theNextResolveRunAppliesTheQueuedOverridesAndSplitsTheProfiles() throws IOException {
    assertThat(queue()).allMatch(d -> "pending".equals(d.path("status").asText())).hasSize(2);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    ResolveReport report;
    try {
      report = ResolveCommand.run(spark, config, ResolveMode.INCREMENTAL, sync(esUrl));
    } finally {
      System.setOut(original);
    }
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("applied 2 identity override(s) recorded through the API");

    Map<String, Row> rows = overrideRows();
    assertThat(rows).hasSize(2);
    Row never = rows.get(neverLink.path("override_id").asText());
    assertThat((String) never.getAs("kind")).isEqualTo("never_link");
    assertThat((String) never.getAs("left_type")).isEqualTo("email");
    assertThat((String) never.getAs("left_value")).isEqualTo("ann@mail.test");
    assertThat((String) never.getAs("right_type")).isEqualTo("phone");
    assertThat((String) never.getAs("right_value")).isEqualTo("+15550100041");
    assertThat((String) never.getAs("profile_id")).isNull();
    assertThat(never.<Row>getList(never.fieldIndex("moved"))).isEmpty();
    assertThat((String) never.getAs("created_by")).isEqualTo("ops");
    assertThat((String) never.getAs("reason")).isEqualTo("two people share this phone");
    assertThat((Boolean) never.getAs("active")).isTrue();
    assertThat(instant(never.getAs("created_at")))
        .isEqualTo(
            Instant.parse(neverLink.path("created_at").asText())
                .truncatedTo(java.time.temporal.ChronoUnit.MICROS));

    Row forced = rows.get(split.path("override_id").asText());
    assertThat((String) forced.getAs("kind")).isEqualTo("force_split");
    assertThat((String) forced.getAs("profile_id")).isEqualTo(before.get("dan-1"));
    assertThat(identifiers(forced, "moved")).containsExactly("device_id:dan-dev");
    assertThat(identifiers(forced, "kept"))
        .containsExactlyInAnyOrder("customer_id:C7", "email:dan@mail.test");
    assertThat((String) forced.getAs("left_type")).isNull();

    assertThat(queue())
        .hasSize(2)
        .allSatisfy(
            d -> {
              assertThat(d.path("status").asText()).isEqualTo("applied");
              assertThat(d.path("applied_run_id").asText()).isEqualTo(report.runId());
              assertThat(d.path("applied_at").asText()).isNotBlank();
            });

    Map<String, String> after = eventProfiles();
    assertThat(after.get("ann-1")).isEqualTo(before.get("ann-1"));
    assertThat(after.get("ann-3")).isNotEqualTo(before.get("ann-1"));
    assertThat(after.get("dan-1")).isEqualTo(before.get("dan-1"));
    List<String> rules =
        table("identity_link_audit").select("rule").distinct().collectAsList().stream()
            .map(r -> r.getString(0))
            .toList();
    assertThat(rules).contains("never_link_override", "split_override");
    String danDevice =
        table("identity_map")
            .where(col("identifier_value").equalTo("dan-dev"))
            .first()
            .getAs("profile_id");
    assertThat(danDevice).isNotEqualTo(before.get("dan-1"));
  }

  @Test
  @Order(2)
  void aSecondSyncAddsNothingAndAnUnmarkedDocumentIsNotAppendedTwice() throws IOException {
    assertThat(sync(esUrl).run(spark, "resolve-test-again"))
        .isEqualTo(new OverrideQueueSync.Result(true, 0, 0, 0));

    // as if a run stopped after appending to Delta and before marking the document
    String id = split.path("override_id").asText();
    es(
        "POST",
        "/cdp-" + WS + "-overrides/_update/" + id + "?refresh=wait_for",
        "{\"doc\": {\"status\": \"pending\"}}");
    assertThat(sync(esUrl).run(spark, "resolve-test-rerun"))
        .isEqualTo(new OverrideQueueSync.Result(true, 1, 0, 0));
    assertThat(overrideRows()).hasSize(2);
    assertThat(queue())
        .filteredOn(d -> d.path("override_id").asText().equals(id))
        .singleElement()
        .satisfies(
            d -> assertThat(d.path("applied_run_id").asText()).isEqualTo("resolve-test-rerun"));
  }

  @Test
  @Order(3)
  void whenElasticsearchIsDownTheRunWarnsAndResolvesWithoutTheQueue() throws IOException {
    assertThat(sync(down()).run(spark, "resolve-test-down"))
        .isEqualTo(OverrideQueueSync.Result.UNREACHABLE);
    assertThat(firstRun.profiles()).isEqualTo(2);
    assertThat(before).hasSize(5);
  }

  @Test
  @Order(4)
  void whenTheQueueIsRequiredAnUnreachableElasticsearchFailsTheRun() throws IOException {
    CdpConfig required = configure("resolve:\n  require_override_queue: true\n");
    String down = down();
    assertThatThrownBy(() -> new OverrideQueueSync(required, down).run(spark, "resolve-test-x"))
        .isInstanceOf(CdpException.class)
        .satisfies(
            e ->
                assertThat(((CdpException) e).code())
                    .isEqualTo(ErrorCode.ELASTICSEARCH_UNAVAILABLE))
        .hasMessageContaining("resolve.require_override_queue is true");
  }

  private static OverrideQueueSync sync(String url) {
    return new OverrideQueueSync(config, url);
  }

  private static CdpConfig configure(String extra) throws IOException {
    Path file =
        Files.writeString(
            work.resolve("cdp-" + extra.hashCode() + ".yaml"),
            "workspace: "
                + WS
                + "\napi:\n  keys:\n    - {id: ops, sha256: \""
                + ADMIN_SHA256
                + "\", role: admin, workspace: "
                + WS
                + "}\n"
                + extra);
    return ConfigLoader.load(file).withWorkDir(work);
  }

  private static JsonNode post(String path, String body) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(api.url() + path))
                .header("Authorization", "Bearer " + ADMIN_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return Json.mapper().readTree(response.body());
  }

  /** Every document of the queue, as stored. */
  private static List<JsonNode> queue() throws IOException {
    JsonNode hits =
        es("POST", "/cdp-" + WS + "-overrides/_search", "{\"size\": 100}")
            .path("hits")
            .path("hits");
    List<JsonNode> docs = new ArrayList<>();
    hits.forEach(h -> docs.add(h.path("_source")));
    return docs;
  }

  private static JsonNode es(String method, String path, String body) throws IOException {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(esUrl + path))
                  .header("Content-Type", "application/json")
                  .method(method, HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isLessThan(300);
      return Json.mapper().readTree(response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static Map<String, Row> overrideRows() {
    Map<String, Row> rows = new TreeMap<>();
    String location = tables.table("identity_overrides");
    if (DeltaTables.exists(spark, location)) {
      table("identity_overrides").collectAsList().forEach(r -> rows.put(r.getAs("override_id"), r));
    }
    return rows;
  }

  private static Instant instant(Object value) {
    return value instanceof java.sql.Timestamp t ? t.toInstant() : (Instant) value;
  }

  private static List<String> identifiers(Row row, String field) {
    return row.<Row>getList(row.fieldIndex(field)).stream()
        .map(i -> i.getString(0) + ":" + i.getString(1))
        .toList();
  }

  /** source key -> profile id. */
  private static Map<String, String> eventProfiles() {
    Map<String, String> byKey = new TreeMap<>();
    List<Row> rows = table("event_profiles").collectAsList();
    for (String key : List.of("ann-1", "ann-2", "ann-3", "dan-1", "dan-2")) {
      String eventId = EventIds.derive(WS, "test", key);
      rows.stream()
          .filter(r -> eventId.equals(r.getAs("event_id")))
          .forEach(r -> byKey.put(key, r.getAs("profile_id")));
    }
    return byKey;
  }

  private static Dataset<Row> table(String name) {
    return spark.read().format("delta").load(tables.table(name));
  }

  private static void append(TouchpointEvent... events) {
    List<Row> rows = java.util.Arrays.stream(events).map(e -> EventRows.toRow(e, "t", T0)).toList();
    DeltaTables.createIfNotExists(
        spark, tables.events(), EventsTable.SCHEMA, EventsTable.PARTITION_COLUMNS);
    spark
        .createDataFrame(rows, EventsTable.SCHEMA)
        .write()
        .format("delta")
        .mode("append")
        .save(tables.events());
  }

  private static TouchpointEvent event(String key, int minutes, Identifier... ids) {
    var builder =
        TouchpointEvent.builder()
            .workspaceId(WS)
            .channel(Channel.WEB)
            .sourceSystem("test")
            .sourceKey(key)
            .eventType("identify")
            .occurredAt(T0.plusSeconds(60L * minutes))
            .receivedAt(T0.plusSeconds(60L * minutes));
    for (Identifier id : ids) {
      builder.identifier(id);
    }
    return builder.build();
  }

  private static Identifier id(IdentifierType type, String value) {
    return new Identifier(type, value, value, true);
  }

  private static Identifier email(String value) {
    return id(IdentifierType.EMAIL, value);
  }

  private static Identifier device(String value) {
    return id(IdentifierType.DEVICE_ID, value);
  }

  /** The URL of a port nothing listens on. */
  private static String down() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return "http://127.0.0.1:" + socket.getLocalPort();
    }
  }
}
