package io.opencdp.api.segment;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.api.store.BulkWriter;
import io.opencdp.api.store.EsConnection;
import io.opencdp.api.store.IndexAdmin;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.api.testing.ElasticsearchExtension;
import io.opencdp.api.testing.EsTestCluster;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.json.Json;
import io.opencdp.schemas.segment.ProfileFields;
import io.opencdp.schemas.segment.SegmentContext;
import io.opencdp.schemas.segment.SegmentDefinition;
import io.opencdp.schemas.segment.SegmentDefinitions;
import io.opencdp.schemas.segment.SegmentLookup;
import io.opencdp.schemas.segment.SegmentWindows;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Compiled conditions against a real node, over hand-built profile documents (docs/segments.md).
 * The clock is fixed at 2026-03-15 10:00 UTC in Europe/Berlin: "7 days ago" starts at
 * 2026-03-07T23:00:00Z.
 */
@ExtendWith(ElasticsearchExtension.class)
class SegmentQueriesTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");
  private static final SegmentWindows WINDOWS =
      new SegmentWindows(BERLIN, Clock.fixed(NOW, BERLIN));
  private static final ProfileFields FIELDS =
      ProfileFields.withCustomTraits(List.of("favourite_store"));
  private static final String ALL = "[ana, ben, cy, dee, eve, fay]";

  private static EsConnection es;
  private static IndexAdmin admin;
  private static String index;
  private static SegmentLookup segments = SegmentLookup.none();

  @BeforeAll
  static void seed(EsTestCluster cluster) {
    es = EsConnection.open(cluster.url(), 30_000);
    admin = new IndexAdmin(es.client(), new StoreIndices("segment-test"));
    index = admin.names().profilesIndex(NOW);
    admin.delete(List.of(index));
    admin.createProfilesIndexForLoad(index);
    try (BulkWriter writer =
        new BulkWriter(es.client(), CdpConfig.defaults().index().withBulkActions(100))) {
      profile(
          writer,
          "ana",
          """
          "search": {"first_name": "ana", "last_name": "muller", "city": "sao paulo"},
          "country": "US", "postal_code": "10115", "birth_date_value": "1990-05-01",
          "identifiers": {"email": ["ana@example.com"]},
          "traits": {"order_count": 3, "total_spend": {"amount": 250.5, "currency": "USD"},
                     "email_suppressed": false, "channels": ["web", "email"],
                     "last_order_at": "2026-03-14T12:00:00Z"},
          "custom_traits": {"favourite_store": "S1"},
          "consent": [%s, %s],
          "consent_granted": ["marketing:*", "marketing:email"],
          "activity": [%s, %s, %s]"""
              .formatted(
                  consent("marketing", null, true),
                  consent("marketing", "email", true),
                  order("2026-03-14T09:00:00.000Z", 80, "A*1", "B"),
                  // exactly the start of the day 7 days ago in Berlin: inside
                  order("2026-03-07T23:00:00.000Z", 20, "C"),
                  event("email_open", "2026-03-14T08:00:00Z")));
      profile(
          writer,
          "ben",
          """
          "search": {"first_name": "ben", "last_name": "muller", "city": "berlin"},
          "country": "DE", "postal_code": "1011*", "birth_date_value": "2001-02-03",
          "traits": {"order_count": 1, "total_spend": {"amount": 40, "currency": "EUR"},
                     "email_suppressed": true, "channels": ["store"]},
          "custom_traits": {"favourite_store": "S2*x"},
          "consent": [%s, %s],
          "consent_granted": ["marketing:*"],
          "activity": [%s]"""
              .formatted(
                  consent("marketing", null, true),
                  consent("marketing", "sms", false),
                  // one millisecond before the start of the day 7 days ago: outside
                  order("2026-03-07T22:59:59.999Z", 100, "D")));
      profile(
          writer,
          "cy",
          """
          "search": {"first_name": "cy", "city": "paris"},
          "activity": [%s, %s, %s]"""
              .formatted(
                  order("2026-03-12T10:00:00Z", 10, "E"),
                  order("2026-03-13T10:00:00Z", 60, "F"),
                  event("email_open", "2026-03-13T11:00:00Z")));
      profile(
          writer,
          "dee",
          """
          "country": "US",
          "consent": [%s],
          "consent_granted": ["marketing:sms"]"""
              .formatted(consent("marketing", "sms", true)));
      profile(
          writer,
          "eve",
          """
          "country": "FR", "traits": {"order_count": 5},
          "activity": [%s, %s, %s, %s, %s]"""
              .formatted(
                  order("2026-03-12T10:00:00Z", 10, "G"),
                  order("2026-03-13T10:00:00Z", 10, "G"),
                  order("2026-03-14T10:00:00Z", 10, "G"),
                  order("2026-03-15T09:00:00Z", 10, "G"),
                  order("2026-03-15T09:30:00Z", 10, "G")));
      profile(
          writer,
          "fay",
          """
          "traits": {"last_call_at": "2026-03-14T08:00:00.500Z"},
          "activity": [%s]"""
              .formatted(event("email_open", "2026-03-14T08:00:00Z")));
    }
    admin.finishLoad(index, 0);

    SegmentDefinition us =
        SegmentDefinitions.parse(
            definition("{\"field\": \"country\", \"op\": \"eq\", \"value\": \"US\"}"),
            SegmentContext.newSegment(FIELDS, SegmentLookup.none()));
    segments = SegmentLookup.of(Map.of("seg-us", us));
  }

  @AfterAll
  static void close() {
    admin.delete(List.of(index));
    es.close();
  }

  @Test
  void textEqualsDiffersAndIsMissingAreThreeDifferentThings() {
    assertThat(members(field("country", "eq", "\"US\""))).isEqualTo("[ana, dee]");
    assertThat(members(field("country", "neq", "\"US\""))).isEqualTo("[ben, eve]");
    assertThat(members("{\"not\": " + field("country", "eq", "\"US\"") + "}"))
        .isEqualTo("[ben, cy, eve, fay]");
    assertThat(members(exists("country", "missing"))).isEqualTo("[cy, fay]");
    assertThat(members(exists("country", "exists"))).isEqualTo("[ana, ben, dee, eve]");
    assertThat(members(field("country", "in", "[\"US\", \"FR\"]"))).isEqualTo("[ana, dee, eve]");
  }

  @Test
  void foldedTextComparesFoldedValues() {
    assertThat(members(field("last_name", "eq", "\"Müller\""))).isEqualTo("[ana, ben]");
    assertThat(members(field("first_name", "prefix", "\"Á\""))).isEqualTo("[ana]");
    assertThat(members(field("city", "contains", "\"PAUL\""))).isEqualTo("[ana]");
    assertThat(members(field("city", "in", "[\"Berlin\", \"PARIS\"]"))).isEqualTo("[ben, cy]");
  }

  @Test
  void prefixAndContainsTakeWildcardCharactersLiterally() {
    assertThat(members(field("postal_code", "prefix", "\"1011*\""))).isEqualTo("[ben]");
    assertThat(members(field("postal_code", "prefix", "\"1011\""))).isEqualTo("[ana, ben]");
    assertThat(members(field("postal_code", "contains", "\"1*\""))).isEqualTo("[ben]");
    assertThat(members(field("postal_code", "contains", "\"?\""))).isEqualTo("[]");
    assertThat(members(field("custom_traits.favourite_store", "contains", "\"*\"")))
        .isEqualTo("[ben]");
    assertThat(members(field("custom_traits.favourite_store", "eq", "\"S1\""))).isEqualTo("[ana]");
  }

  @Test
  void numbersCompareByValue() {
    assertThat(members(field("traits.order_count", "gt", "1"))).isEqualTo("[ana, eve]");
    assertThat(members(field("traits.order_count", "lte", "1"))).isEqualTo("[ben]");
    assertThat(members(field("traits.order_count", "between", "[1, 3]"))).isEqualTo("[ana, ben]");
    assertThat(members(field("traits.order_count", "neq", "3"))).isEqualTo("[ben, eve]");
    assertThat(members(field("traits.order_count", "in", "[3, 5]"))).isEqualTo("[ana, eve]");
    assertThat(members(field("traits.total_spend", "gte", "100.5"))).isEqualTo("[ana]");
    assertThat(members(field("traits.total_spend", "eq", "40"))).isEqualTo("[ben]");
    assertThat(members(field("traits.total_spend", "lt", "250.5"))).isEqualTo("[ben]");
  }

  @Test
  void booleansDatesTimesAndLists() {
    assertThat(members(field("traits.email_suppressed", "eq", "false"))).isEqualTo("[ana]");
    assertThat(members(field("traits.email_suppressed", "neq", "false"))).isEqualTo("[ben]");
    assertThat(members(exists("traits.email_suppressed", "missing")))
        .isEqualTo("[cy, dee, eve, fay]");
    assertThat(members(field("birth_date", "lt", "\"2000-01-01\""))).isEqualTo("[ana]");
    assertThat(members(field("birth_date", "between", "[\"1990-05-01\", \"2001-02-03\"]")))
        .isEqualTo("[ana, ben]");
    assertThat(members(field("traits.last_order_at", "gte", "{\"days_ago\": 7}")))
        .isEqualTo("[ana]");
    assertThat(members(field("traits.last_order_at", "lt", "\"2026-03-14T12:00:00Z\"")))
        .isEqualTo("[]");
    assertThat(members(field("traits.channels", "contains", "\"email\""))).isEqualTo("[ana]");
    assertThat(members(field("traits.channels", "in", "[\"store\", \"web\"]")))
        .isEqualTo("[ana, ben]");
    assertThat(members(exists("traits.channels", "missing"))).isEqualTo("[cy, dee, eve, fay]");
    assertThat(members("{\"has_identifier\": \"email\"}")).isEqualTo("[ana]");
  }

  @Test
  void timesCompareToTheMillisecondWhenTheValueHasNoFraction() {
    // fay's last call was at 08:00:00.500: after 08:00:00, not at or before it (Elasticsearch
    // rounds "08:00:00Z" up to 08:00:00.999 for gt and lte unless the literal has its millis)
    assertThat(members(field("traits.last_call_at", "gt", "\"2026-03-14T08:00:00Z\"")))
        .isEqualTo("[fay]");
    assertThat(members(field("traits.last_call_at", "lte", "\"2026-03-14T08:00:00Z\"")))
        .isEqualTo("[]");
    assertThat(
            members(
                field(
                    "traits.last_call_at",
                    "between",
                    "[\"2026-03-14T07:00:00Z\", \"2026-03-14T08:00:00Z\"]")))
        .isEqualTo("[]");
    assertThat(members(field("traits.last_call_at", "lte", "\"2026-03-14T08:00:00.500Z\"")))
        .isEqualTo("[fay]");
  }

  @Test
  void consentPerChannelFollowsTheChannelLessRecordUnlessTheChannelHasItsOwn() {
    assertThat(members(consent("marketing", "\"email\""))).isEqualTo("[ana, ben]");
    // ben withdrew on sms after granting marketing as a whole; dee granted only sms
    assertThat(members(consent("marketing", "\"sms\""))).isEqualTo("[ana, dee]");
    assertThat(members(consent("marketing", null))).isEqualTo("[ana, ben]");
    assertThat(members(consent("analytics", "\"email\""))).isEqualTo("[]");
  }

  @Test
  void eventCountsRanges() {
    assertThat(members(orders(""))).isEqualTo("[ana, ben, cy, eve]");
    assertThat(members(orders(", \"count\": {\"gte\": 2}"))).isEqualTo("[ana, cy, eve]");
    assertThat(members(orders(", \"count\": {\"lte\": 1}"))).isEqualTo("[ben, dee, fay]");
    assertThat(members(orders(", \"count\": {\"gte\": 2, \"lte\": 2}"))).isEqualTo("[ana, cy]");
    assertThat(members(orders(", \"count\": {\"gte\": 2, \"lte\": 4}"))).isEqualTo("[ana, cy]");
    assertThat(members(orders(", \"count\": {\"gte\": 5}"))).isEqualTo("[eve]");
    assertThat(members(orders(", \"count\": {\"gte\": 0}"))).isEqualTo(ALL);
  }

  @Test
  void didNotIncludesProfilesWithoutAnyEvent() {
    assertThat(members("{\"not\": " + orders("") + "}")).isEqualTo("[dee, fay]");
    assertThat(members(orders(", \"count\": {\"lte\": 0}"))).isEqualTo("[dee, fay]");
    assertThat(members("{\"not\": {\"event\": {\"type\": \"email_open\"}}}"))
        .isEqualTo("[ben, dee, eve]");
  }

  @Test
  void aWindowStartsAtTheStartOfTheDayInTheWorkspaceZone() {
    // ana's second order is exactly at the start, ben's only one a millisecond before it
    assertThat(members(orders(", \"within_last_days\": 7"))).isEqualTo("[ana, cy, eve]");
    assertThat(members(orders(", \"within_last_days\": 7, \"count\": {\"gte\": 2}")))
        .isEqualTo("[ana, cy, eve]");
    assertThat(members(orders(", \"within_last_days\": 8"))).isEqualTo("[ana, ben, cy, eve]");
    assertThat(members(orders(", \"within_last_days\": 1"))).isEqualTo("[ana, eve]");
  }

  @Test
  void betweenCountsWholeDaysOfTheWorkspaceZone() {
    // 7 March in Berlin is [06T23:00Z, 07T23:00Z): ben's order is its last millisecond
    assertThat(members(orders(", \"between\": {\"from\": \"2026-03-07\", \"to\": \"2026-03-07\"}")))
        .isEqualTo("[ben]");
    assertThat(members(orders(", \"between\": {\"from\": \"2026-03-08\", \"to\": \"2026-03-13\"}")))
        .isEqualTo("[ana, cy, eve]");
    assertThat(
            members(
                orders(
                    ", \"between\": {\"from\": \"2026-03-08\", \"to\": \"2026-03-13\"},"
                        + " \"count\": {\"gte\": 2}")))
        .isEqualTo("[cy, eve]");
  }

  @Test
  void whereComparesFieldsOfEachEvent() {
    String bigOrder =
        "\"where\": [{\"field\": \"order.total.amount\", \"op\": \"gte\", \"value\": 50}]";
    assertThat(members(orders(", " + bigOrder))).isEqualTo("[ana, ben, cy]");
    assertThat(members(orders(", " + bigOrder + ", \"within_last_days\": 7")))
        .isEqualTo("[ana, cy]");
    assertThat(
            members(
                orders(
                    ", \"where\": [{\"field\": \"order.items.sku\", \"op\": \"contains\","
                        + " \"value\": \"A*1\"}]")))
        .isEqualTo("[ana]");
    assertThat(
            members(
                orders(
                    ", \"where\": [{\"field\": \"order.items.sku\", \"op\": \"in\","
                        + " \"value\": [\"G\", \"D\"]}], \"count\": {\"gte\": 1, \"lte\": 1}")))
        .isEqualTo("[ben]");
  }

  @Test
  void inSegmentInlinesTheReferencedDefinition() {
    assertThat(members("{\"in_segment\": \"seg-us\"}")).isEqualTo("[ana, dee]");
    assertThat(members("{\"and\": [{\"in_segment\": \"seg-us\"}, " + orders("") + "]}"))
        .isEqualTo("[ana]");
    assertThat(members("{\"or\": [{\"not\": {\"in_segment\": \"seg-us\"}}, " + orders("") + "]}"))
        .isEqualTo("[ana, ben, cy, eve, fay]");
  }

  /** The ids of the profiles the condition selects, sorted. */
  private static String members(String condition) {
    SegmentDefinition definition =
        SegmentDefinitions.parse(
            definition(condition), SegmentContext.newSegment(FIELDS, segments));
    Query query = SegmentQueries.compile(definition.condition(), WINDOWS, segments);
    ElasticsearchClient client = es.client();
    try {
      SearchResponse<ObjectNode> response =
          client.search(s -> s.index(index).query(query).size(100), ObjectNode.class);
      Set<String> ids = new TreeSet<>();
      for (Hit<ObjectNode> hit : response.hits().hits()) {
        ids.add(hit.id());
      }
      return ids.toString();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String definition(String condition) {
    return "{\"name\": \"test\", \"condition\": " + condition + "}";
  }

  private static String field(String field, String op, String value) {
    return "{\"field\": \"%s\", \"op\": \"%s\", \"value\": %s}".formatted(field, op, value);
  }

  private static String exists(String field, String op) {
    return "{\"field\": \"%s\", \"op\": \"%s\"}".formatted(field, op);
  }

  private static String consent(String purpose, String channel) {
    return channel == null
        ? "{\"consent\": {\"purpose\": \"%s\"}}".formatted(purpose)
        : "{\"consent\": {\"purpose\": \"%s\", \"channel\": %s}}".formatted(purpose, channel);
  }

  private static String orders(String more) {
    return "{\"event\": {\"type\": \"order_completed\"" + more + "}}";
  }

  private static void profile(BulkWriter writer, String id, String fields) {
    String json =
        "{\"workspace_id\": \"segment-test\", \"profile_id\": \"" + id + "\", " + fields + "}";
    try {
      // a bulk line: compact JSON
      writer.index(index, id, Json.mapper().writeValueAsBytes(Json.mapper().readTree(json)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String consent(String purpose, String channel, boolean granted) {
    return "{\"purpose\": \"%s\", %s\"granted\": %s, \"changed_at\": \"2026-01-01T00:00:00Z\"}"
        .formatted(purpose, channel == null ? "" : "\"channel\": \"" + channel + "\", ", granted);
  }

  private static String order(String at, int amount, String... skus) {
    return ("{\"event_type\": \"order_completed\", \"occurred_at\": \"%s\","
            + " \"order_total_amount\": %d, \"order_items_sku\": [%s]}")
        .formatted(at, amount, "\"" + String.join("\", \"", skus) + "\"");
  }

  private static String event(String type, String at) {
    return "{\"event_type\": \"%s\", \"occurred_at\": \"%s\"}".formatted(type, at);
  }
}
