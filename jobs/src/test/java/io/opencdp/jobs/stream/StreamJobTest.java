package io.opencdp.jobs.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.api.ApiServer;
import io.opencdp.api.store.EsConnection;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.api.testing.ElasticsearchExtension;
import io.opencdp.api.testing.EsTestCluster;
import io.opencdp.ingest.connector.ReasonCodes;
import io.opencdp.jobs.testing.AgentGet;
import io.opencdp.jobs.testing.StreamTestConfig;
import io.opencdp.resolve.stream.StreamIdLog;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cdp stream --once} on a local mini-cluster against the test node: a few hand-made landing
 * files of three sources, one bad record among them.
 */
@ExtendWith(ElasticsearchExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StreamJobTest {
  private static final String WORKSPACE = "stream-job";
  private static final String EMAIL = "joseph.king2938@gmail.com";

  /** Identify (web) and a delivery (email) sharing an email; a screen (app) of someone else. */
  static final String WEB =
      """
      {"type":"identify","messageId":"web-1","anonymousId":"2383b11b-7f2d-4664-b3e3-547c20f0fe6e","userId":"C496303742","traits":{"email":"joseph.king2938@gmail.com","firstName":"Jeffrey","lastName":"King"},"timestamp":"2026-05-08T18:30:40.791Z","receivedAt":"2026-05-08T18:30:41.638Z","version":2}
      {"type":"page", "messageId": broken
      {"type":"page","messageId":"web-2","anonymousId":"2383b11b-7f2d-4664-b3e3-547c20f0fe6e","name":"Home","properties":{"path":"/"},"timestamp":"2026-05-08T18:30:37.791Z","receivedAt":"2026-05-08T18:30:38.638Z","version":2}
      """;

  /** Two more of the web visitor's pages. */
  static final String MORE_WEB =
      """
      {"type":"page","messageId":"web-3","anonymousId":"2383b11b-7f2d-4664-b3e3-547c20f0fe6e","name":"Cart","properties":{"path":"/cart"},"timestamp":"2026-05-09T09:00:00Z","receivedAt":"2026-05-09T09:00:01Z","version":2}
      {"type":"page","messageId":"web-4","anonymousId":"2383b11b-7f2d-4664-b3e3-547c20f0fe6e","name":"Checkout","properties":{"path":"/checkout"},"timestamp":"2026-05-09T09:01:00Z","receivedAt":"2026-05-09T09:01:01Z","version":2}
      """;

  /** An email, then a phone, then both on one event: two profiles, then one. */
  static final String JOINING =
      """
      {"type":"identify","messageId":"mia-1","anonymousId":"0c7d5e62-1f7b-4a57-9a3e-6c1d2b3a4f01","traits":{"email":"mia.stone@example.com"},"timestamp":"2026-07-01T10:00:00Z","receivedAt":"2026-07-01T10:00:01Z","version":2}
      {"type":"identify","messageId":"mia-2","anonymousId":"0c7d5e62-1f7b-4a57-9a3e-6c1d2b3a4f02","traits":{"phone":"(646) 228-8318"},"timestamp":"2026-07-01T11:00:00Z","receivedAt":"2026-07-01T11:00:01Z","version":2}
      {"type":"identify","messageId":"mia-3","anonymousId":"0c7d5e62-1f7b-4a57-9a3e-6c1d2b3a4f03","traits":{"email":"mia.stone@example.com","phone":"(646) 228-8318"},"timestamp":"2026-07-01T12:00:00Z","receivedAt":"2026-07-01T12:00:01Z","version":2}
      """;

  private static final String EMAIL_EVENTS =
      """
      {"email":"joseph.king2938@gmail.com","timestamp":1779298907,"event":"delivered","sg_event_id":"sg-1","sg_message_id":"msg-1","campaign_id":"cmp_1"}
      """;
  static final String APP =
      """
      {"type":"identify","messageId":"app-1","anonymousId":"f4d322bd-8a0f-4b89-a137-8d45cdda403b","userId":"C910155429","traits":{"email":"someone.else@example.com"},"timestamp":"2026-06-01T10:00:00Z","receivedAt":"2026-06-01T10:00:01Z","version":2}
      """;

  @TempDir static Path dir;
  private static CdpConfig config;
  private static EsConnection es;
  private static StoreIndices names;
  private static StreamReport first;

  @BeforeAll
  static void landFiles(EsTestCluster cluster) throws IOException {
    Path landing = dir.resolve("landing");
    write(landing.resolve("web/web-1.jsonl"), WEB);
    write(landing.resolve("email/sendgrid-1.jsonl"), EMAIL_EVENTS);
    write(landing.resolve("app/app-1.jsonl"), APP);
    write(landing.resolve("app/_incoming.jsonl"), "half a line");
    config =
        StreamTestConfig.write(
            dir,
            WORKSPACE,
            landing,
            "stream:\n  state_backend: hashmap\n  checkpoint_interval_millis: 500\n"
                // the demo agent key, in this test's workspace
                + "api:\n"
                + StreamTestConfig.demoAgentKey(WORKSPACE));
    es = EsConnection.open(cluster.url(), 30_000);
    names = new StoreIndices(WORKSPACE);
  }

  @AfterAll
  static void close() {
    if (es != null) {
      es.close();
    }
  }

  @Test
  @Order(1)
  void writesProfilesAndEventsOfTheLandedFiles() throws Exception {
    first = new StreamJob(config, es.url()).once(true).run();

    assertThat(first.files()).isEqualTo(3);
    assertThat(first.events()).isEqualTo(4);
    Map<String, String> profileOfEvent = eventProfiles();
    assertThat(profileOfEvent).hasSize(4);
    assertThat(profileDocs().keySet())
        .containsExactlyInAnyOrderElementsOf(Set.copyOf(profileOfEvent.values()));
  }

  @Test
  @Order(2)
  void eventsSharingAnEmailGetOneProfile() throws IOException {
    Map<String, String> profileOfEvent = eventProfiles();
    String web = idOfEventFrom("web-1");
    String email = idOfEventFrom("sg-1");

    assertThat(profileOfEvent.get(web)).isEqualTo(profileOfEvent.get(email));
    assertThat(profileOfEvent.get(idOfEventFrom("app-1"))).isNotEqualTo(profileOfEvent.get(web));
    ObjectNode profile = profileDocs().get(profileOfEvent.get(web)).source();
    assertThat(profile.get("identifiers").get("email").toString()).contains(EMAIL);
  }

  @Test
  @Order(3)
  void theIdentifiersEachProfileGotAreCommittedForTheBatch() throws IOException {
    Map<String, String> profileOfIdentifier = new HashMap<>();
    Path ids = StreamIdLog.directory(config.workDir());
    try (Stream<Path> files = Files.list(ids)) {
      for (Path file : files.filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
        for (String line : Files.readAllLines(file)) {
          JsonNode row = Json.mapper().readTree(line);
          assertThat(row.get(StreamIdLog.WORKSPACE_ID).asText()).isEqualTo(WORKSPACE);
          profileOfIdentifier.put(
              row.get(StreamIdLog.IDENTIFIER_TYPE).asText()
                  + ":"
                  + row.get(StreamIdLog.IDENTIFIER_VALUE).asText(),
              row.get(StreamIdLog.PROFILE_ID).asText());
        }
      }
    }
    String web = eventProfiles().get(idOfEventFrom("web-1"));
    assertThat(profileOfIdentifier).containsEntry("email:" + EMAIL, web);
    assertThat(profileOfIdentifier).containsEntry("customer_id:C496303742", web);
    assertThat(Set.copyOf(profileOfIdentifier.values()))
        .isEqualTo(Set.copyOf(eventProfiles().values()));
  }

  @Test
  @Order(3)
  void aBadRecordIsACountedDeadLetterWithTheBatchReasonCode() {
    assertThat(first.deadLetters()).isEqualTo(1);
    assertThat(first.deadLettersByReason()).containsOnly(entry(ReasonCodes.JSON_MALFORMED, 1L));
  }

  @Test
  @Order(4)
  void runningAgainWithFreshStateWritesNoDuplicateAndTheSameProfiles() throws Exception {
    // a finished --once run leaves no checkpoint: this run starts from fresh state, so its sequence
    // starts above the first run's and it writes every document again, with the same content
    Map<String, Long> profileVersions = versions(names.profilesAlias());
    Map<String, String> profileOfEvent = eventProfiles();

    new StreamJob(config, es.url()).once(true).run();

    assertThat(eventProfiles()).isEqualTo(profileOfEvent);
    Map<String, Long> again = versions(names.profilesAlias());
    assertThat(again.keySet()).isEqualTo(profileVersions.keySet());
    again.forEach((id, v) -> assertThat(v).as(id).isGreaterThan(profileVersions.get(id)));
  }

  @Test
  @Order(5)
  void aProfileRewriteKeepsTheSegmentsOfTheStoredDocument() throws Exception {
    String profileId = eventProfiles().get(idOfEventFrom("web-1"));
    es.client()
        .update(
            u ->
                u.index(names.profilesAlias())
                    .id(profileId)
                    .doc(Map.of("segments", List.of("vip"))),
            ObjectNode.class);
    long before = versions(names.profilesAlias()).get(profileId);
    write(dir.resolve("landing/web/web-2.jsonl"), MORE_WEB);

    StreamReport report = new StreamJob(config, es.url()).once(true).run();

    assertThat(report.files()).isEqualTo(4);
    assertThat(eventProfiles().get(idOfEventFrom("web-3"))).isEqualTo(profileId);
    Hit<ObjectNode> profile = profileDocs().get(profileId);
    assertThat(profile.version()).isGreaterThan(before);
    assertThat(profile.source().get("segments").toString()).isEqualTo("[\"vip\"]");
  }

  @Test
  @Order(6)
  void anEventJoiningTwoProfilesMergesThemAndDeletesTheAliasDocument() throws Exception {
    write(dir.resolve("landing/web/web-3.jsonl"), JOINING);

    new StreamJob(config, es.url()).once(true).run();

    Map<String, String> profileOfEvent = eventProfiles();
    String survivor = profileOfEvent.get(idOfEventFrom("mia-3"));
    assertThat(profileOfEvent.get(idOfEventFrom("mia-1"))).isEqualTo(survivor);
    assertThat(profileOfEvent.get(idOfEventFrom("mia-2"))).isEqualTo(survivor);
    Map<String, Hit<ObjectNode>> profiles = profileDocs();
    List<String> mergedFrom = new ArrayList<>();
    profiles.get(survivor).source().get("merged_from").forEach(id -> mergedFrom.add(id.asText()));
    assertThat(mergedFrom).hasSize(1);
    assertThat(profiles).doesNotContainKey(mergedFrom.get(0));
    assertThat(profiles.keySet())
        .containsExactlyInAnyOrderElementsOf(Set.copyOf(profileOfEvent.values()));

    // what an agent sees: the merged id answers the survivor, which lists it, with all three events
    try (ApiServer api =
        ApiServer.create(config.api().withPort(0), config.workspace(), es.url()).start()) {
      JsonNode byAlias = AgentGet.json(api, "/v1/profiles/" + mergedFrom.get(0));
      assertThat(byAlias.path("profile_id").asText()).isEqualTo(survivor);
      assertThat(byAlias.path("merged_from").toString()).contains(mergedFrom.get(0));
      JsonNode timeline =
          AgentGet.json(api, "/v1/profiles/" + mergedFrom.get(0) + "/events?limit=10");
      assertThat(timeline.path("events").size()).isEqualTo(3);
    }
  }

  @Test
  void aLandingRootWithoutSourceDirectoriesIsAnErrorNamingTheKey() throws IOException {
    CdpConfig empty =
        config.withIngest(config.ingest().withLandingRoot(dir.resolve("nothing").toString()));

    assertThatThrownBy(() -> new StreamJob(empty, es.url()).once(true).run())
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("ingest.landing_root")
        .extracting(e -> ((CdpException) e).code())
        .isEqualTo(ErrorCode.INPUT_NOT_FOUND);
  }

  private static Map<String, String> eventProfiles() throws IOException {
    return search(names.eventsAlias()).stream()
        .collect(
            Collectors.toMap(
                Hit::id, h -> h.source().get("profile_id").asText(), (a, b) -> a, TreeMap::new));
  }

  private static Map<String, Hit<ObjectNode>> profileDocs() throws IOException {
    return search(names.profilesAlias()).stream()
        .collect(Collectors.toMap(Hit::id, h -> h, (a, b) -> a, TreeMap::new));
  }

  private static Map<String, Long> versions(String alias) throws IOException {
    return search(alias).stream()
        .collect(Collectors.toMap(Hit::id, Hit::version, (a, b) -> a, TreeMap::new));
  }

  /** The event id the connector gave the record with this source id (message or sg event id). */
  private static String idOfEventFrom(String sourceId) throws IOException {
    return search(names.eventsAlias()).stream()
        .filter(h -> h.source().get("event").toString().contains("\"" + sourceId + "\""))
        .map(Hit::id)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no event document from " + sourceId));
  }

  private static List<Hit<ObjectNode>> search(String alias) throws IOException {
    es.client().indices().refresh(r -> r.index(alias));
    return es.client()
        .search(s -> s.index(alias).size(100).version(true), ObjectNode.class)
        .hits()
        .hits();
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
