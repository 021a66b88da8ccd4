package io.opencdp.jobs.index;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.opencdp.api.ApiServer;
import io.opencdp.api.testing.ElasticsearchExtension;
import io.opencdp.api.testing.EsTestCluster;
import io.opencdp.ingest.spark.EventRows;
import io.opencdp.ingest.spark.EventsTable;
import io.opencdp.ingest.spark.TableLocations;
import io.opencdp.ingest.testing.SharedSpark;
import io.opencdp.jobs.testing.AgentGet;
import io.opencdp.jobs.testing.IndexedSample;
import io.opencdp.resolve.spark.ResolveJob;
import io.opencdp.resolve.spark.ResolveMode;
import io.opencdp.resolve.spark.profile.ProfileBuilder;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.event.Channel;
import io.opencdp.schemas.event.EventIds;
import io.opencdp.schemas.event.Identifier;
import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.event.TouchpointEvent;
import io.opencdp.schemas.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code cdp index} over a private copy of the shared resolved sample, against a real node: a full
 * rebuild, then an incremental run after a new event merges two profiles. In order: each step
 * starts from the previous one's index. (A second full rebuild under a reader hammering the alias
 * is SegmentRefreshJobTest's: it runs one on the same sample anyway.)
 */
@ExtendWith(ElasticsearchExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IndexJobTest {
  private static SparkSession spark;
  private static CdpConfig config;
  private static TableLocations tables;
  private static String esUrl;
  private static IndexReport full;
  private static String mergedAlias;
  private static String mergedSurvivor;
  private static String linkedProfile;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void copyTheIndexedSample(EsTestCluster es) throws IOException {
    spark = SharedSpark.session();
    esUrl = es.url();
    // the first run of the shared indexed sample (an incremental run with no previous one, in this
    // JVM's first caller of it), with the node as that run left it
    IndexedSample.Copy copy = IndexedSample.privateCopy("index-job", esUrl);
    config = copy.config();
    full = copy.full();
    tables = TableLocations.of(config);
  }

  @Test
  @Order(1)
  void aFullRunIndexesEveryProfileIdentityAndEvent() throws IOException {

    assertThat(full.mode()).isEqualTo(IndexMode.FULL);
    assertThat(full.countsMatch()).isTrue();
    assertThat(full.deltaProfiles()).isGreaterThan(1000).isEqualTo(full.profilesWritten());
    assertThat(full.esEvents()).isEqualTo(table("event_profiles").count()).isGreaterThan(10_000);
    assertThat(full.profilesPerSecond()).isPositive();
    System.out.printf(
        "full index of the sample: %d profiles at %.0f profiles/s, %d events, %.1f s%n",
        full.profilesWritten(),
        full.profilesPerSecond(),
        full.eventsWritten(),
        full.elapsed().toMillis() / 1000.0);

    Row rich =
        table("profiles")
            .where(
                col("first_name")
                    .isNotNull()
                    .and(col("address").isNotNull())
                    .and(col("traits.order_count").gt(0))
                    .and(org.apache.spark.sql.functions.size(col("phones")).gt(0)))
            .orderBy("profile_id")
            .first();
    String id = rich.getAs("profile_id");
    JsonNode profile = doc("cdp-default-profiles", id);
    assertThat(profile.path("profile_id").asText()).isEqualTo(id);
    assertThat(profile.path("first_name").path("value").asText())
        .isEqualTo(rich.<Row>getAs("first_name").getAs("value"));
    assertThat(profile.path("search").path("name").asText()).isNotBlank();
    assertThat(profile.path("search").path("phone_digits").isArray()).isTrue();
    assertThat(profile.path("identifiers").path("phone").get(0).asText()).startsWith("+");
    assertThat(
            profile.path("traits").path("total_spend").path("amount").isBigDecimal()
                || profile.path("traits").path("total_spend").path("amount").isNumber())
        .isTrue();
    assertThat(profile.path("traits").path("total_spend").path("amount").decimalValue())
        .isEqualByComparingTo(
            rich.<Row>getAs("traits")
                .<Row>getAs("total_spend")
                .<java.math.BigDecimal>getAs("amount"));
    assertThat(profile.path("as_of").asText()).endsWith("Z").startsWith("2026-11-01T00:00:00");
    assertThat(profile.path("merged_from").isArray()).isTrue();
    assertThat(profile.path("delta_version").isNumber()).isTrue();
    if (rich.getAs("birth_date") != null) {
      assertThat(profile.path("birth_date_value").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
    }

    JsonNode identity = doc("cdp-default-identity", id);
    assertThat(identity.path("identifiers").size()).isPositive();
    assertThat(identity.path("identifiers").get(0).has("type")).isTrue();
    assertThat(identity.path("links").isArray()).isTrue();
    assertThat(identity.path("links_truncated").asBoolean()).isFalse();
    assertThat(identity.path("merges").isArray()).isTrue();
    assertThat(identity.path("overrides").isArray()).isTrue();
    assertThat(identity.path("dropped_links").isArray()).isTrue();
    assertThat(identity.path("probabilistic_links").isArray()).isTrue();
    aProfileJoinedByAProbabilisticLinkListsItWithItsEvidence();

    String eventId =
        table("event_profiles").where(col("profile_id").equalTo(id)).first().getAs("event_id");
    JsonNode event =
        search("cdp-default-events", "{\"query\": {\"ids\": {\"values\": [\"" + eventId + "\"]}}}")
            .path("hits")
            .path("hits")
            .get(0);
    assertThat(event.path("_index").asText()).startsWith("cdp-default-events-2026.");
    JsonNode source = event.path("_source");
    assertThat(source.path("profile_id").asText()).isEqualTo(id);
    assertThat(source.path("event").path("event_id").asText()).isEqualTo(eventId);
    assertThat(source.path("occurred_at").asText()).endsWith("Z");
  }

  /** The sample is resolved with probabilistic matching on: its links are in the documents. */
  private static void aProfileJoinedByAProbabilisticLinkListsItWithItsEvidence()
      throws IOException {
    Row accepted =
        table("match_links")
            .where(col("accepted"))
            .orderBy(col("probability").desc(), col("left_event_id"))
            .first();
    linkedProfile = profileOf(accepted.getAs("left_event_id"));
    assertThat(profileOf(accepted.getAs("right_event_id"))).isEqualTo(linkedProfile);
    JsonNode link =
        probabilisticLink(
            linkedProfile, accepted.getAs("left_event_id"), accepted.getAs("right_event_id"));
    assertThat(link.path("accepted").asBoolean()).isTrue();
    assertThat(link.path("probability").asDouble())
        .isCloseTo(accepted.<Double>getAs("probability"), within(1e-9));
    assertThat(link.path("weight").asDouble())
        .isCloseTo(accepted.<Double>getAs("weight"), within(1e-9));
    assertThat(link.has("other_profile_id")).as("both events are in this profile").isFalse();
    assertThat(link.path("comparisons").path("given_name").asText())
        .matches("exact|jaro_winkler>=[0-9.]+");
    assertThat(link.path("comparisons").path("family_name").asText())
        .matches("exact|jaro_winkler>=[0-9.]+");
    assertThat(link.path("comparisons").size()).isGreaterThanOrEqualTo(10);

    // a refused link between two placed events (a named event no identifier placed has no profile)
    Dataset<Row> eventProfiles = table("event_profiles");
    Row refused =
        table("match_links")
            .where(col("accepted").equalTo(false))
            .join(
                eventProfiles.select(col("event_id").as("le"), col("profile_id").as("lp")),
                col("left_event_id").equalTo(col("le")))
            .join(
                eventProfiles.select(col("event_id").as("re"), col("profile_id").as("rp")),
                col("right_event_id").equalTo(col("re")))
            .orderBy(col("probability").desc(), col("left_event_id"), col("right_event_id"))
            .first();
    String left = refused.getAs("lp");
    String right = refused.getAs("rp");
    JsonNode seen =
        probabilisticLink(right, refused.getAs("left_event_id"), refused.getAs("right_event_id"));
    assertThat(seen.path("accepted").asBoolean()).isFalse();
    assertThat(seen.path("rule").asText()).isEqualTo(refused.<String>getAs("rule"));
    assertThat(seen.path("detail").asText()).isEqualTo(refused.<String>getAs("detail"));
    if (!left.equals(right)) {
      assertThat(seen.path("other_profile_id").asText()).isEqualTo(left);
    }
  }

  private static String profileOf(String eventId) {
    return table("event_profiles")
        .where(col("event_id").equalTo(eventId))
        .first()
        .getAs("profile_id");
  }

  private static JsonNode probabilisticLink(String profileId, String leftEvent, String rightEvent)
      throws IOException {
    JsonNode links = doc("cdp-default-identity", profileId).path("probabilistic_links");
    for (JsonNode l : links) {
      if (l.path("left_event_id").asText().equals(leftEvent)
          && l.path("right_event_id").asText().equals(rightEvent)) {
        return l;
      }
    }
    throw new AssertionError(
        profileId + " lists no link of " + leftEvent + " and " + rightEvent + ": " + links);
  }

  @Test
  @Order(3)
  void anIncrementalRunDeletesMergedAwayProfilesAndMovesTheirEvents() throws Exception {
    IndexReport nothing = job().run(IndexMode.INCREMENTAL);
    assertThat(nothing.mode()).isEqualTo(IndexMode.INCREMENTAL);
    assertThat(nothing.profilesWritten()).isZero();
    assertThat(nothing.eventsWritten()).isZero();

    // a profile with a customer id, and one without, linked by a new CRM-like event carrying both
    Dataset<Row> ids = table("identity_map").where(col("shared").equalTo(false));
    Dataset<Row> withCustomer =
        ids.where(col("identifier_type").equalTo("customer_id")).select("profile_id").distinct();
    Row survivorId =
        ids.where(col("identifier_type").equalTo("customer_id")).orderBy("profile_id").first();
    Row aliasEmail =
        ids.where(col("identifier_type").equalTo("email"))
            .join(withCustomer, "profile_id", "left_anti")
            .orderBy("profile_id")
            .first();
    String survivor = survivorId.getAs("profile_id");
    String alias = aliasEmail.getAs("profile_id");
    mergedSurvivor = survivor;
    mergedAlias = alias;
    List<String> aliasEvents =
        table("event_profiles").where(col("profile_id").equalTo(alias)).collectAsList().stream()
            .map(r -> r.<String>getAs("event_id"))
            .toList();
    appendEvent(survivorId.getAs("identifier_value"), aliasEmail.getAs("identifier_value"));
    new ResolveJob(spark, config).run(ResolveMode.INCREMENTAL);
    new ProfileBuilder(spark, config).run();
    assertThat(
            table("profile_merges")
                .where(col("alias_profile_id").equalTo(alias))
                .select("surviving_profile_id")
                .first()
                .getString(0))
        .isEqualTo(survivor);

    IndexReport incremental = job().run(IndexMode.INCREMENTAL);

    assertThat(incremental.mode()).isEqualTo(IndexMode.INCREMENTAL);
    assertThat(incremental.countsMatch()).isTrue();
    assertThat(incremental.profilesWritten()).isPositive().isLessThan(full.deltaProfiles() / 10);
    assertThat(get("/cdp-default-profiles/_doc/" + alias).statusCode()).isEqualTo(404);
    assertThat(get("/cdp-default-identity/_doc/" + alias).statusCode()).isEqualTo(404);
    JsonNode merged = doc("cdp-default-profiles", survivor);
    assertThat(merged.path("merged_from").toString()).contains(alias);
    assertThat(doc("cdp-default-identity", survivor).path("merges").toString()).contains(alias);
    JsonNode moved =
        search(
            "cdp-default-events",
            "{\"size\": 1000, \"query\": {\"ids\": {\"values\": "
                + Json.mapper().writeValueAsString(aliasEvents)
                + "}}}");
    assertThat(moved.path("hits").path("total").path("value").asInt())
        .isEqualTo(aliasEvents.size());
    for (JsonNode hit : moved.path("hits").path("hits")) {
      assertThat(hit.path("_source").path("profile_id").asText()).isEqualTo(survivor);
    }
  }

  @Test
  @Order(4)
  void theApiServesWhatTheIndexerWrote() throws Exception {
    Row withPhone =
        table("identity_map")
            .where(col("identifier_type").equalTo("phone").and(col("shared").equalTo(false)))
            .orderBy("identifier_value")
            .first();
    String phone = withPhone.getAs("identifier_value");
    try (ApiServer api =
        ApiServer.create(config.api().withPort(0), config.workspace(), esUrl).start()) {
      JsonNode aliased = AgentGet.json(api, "/v1/profiles/" + mergedAlias);
      assertThat(aliased.path("profile_id").asText()).isEqualTo(mergedSurvivor);
      assertThat(aliased.path("merged_from").toString()).contains(mergedAlias);

      JsonNode byPhone = AgentGet.json(api, "/v1/profiles?phone=" + phone.replace("+", "%2B"));
      assertThat(byPhone.path("profiles").get(0).path("profile_id").asText())
          .isEqualTo(withPhone.<String>getAs("profile_id"));

      JsonNode timeline =
          AgentGet.json(api, "/v1/profiles/" + mergedSurvivor + "/events?limit=100");
      assertThat(timeline.path("events").size()).isPositive();
      assertThat(timeline.path("events").get(0).path("profile_id").asText())
          .isEqualTo(mergedSurvivor);

      JsonNode identity = AgentGet.json(api, "/v1/profiles/" + mergedSurvivor + "/identity");
      assertThat(identity.path("merges").toString()).contains(mergedAlias);
      assertThat(identity.path("links").size()).isPositive();

      JsonNode linked = AgentGet.json(api, "/v1/profiles/" + linkedProfile + "/identity");
      assertThat(linked.path("probabilistic_links").size()).isPositive();
      assertThat(linked.path("probabilistic_links").get(0).path("probability").asDouble())
          .isGreaterThanOrEqualTo(0.99);
      assertThat(linked.path("probabilistic_links").get(0).path("comparisons").isObject()).isTrue();
    }
  }

  /**
   * The access export of the merged survivor (a person with a merge, events of two former profiles,
   * several identifiers) holds exactly what the Delta tables hold on them: every event of {@code
   * event_profiles} with the identifiers of its {@code events} row, every {@code identity_map} row,
   * the {@code profiles} row and every {@code profile_merges} row naming them as survivor. (Segment
   * memberships: SegmentRefreshJobTest.)
   */
  @Test
  @Order(5)
  void theAccessExportHoldsWhatTheTablesHoldOnThePerson() throws Exception {
    JsonNode export;
    try (ApiServer api =
        ApiServer.create(config.api().withPort(0), config.workspace(), esUrl).start()) {
      export = AgentGet.asAdmin(api, "/v1/profiles/" + mergedAlias + "/export");
    }
    String id = mergedSurvivor;
    assertThat(export.path("profile_id").asText()).isEqualTo(id);

    Map<String, java.util.Set<String>> deltaEvents = new java.util.TreeMap<>();
    for (Row row :
        table("event_profiles")
            .where(col("profile_id").equalTo(id))
            .join(table("events"), "event_id")
            .select("event_id", "identifiers")
            .collectAsList()) {
      deltaEvents.put(row.getAs("event_id"), identifiers(row.getList(1)));
    }
    Map<String, java.util.Set<String>> exported = new java.util.TreeMap<>();
    for (JsonNode event : export.path("events")) {
      java.util.Set<String> ids = new java.util.TreeSet<>();
      event
          .path("event")
          .path("identifiers")
          .forEach(
              i -> ids.add(i.path("type").asText() + ":" + i.path("normalized").asText("null")));
      exported.put(event.path("event_id").asText(), ids);
    }
    assertThat(deltaEvents).hasSizeGreaterThan(1);
    assertThat(exported).isEqualTo(deltaEvents);
    assertThat(export.path("event_count").asInt()).isEqualTo(deltaEvents.size());

    java.util.Set<String> identityMap = new java.util.TreeSet<>();
    table("identity_map")
        .where(col("profile_id").equalTo(id))
        .collectAsList()
        .forEach(
            r -> identityMap.add(r.getAs("identifier_type") + ":" + r.getAs("identifier_value")));
    java.util.Set<String> identifiers = new java.util.TreeSet<>();
    export
        .path("identifiers")
        .forEach(i -> identifiers.add(i.path("type").asText() + ":" + i.path("value").asText()));
    assertThat(identifiers).isNotEmpty().isEqualTo(identityMap);

    Row profile = table("profiles").where(col("profile_id").equalTo(id)).first();
    assertThat(export.at("/profile/profile_id").asText()).isEqualTo(id);
    java.util.Set<String> emails = new java.util.TreeSet<>();
    profile.<Row>getList(profile.fieldIndex("emails")).forEach(e -> emails.add(e.getAs("value")));
    assertThat(export.at("/profile/emails").findValuesAsText("value"))
        .containsExactlyInAnyOrderElementsOf(emails);
    assertThat(export.at("/profile/consent").size())
        .isEqualTo(profile.getList(profile.fieldIndex("consent")).size());

    List<String> aliases =
        table("profile_merges")
            .where(col("surviving_profile_id").equalTo(id))
            .collectAsList()
            .stream()
            .map(r -> r.<String>getAs("alias_profile_id"))
            .toList();
    assertThat(aliases).contains(mergedAlias);
    assertThat(export.at("/merges/records").findValuesAsText("alias_profile_id"))
        .containsExactlyInAnyOrderElementsOf(aliases);
    assertThat(export.at("/merges/merged_from").toString()).contains(mergedAlias);
    assertThat(export.path("segments").size()).isZero(); // no segment_membership table here
  }

  private static java.util.Set<String> identifiers(List<Row> rows) {
    java.util.Set<String> ids = new java.util.TreeSet<>();
    rows.forEach(r -> ids.add(r.getAs("type") + ":" + r.getAs("normalized")));
    return ids;
  }

  @Test
  @Order(6)
  void aRetentionDropsOlderMonthsAndEvents() throws Exception {
    Instant cutoff = Instant.parse("2026-09-15T00:00:00Z");
    long days = Math.max(1, java.time.Duration.between(cutoff, Instant.now()).toDays());
    CdpConfig retained = config.withIndex(config.index().withEventsRetentionDays((int) days));
    Instant effective = Instant.now().minus(java.time.Duration.ofDays(days));

    IndexReport report =
        new IndexJob(spark, retained, esUrl)
            .progress(System.out::println)
            .run(IndexMode.INCREMENTAL);

    assertThat(report.countsMatch()).isTrue();
    assertThat(report.esEvents()).isPositive().isLessThan(full.esEvents());
    JsonNode older =
        search(
            "cdp-default-events",
            "{\"size\": 0, \"track_total_hits\": true, \"query\": {\"range\": {\"occurred_at\": {\"lt\": \""
                + effective
                + "\"}}}}");
    assertThat(older.path("hits").path("total").path("value").asLong()).isZero();
    assertThat(get("/cdp-default-events-2026.05").statusCode()).isEqualTo(404);
    assertThat(get("/cdp-default-events-2026.10").statusCode()).isEqualTo(200);
  }

  private static IndexJob job() {
    return new IndexJob(spark, config, esUrl)
        .progress(line -> System.out.println("index: " + line));
  }

  private static void appendEvent(String customerId, String email) {
    Instant at = Instant.parse("2026-10-30T12:00:00Z");
    String key = "index-test-merge";
    TouchpointEvent event =
        new TouchpointEvent(
            TouchpointEvent.CURRENT_SCHEMA_VERSION,
            config.workspace(),
            EventIds.derive(config.workspace(), "crm", key),
            Channel.CRM,
            "crm",
            key,
            null,
            "customer_record",
            null,
            at,
            at,
            List.of(
                new Identifier(IdentifierType.CUSTOMER_ID, customerId, customerId, true),
                new Identifier(IdentifierType.EMAIL, email, email, true)),
            null,
            null,
            List.of(),
            Map.of(),
            null);
    spark
        .createDataFrame(List.of(EventRows.toRow(event, "index-test", at)), EventsTable.SCHEMA)
        .write()
        .format("delta")
        .mode("append")
        .save(tables.events());
  }

  private static Dataset<Row> table(String name) {
    return spark.read().format("delta").load(tables.table(name));
  }

  private static JsonNode doc(String alias, String id) throws IOException {
    HttpResponse<String> response = get("/" + alias + "/_doc/" + id);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Json.mapper().readTree(response.body()).path("_source");
  }

  private static JsonNode search(String alias, String body) throws IOException {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(esUrl + "/" + alias + "/_search"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      return Json.mapper().readTree(response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static HttpResponse<String> get(String path) throws IOException {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create(esUrl + path)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
