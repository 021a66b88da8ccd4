package io.opencdp.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.api.store.EsConnection;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.api.testing.EsTestCluster;
import io.opencdp.schemas.json.Json;
import io.opencdp.schemas.normalize.SearchText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small profile store in workspace {@code default}, seeded once per test JVM into the shared test
 * node as the indexer writes it (docs/profile-store.md): versioned indices from the mapping
 * resources behind their aliases, and hand-built documents.
 *
 * <ul>
 *   <li>{@link #JANE} (alias {@link #JANE_ALIAS} merged into her) and {@link #JOHN} share the
 *       household phone {@link #HOUSEHOLD_PHONE}; Jane has one identifier of every type.
 *   <li>{@link #JOSE}: José Núñez of São Paulo, for accent-insensitive search.
 *   <li>Jane's five events across February and March 2026 (two orders); one event of John.
 *   <li>Identity documents of Jane and John.
 * </ul>
 */
final class StoreFixture {
  static final String WORKSPACE = ApiFixture.WORKSPACE;
  static final StoreIndices INDICES = new StoreIndices(WORKSPACE);
  static final String JANE = "p-jane";
  static final String JANE_ALIAS = "p-jane-old";
  static final String JOHN = "p-john";
  static final String JOSE = "p-jose";
  static final String JOSEPH = "p-joseph";
  static final String HOUSEHOLD_PHONE = "+15550102000";
  static final String JANE_EMAIL = "jane.doe@example.com";
  static final String JANE_ORDER = "O-1001";
  static final String JANE_SEGMENT = "seg-jane-000001";
  static final List<String> JANE_EVENTS_NEWEST_FIRST =
      List.of("e-05", "e-04", "e-03", "e-02", "e-01");
  private static final Instant BUILD = Instant.parse("2026-04-01T00:00:00Z");

  private static boolean seeded;

  private StoreFixture() {}

  /** Seeds the store once per JVM; later calls do nothing. */
  static synchronized void seed(EsTestCluster cluster) {
    if (seeded) {
      return;
    }
    try (EsConnection es = EsConnection.open(cluster.url(), 30_000)) {
      ElasticsearchClient client = es.client();
      create(client, INDICES.profilesIndex(BUILD), INDICES.profilesAlias(), "profiles");
      create(client, INDICES.identityIndex(BUILD), INDICES.identityAlias(), "identity");
      create(
          client,
          INDICES.eventsIndex(Instant.parse("2026-02-01T00:00:00Z")),
          INDICES.eventsAlias(),
          "events");
      create(
          client,
          INDICES.eventsIndex(Instant.parse("2026-03-01T00:00:00Z")),
          INDICES.eventsAlias(),
          "events");
      Map<String, ObjectNode> docs = new LinkedHashMap<>();
      BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(Refresh.True);
      for (ObjectNode profile : profiles()) {
        add(bulk, INDICES.profilesIndex(BUILD), profile.get("profile_id").asText(), profile);
      }
      for (ObjectNode identity : identities()) {
        add(bulk, INDICES.identityIndex(BUILD), identity.get("profile_id").asText(), identity);
      }
      for (ObjectNode event : events()) {
        Instant at = Instant.parse(event.get("occurred_at").asText());
        add(bulk, INDICES.eventsIndex(at), event.get("event_id").asText(), event);
      }
      BulkResponse response = client.bulk(bulk.build());
      if (response.errors()) {
        throw new IllegalStateException(
            "seeding failed: "
                + response.items().stream()
                    .filter(i -> i.error() != null)
                    .map(i -> i.id() + ": " + i.error().reason())
                    .toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    seeded = true;
  }

  static void create(ElasticsearchClient client, String index, String alias, String kind)
      throws IOException {
    try (InputStream mapping =
        StoreFixture.class.getResourceAsStream("/io/opencdp/api/store/" + kind + "-mapping.json")) {
      client
          .indices()
          .create(
              c ->
                  c.index(index)
                      .settings(s -> s.numberOfShards("1").numberOfReplicas("0"))
                      .mappings(m -> m.withJson(mapping))
                      .aliases(alias, a -> a));
    }
  }

  private static void add(BulkRequest.Builder bulk, String index, String id, ObjectNode doc) {
    bulk.operations(o -> o.index(i -> i.index(index).id(id).document(doc)));
  }

  // ---- profiles

  static List<ObjectNode> profiles() {
    ObjectNode jane =
        profile(JANE, "Jane", "Doe", JANE_EMAIL, HOUSEHOLD_PHONE, "1 Main St", "Springfield");
    jane.putArray("merged_from").add(JANE_ALIAS);
    contact(jane, "phones", HOUSEHOLD_PHONE, true);
    contact(jane, "customer_ids", "C-1001", false);
    contact(jane, "loyalty_ids", "L-77", false);
    contact(jane, "device_ids", "dev-1", false);
    contact(jane, "anonymous_ids", "anon-1", false);
    // the latest consent rows, as the events below carried them (ConsentTest's cases by purpose)
    ArrayNode consent = jane.putArray("consent");
    consent(consent, "ad_targeting", null, true, "e-02", "2026-02-20T12:00:00Z");
    consent(consent, "marketing", null, false, "e-01", "2026-02-03T10:00:00Z");
    consent(consent, "marketing", "email", true, "e-03", "2026-03-05T08:00:00Z");
    jane.putArray("segments").add(JANE_SEGMENT);
    ObjectNode john =
        profile(JOHN, "John", "Doe", "john.doe@example.com", null, "1 Main St", "Springfield");
    contact(john, "phones", HOUSEHOLD_PHONE, true);
    contact(john, "customer_ids", "C-1002", false);
    ObjectNode jose =
        profile(
            JOSE,
            "José",
            "Núñez",
            "jose.nunez@example.org",
            "+15550103333",
            "Rua A 1",
            "São Paulo");
    ObjectNode joseph =
        profile(
            JOSEPH, "Joseph", "Smith", "jsmith@example.net", "+15550104444", "2 Elm St", "Boston");
    return List.of(jane, john, jose, joseph).stream().map(StoreFixture::withPhoneDigits).toList();
  }

  /** A {@code consent} row of a profile document (and the change an event carried). */
  private static ObjectNode consent(
      ArrayNode rows, String purpose, String channel, boolean granted, String event, String at) {
    ObjectNode row = rows.addObject();
    row.put("purpose", purpose).put("channel", channel).put("granted", granted);
    row.put("source", "test").put("event_id", event).put("changed_at", at);
    return row;
  }

  private static ObjectNode profile(
      String id,
      String first,
      String last,
      String email,
      String phone,
      String street,
      String city) {
    ObjectNode p = Json.mapper().createObjectNode();
    p.put("workspace_id", WORKSPACE);
    p.put("profile_id", id);
    p.putArray("merged_from");
    p.set("first_name", survived(first));
    p.set("last_name", survived(last));
    p.set("email", survived(email));
    if (phone != null) {
      p.set("phone", survived(phone));
    }
    p.set("birth_date", survived("1985-04-12"));
    ObjectNode address = Json.mapper().createObjectNode();
    address
        .put("street", street)
        .put("city", city)
        .put("region", "IL")
        .put("postal_code", "62701")
        .put("country", "US");
    p.set("address", survived(null).set("value", address));
    p.putObject("identifiers");
    contact(p, "emails", email, false);
    if (phone != null) {
      contact(p, "phones", phone, false);
    }
    ObjectNode search = p.putObject("search");
    search.put("name", SearchText.fold(first + " " + last));
    search.put("first_name", SearchText.fold(first));
    search.put("last_name", SearchText.fold(last));
    search.put("city", SearchText.fold(city));
    search.put(
        "email_local",
        SearchText.fold(email.substring(0, email.indexOf('@'))).replaceAll("[._+-]", " "));
    p.put("birth_date_value", "1985-04-12");
    p.put("postal_code", "62701");
    p.put("country", "US");
    ObjectNode traits = p.putObject("traits");
    traits.put("event_count", 5).putArray("channels").add("web").add("email");
    p.putObject("custom_traits").put("favourite_store", "S-1");
    p.put("as_of", "2026-04-01T00:00:00Z");
    p.put("updated_at", "2026-04-01T00:00:00Z");
    p.put("indexed_at", "2026-04-01T00:05:00Z");
    p.put("delta_version", 7);
    return p;
  }

  private static ObjectNode survived(String value) {
    ObjectNode s = Json.mapper().createObjectNode();
    s.put("value", value);
    s.put("channel", "crm");
    s.put("source_system", "crm");
    s.put("event_id", "e-01");
    s.put("observed_at", "2026-02-03T10:00:00Z");
    s.put("rule", "source_priority");
    s.put("support", 3);
    return s;
  }

  private static void contact(ObjectNode profile, String list, String value, boolean shared) {
    ArrayNode points = profile.has(list) ? (ArrayNode) profile.get(list) : profile.putArray(list);
    for (var existing : points) {
      if (existing.get("value").asText().equals(value)) {
        ((ObjectNode) existing).put("shared", shared);
        return;
      }
    }
    ObjectNode point = points.addObject();
    point.put("value", value);
    point.put("is_primary", points.size() == 1);
    point.put("shared", shared);
    point.put("event_count", 2);
    point.put("first_seen_at", "2026-02-03T10:00:00Z");
    point.put("last_seen_at", "2026-03-15T10:00:00Z");
    point.putArray("sources").add("crm");
    String type = list.substring(0, list.length() - 1);
    ObjectNode identifiers = (ObjectNode) profile.get("identifiers");
    ArrayNode values =
        identifiers.has(type) ? (ArrayNode) identifiers.get(type) : identifiers.putArray(type);
    values.add(value);
  }

  /** {@code search.phone_digits} as the indexer writes it: each phone's digits, last 4, 7, 10. */
  private static ObjectNode withPhoneDigits(ObjectNode profile) {
    ArrayNode digits = ((ObjectNode) profile.get("search")).putArray("phone_digits");
    for (var phone : profile.path("identifiers").path("phone")) {
      String d = phone.asText().substring(1);
      for (int n : new int[] {d.length(), 4, 7, 10}) {
        digits.add(d.substring(d.length() - Math.min(n, d.length())));
      }
    }
    return profile;
  }

  // ---- identity

  static List<ObjectNode> identities() {
    ObjectNode jane = identity(JANE);
    jane.putArray("merged_from").add(JANE_ALIAS);
    identifier(jane, "email", JANE_EMAIL, false);
    identifier(jane, "phone", HOUSEHOLD_PHONE, true);
    identifier(jane, "customer_id", "C-1001", false);
    identifier(jane, "loyalty_id", "L-77", false);
    identifier(jane, "device_id", "dev-1", false);
    identifier(jane, "anonymous_id", "anon-1", false);
    ObjectNode link = ((ArrayNode) jane.get("links")).addObject();
    link.put("left_type", "customer_id").put("left_value", "C-1001");
    link.put("right_type", "email").put("right_value", JANE_EMAIL);
    link.put("event_count", 3).put("first_event_id", "e-01");
    link.put("first_seen_at", "2026-02-03T10:00:00Z");
    ObjectNode merge = ((ArrayNode) jane.get("merges")).addObject();
    merge.put("alias_profile_id", JANE_ALIAS);
    merge.put("evidence_identifier_type", "email").put("evidence_identifier_value", JANE_EMAIL);
    merge.put("evidence_event_id", "e-02").put("rule", "deterministic").put("score", 1.0);
    merge.put("run_id", "run-1").put("merged_at", "2026-03-01T00:00:00Z");
    ObjectNode dropped = ((ArrayNode) jane.get("dropped_links")).addObject();
    dropped.put("left_type", "phone").put("left_value", HOUSEHOLD_PHONE);
    dropped.putNull("right_type").putNull("right_value");
    dropped.put("rule", "shared_identifier").put("detail", "phone on 2 profiles");
    dropped.put("evidence_event_id", "e-04").put("seen_at", "2026-03-10T10:00:00Z");
    ObjectNode john = identity(JOHN);
    identifier(john, "email", "john.doe@example.com", false);
    identifier(john, "phone", HOUSEHOLD_PHONE, true);
    identifier(john, "customer_id", "C-1002", false);
    return List.of(jane, john);
  }

  private static ObjectNode identity(String id) {
    ObjectNode doc = Json.mapper().createObjectNode();
    doc.put("workspace_id", WORKSPACE);
    doc.put("profile_id", id);
    doc.putArray("merged_from");
    doc.putArray("identifiers");
    doc.putArray("links");
    doc.put("links_truncated", false);
    doc.putArray("dropped_links");
    doc.putArray("merges");
    doc.putArray("overrides");
    doc.put("indexed_at", "2026-04-01T00:05:00Z");
    return doc;
  }

  private static void identifier(ObjectNode identity, String type, String value, boolean shared) {
    ObjectNode i = ((ArrayNode) identity.get("identifiers")).addObject();
    i.put("type", type).put("value", value).put("shared", shared);
    i.putNull("shared_reason");
    i.put("event_count", 2);
    i.put("first_seen_at", "2026-02-03T10:00:00Z").put("last_seen_at", "2026-03-15T10:00:00Z");
  }

  // ---- events

  static List<ObjectNode> events() {
    List<ObjectNode> events = new ArrayList<>();
    events.add(event("e-01", JANE, "page_viewed", "web", "2026-02-03T10:00:00Z", null));
    events.add(event("e-02", JANE, "order_completed", "web", "2026-02-20T12:00:00Z", JANE_ORDER));
    events.add(event("e-03", JANE, "email_open", "email", "2026-03-05T08:00:00Z", null));
    events.add(event("e-04", JANE, "call", "call_center", "2026-03-10T10:00:00Z", null));
    events.add(event("e-05", JANE, "order_line", "store", "2026-03-15T10:00:00Z", "O-2002"));
    events.add(event("e-10", JOHN, "order_completed", "web", "2026-03-01T09:00:00Z", "O-3003"));
    return events;
  }

  private static ObjectNode event(
      String id, String profile, String type, String channel, String at, String order) {
    ObjectNode doc = Json.mapper().createObjectNode();
    doc.put("workspace_id", WORKSPACE);
    doc.put("event_id", id);
    doc.put("profile_id", profile);
    doc.put("event_type", type);
    doc.put("channel", channel);
    doc.put("source_system", channel.equals("web") ? "segment-web" : "crm");
    doc.put("occurred_at", at);
    doc.put("received_at", at);
    doc.put("order_id", order);
    ObjectNode event = doc.putObject("event");
    event.put("schema_version", 1).put("workspace_id", WORKSPACE).put("event_id", id);
    event.put("channel", channel).put("event_type", type).put("occurred_at", at);
    String email = profile.equals(JANE) ? "Jane.Doe@Example.com" : "john.doe@example.com";
    ArrayNode identifiers = event.putArray("identifiers");
    identifiers
        .addObject()
        .put("type", "email")
        .put("raw", email)
        .put("normalized", email.toLowerCase(java.util.Locale.ROOT))
        .put("valid", true);
    identifiers
        .addObject()
        .put("type", "phone")
        .put("raw", "(555) 010-2000")
        .put("normalized", HOUSEHOLD_PHONE)
        .put("valid", true);
    ObjectNode person = event.putObject("person");
    person.put("first_name", profile.equals(JANE) ? "Jane" : "John").put("last_name", "Doe");
    person.put("email", email).put("phone", "(555) 010-2000").put("birth_date", "1985-04-12");
    person
        .putObject("address")
        .put("street", "1 Main St")
        .put("city", "Springfield")
        .put("postal_code", "62701")
        .put("country", "US");
    if (order != null) {
      event.putObject("properties").putObject("order").put("order_id", order);
    }
    ArrayNode consent = event.putArray("consent");
    switch (id) {
      case "e-01" -> consent(consent, "marketing", null, false, id, at).remove("event_id");
      case "e-02" -> {
        // an email withdrawal the later grant of e-03 overrides: history only
        consent(consent, "marketing", "email", false, id, at).remove("event_id");
        consent(consent, "ad_targeting", null, true, id, at).remove("event_id");
      }
      case "e-03" -> consent(consent, "marketing", "email", true, id, at).remove("event_id");
      default -> {}
    }
    event
        .putObject("custom")
        .put("mobile", "+15550109999")
        .put("contact", "other.person@example.com")
        .put("newsletter", "weekly");
    doc.put("indexed_at", "2026-04-01T00:05:00Z");
    return doc;
  }
}
