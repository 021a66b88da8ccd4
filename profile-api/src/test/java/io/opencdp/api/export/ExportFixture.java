package io.opencdp.api.export;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.opencdp.api.store.EsConnection;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.api.testing.EsTestCluster;
import io.opencdp.schemas.audience.AudienceFormat;
import io.opencdp.schemas.audience.AudienceLayout;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.config.SegmentsConfig;
import io.opencdp.schemas.json.Json;
import io.opencdp.schemas.segment.ProfileFields;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A workspace of its own for export tests: a profiles index (the real mapping) behind its alias,
 * the segments index, hand-built profile documents shaped like the indexer's ({@code ProfileDocs}),
 * a test layout (plain email and phone) and an in-memory suppression list.
 */
public final class ExportFixture implements AutoCloseable {
  public static final Instant BUILD = Instant.parse("2026-04-01T00:00:00Z");

  private final EsConnection es;
  private final StoreIndices indices;
  private final Set<String> suppressed = new HashSet<>();
  private int lookups;

  private ExportFixture(EsConnection es, StoreIndices indices) {
    this.es = es;
    this.indices = indices;
  }

  /** A fresh workspace {@code workspace}: every index of it deleted, then created empty. */
  public static ExportFixture open(EsTestCluster cluster, String workspace) {
    EsConnection es = EsConnection.open(cluster.url(), 30_000);
    StoreIndices indices = new StoreIndices(workspace);
    try {
      ElasticsearchClient client = es.client();
      client
          .indices()
          .delete(
              d ->
                  d.index(
                          indices.profilesIndex(BUILD),
                          indices.segmentsIndex(),
                          "cdp-" + workspace + "-exports",
                          indices.suppressionsIndex(),
                          ExportState.indexName(indices))
                      .ignoreUnavailable(true));
      create(client, indices.profilesIndex(BUILD), "/io/opencdp/api/store/profiles-mapping.json");
      client
          .indices()
          .putAlias(a -> a.index(indices.profilesIndex(BUILD)).name(indices.profilesAlias()));
      create(client, indices.segmentsIndex(), "/io/opencdp/api/store/segments-mapping.json");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ExportFixture(es, indices);
  }

  private static void create(ElasticsearchClient client, String index, String mapping)
      throws IOException {
    try (InputStream in = ExportFixture.class.getResourceAsStream(mapping)) {
      client
          .indices()
          .create(
              c ->
                  c.index(index)
                      .settings(s -> s.numberOfShards("1").numberOfReplicas("0"))
                      .mappings(m -> m.withJson(in)));
    }
  }

  public EsConnection connection() {
    return es;
  }

  public StoreIndices indices() {
    return indices;
  }

  /** Indexes (or replaces) the profile documents {@code docs}, visible when it returns. */
  public void put(ObjectNode... docs) {
    BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(Refresh.True);
    for (ObjectNode doc : docs) {
      String id = doc.path("profile_id").asText();
      bulk.operations(
          o -> o.index(i -> i.index(indices.profilesIndex(BUILD)).id(id).document(doc)));
    }
    try {
      if (es.client().bulk(bulk.build()).errors()) {
        throw new IllegalStateException("indexing export test profiles failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Saves segment {@code id} with {@code condition} (JSON), version 1. */
  public void saveSegment(String id, String condition) {
    ObjectNode doc = Json.mapper().createObjectNode();
    doc.put("workspace_id", indices.workspace());
    doc.put("segment_id", id);
    doc.put("name", id);
    doc.putNull("description");
    doc.put("language_version", 1);
    doc.put("version", 1);
    doc.put("definition", "{\"name\":\"" + id + "\",\"condition\":" + condition + "}");
    doc.putArray("references");
    doc.put("created_at", "2026-04-01T00:00:00Z");
    doc.put("created_by", "test");
    doc.put("updated_at", "2026-04-01T00:00:00Z");
    doc.put("updated_by", "test");
    try {
      es.client()
          .index(i -> i.index(indices.segmentsIndex()).id(id).refresh(Refresh.True).document(doc));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A profile document as the indexer writes it: surviving values with provenance, contact-point
   * lists, {@code identifiers.<type>}, {@code country} and {@code consent_granted} ({@code
   * ad_targeting:*} when {@code adTargeting}, {@code email_marketing:email} always). Without email
   * and phone it has no name, birth date or address either: nothing a platform matches on.
   */
  public static ObjectNode profile(
      String id, String country, String email, String phone, boolean adTargeting) {
    ObjectNode p = Json.mapper().createObjectNode();
    p.put("workspace_id", "test");
    p.put("profile_id", id);
    p.putArray("merged_from");
    if (email != null || phone != null) {
      p.set("first_name", survived("Jane"));
      p.set("last_name", survived("Doe"));
      p.set("gender", survived("female"));
      p.set("birth_date", survived("1985-04-12"));
      ObjectNode address = Json.mapper().createObjectNode();
      address
          .put("street", "1 Main St")
          .put("city", "Springfield")
          .put("region", "IL")
          .put("postal_code", "62701")
          .put("country", country);
      p.set("address", survived(null).set("value", address));
    }
    ObjectNode identifiers = p.putObject("identifiers");
    if (email != null) {
      p.set("email", survived(email));
      contact(p, "emails", email, true);
      identifiers.putArray("email").add(email);
    }
    if (phone != null) {
      p.set("phone", survived(phone));
      contact(p, "phones", phone, true);
      identifiers.putArray("phone").add(phone);
    }
    p.put("postal_code", "62701");
    p.put("country", country);
    ArrayNode granted = p.putArray("consent_granted");
    ArrayNode consent = p.putArray("consent");
    granted.add("email_marketing:email");
    consent(consent, "email_marketing", "email", true, "2026-02-03T10:00:00Z");
    if (adTargeting) {
      granted.add("ad_targeting:*");
      consent(consent, "ad_targeting", null, true, "2026-02-04T10:00:00Z");
    }
    p.put("as_of", "2026-04-01T00:00:00Z");
    p.put("updated_at", "2026-04-01T00:00:00Z");
    p.put("indexed_at", "2026-04-01T00:05:00Z");
    p.put("delta_version", 7);
    return p;
  }

  /** Adds a {@code consent} row (the latest change of one purpose and channel) to {@code rows}. */
  public static void consent(
      ArrayNode rows, String purpose, String channel, boolean granted, String changedAt) {
    ObjectNode row = rows.addObject();
    row.put("purpose", purpose);
    row.put("channel", channel);
    row.put("granted", granted);
    row.put("source", "test");
    row.put("event_id", "e-" + purpose + "-" + changedAt);
    row.put("changed_at", changedAt);
  }

  static ObjectNode survived(String value) {
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

  static void contact(ObjectNode profile, String list, String value, boolean primary) {
    ArrayNode points = profile.has(list) ? (ArrayNode) profile.get(list) : profile.putArray(list);
    ObjectNode point = points.addObject();
    point.put("value", value);
    point.put("is_primary", primary);
    point.put("shared", false);
    point.put("event_count", 2);
    point.put("first_seen_at", "2026-02-03T10:00:00Z");
    point.put("last_seen_at", "2026-03-15T10:00:00Z");
    point.putArray("sources").add("crm");
    point.putNull("suppressed_reason");
    point.putNull("suppressed_at");
  }

  /** Puts identifier ({@code type}, {@code value}) on the suppression list. */
  public void suppress(String type, String value) {
    suppressed.add(type + ":" + value);
  }

  /** How many batches were looked up on the suppression list. */
  public int lookups() {
    return lookups;
  }

  /** The in-memory suppression list. */
  public Suppressions suppressions() {
    return new Suppressions() {
      @Override
      public String key(String type, String value) {
        return type + ":" + value;
      }

      @Override
      public Set<String> suppressedKeys(Collection<String> keys) {
        lookups++;
        Set<String> hit = new HashSet<>(keys);
        hit.retainAll(suppressed);
        return hit;
      }
    };
  }

  /**
   * Exports of this workspace with the test layout and suppression list, writing under {@code dir}.
   */
  public Exports exports(Path dir) {
    return exports(es, indices, suppressions(), dir);
  }

  /**
   * Exports of this workspace as {@link #exports(Path)}, for consent purpose {@code purpose} (a
   * named purpose of the default {@code privacy.purposes}, or a purpose as a whole).
   */
  public Exports exports(Path dir, String purpose) {
    return new Exports(
        es.client(),
        indices,
        ProfileFields.of(CdpConfig.defaults()),
        new SegmentsConfig(ZoneId.of("UTC")),
        purpose,
        dir,
        suppressions(),
        AudienceLayout::of,
        Clock.systemUTC());
  }

  /** Exports of {@code indices} with the platform layouts and nobody suppressed. */
  public static Exports testExports(EsConnection es, StoreIndices indices, Path dir) {
    return exports(es, indices, new ExportFixture(es, indices).suppressions(), dir);
  }

  private static Exports exports(
      EsConnection es, StoreIndices indices, Suppressions suppressions, Path dir) {
    return new Exports(
        es.client(),
        indices,
        ProfileFields.builtIn(),
        new SegmentsConfig(ZoneId.of("UTC")),
        "ad_targeting",
        dir,
        suppressions,
        AudienceLayout::of,
        Clock.systemUTC());
  }

  /** The row {@code layout} makes of profile document {@code doc}. */
  public static List<String> row(AudienceFormat format, ObjectNode doc) {
    return AudienceLayout.of(format, List.of())
        .row(AudienceMembers.from(doc).member())
        .orElseThrow();
  }

  /** The header of {@code format}. */
  public static List<String> header(AudienceFormat format) {
    return AudienceLayout.of(format, List.of()).header();
  }

  /** The rows of the CSV file {@code path}, header first, read with a CSV parser. */
  public static List<List<String>> readCsv(Path path) {
    CsvMapper csv = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    try (MappingIterator<List<String>> rows =
        csv.readerForListOf(String.class).readValues(path.toFile())) {
      List<List<String>> all = new ArrayList<>();
      rows.forEachRemaining(all::add);
      return all;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    es.close();
  }
}
