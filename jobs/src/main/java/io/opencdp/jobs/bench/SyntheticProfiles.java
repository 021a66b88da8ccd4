package io.opencdp.jobs.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.api.store.EsConnection;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.schemas.json.Json;
import io.opencdp.schemas.normalize.PhoneNormalizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Golden-profile documents made up from a seed and written straight into a new versioned profiles
 * index (the store's mapping, one shard, no replica), then put behind the profiles alias, as {@code
 * cdp index --full} does. Each profile has a random id, a unique US phone in E.164, an email, a
 * name, an address and a few traits, so a document weighs about what an indexed profile does.
 */
final class SyntheticProfiles implements BenchProfiles {
  private static final Logger LOG = LoggerFactory.getLogger(SyntheticProfiles.class);
  private static final String MAPPING = "/io/opencdp/api/store/profiles-mapping.json";
  private static final int BULK = 2_000;
  private static final String[] FIRST = {"Ana", "Ben", "Chloé", "Dmitri", "Emma", "Farid", "Grace"};
  private static final String[] LAST = {"Müller", "Nguyen", "Okafor", "Patel", "Quinn", "Rossi"};
  private static final String[] CITY = {"New York", "Austin", "Seattle", "Denver", "Miami"};

  @Override
  public String describe() {
    return "synthetic profile documents written straight into the profiles index (SyntheticProfiles),"
        + " not generated, ingested, resolved and indexed";
  }

  @Override
  public Loaded load(String esUrl, String workspace, long scale, long seed, Path scratch)
      throws IOException {
    StoreIndices indices = new StoreIndices(workspace);
    Instant now = Instant.now();
    String index = indices.profilesIndex(now);
    PhoneNormalizer phones = new PhoneNormalizer("US");
    List<String> ids = new ArrayList<>((int) scale);
    List<String> phoneList = new ArrayList<>((int) scale);
    try (EsConnection es = EsConnection.open(esUrl, 60_000)) {
      ElasticsearchClient client = es.client();
      String body = indexBody();
      client.indices().create(c -> c.index(index).withJson(new StringReader(body)));
      SplittableRandom random = new SplittableRandom(seed);
      long started = System.nanoTime();
      BulkRequest.Builder bulk = new BulkRequest.Builder();
      int inBulk = 0;
      for (long i = 0; i < scale; i++) {
        String id = new UUID(random.nextLong(), random.nextLong()).toString();
        String phone = phone(i);
        if (!phone.equals(phones.normalize(phone).value())) {
          throw new IllegalStateException("synthetic phone " + phone + " is not valid E.164");
        }
        ids.add(id);
        phoneList.add(phone);
        Map<String, Object> doc = document(workspace, id, phone, random, now);
        bulk.operations(op -> op.index(ix -> ix.index(index).id(id).document(doc)));
        if (++inBulk == BULK) {
          send(client, bulk.build());
          bulk = new BulkRequest.Builder();
          inBulk = 0;
        }
      }
      if (inBulk > 0) {
        send(client, bulk.build());
      }
      client.indices().refresh(r -> r.index(index));
      client.indices().forcemerge(f -> f.index(index).maxNumSegments(1L));
      client
          .indices()
          .updateAliases(
              u -> u.actions(a -> a.add(add -> add.index(index).alias(indices.profilesAlias()))));
      long count = client.count(c -> c.index(indices.profilesAlias())).count();
      long hits =
          client
              .count(
                  c ->
                      c.index(indices.profilesAlias())
                          .query(q -> q.term(t -> t.field("identifiers.phone").value(phone(0)))))
              .count();
      if (count != scale || hits != 1) {
        throw new IllegalStateException(
            "seeded " + count + " documents (expected " + scale + "), phone hits " + hits);
      }
      LOG.info(
          "seeded {} synthetic profiles into {} in {} s",
          count,
          index,
          (System.nanoTime() - started) / 1_000_000_000);
      return new Loaded(indices.profilesAlias(), ids, phoneList, count);
    }
  }

  private static void send(ElasticsearchClient client, BulkRequest request) throws IOException {
    BulkResponse response = client.bulk(request);
    if (response.errors()) {
      String first =
          response.items().stream()
              .filter(item -> item.error() != null)
              .map(item -> item.error().reason())
              .findFirst()
              .orElse("?");
      throw new IllegalStateException("bulk indexing failed: " + first);
    }
  }

  /** A unique valid US number per index: area 212, exchanges 200-999 without 555. */
  static String phone(long i) {
    if (i >= 799 * 10_000L) {
      throw new IllegalArgumentException("at most 7,990,000 synthetic phones, asked for #" + i);
    }
    int exchange = 200 + (int) (i / 10_000);
    if (exchange >= 555) {
      exchange++;
    }
    return String.format("+1212%03d%04d", exchange, i % 10_000);
  }

  private static String indexBody() throws IOException {
    ObjectNode body = Json.mapper().createObjectNode();
    body.putObject("settings")
        .put("number_of_shards", 1)
        .put("number_of_replicas", 0)
        .put("refresh_interval", "1s");
    try (InputStream mapping = StoreIndices.class.getResourceAsStream(MAPPING)) {
      if (mapping == null) {
        throw new IllegalStateException(
            "the profiles mapping " + MAPPING + " is not on the class path");
      }
      body.set("mappings", Json.mapper().readTree(mapping));
    }
    return Json.mapper().writeValueAsString(body);
  }

  private static Map<String, Object> document(
      String workspace, String id, String phone, SplittableRandom random, Instant now) {
    String first = FIRST[random.nextInt(FIRST.length)];
    String last = LAST[random.nextInt(LAST.length)];
    String city = CITY[random.nextInt(CITY.length)];
    String email = (first + "." + last + "." + id.substring(0, 6)).toLowerCase() + "@example.com";
    String seen = now.minusSeconds(86_400L * (1 + random.nextInt(180))).toString();
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("workspace_id", workspace);
    doc.put("profile_id", id);
    doc.put("merged_from", List.of());
    doc.put("first_name", surviving(first, seen));
    doc.put("last_name", surviving(last, seen));
    doc.put("email", surviving(email, seen));
    doc.put("phone", surviving(phone, seen));
    doc.put(
        "address",
        surviving(
            Map.of("line1", random.nextInt(999) + " Main St", "city", city, "country", "US"),
            seen));
    doc.put("emails", List.of(contactPoint(email, seen)));
    doc.put("phones", List.of(contactPoint(phone, seen)));
    doc.put("identifiers", Map.of("email", List.of(email), "phone", List.of(phone)));
    doc.put(
        "search",
        Map.of(
            "name", (first + " " + last).toLowerCase(),
            "first_name", first.toLowerCase(),
            "last_name", last.toLowerCase(),
            "city", city.toLowerCase(),
            "phone_digits", List.of(phone.substring(1), phone.substring(phone.length() - 4))));
    doc.put("country", "US");
    doc.put(
        "traits",
        Map.of(
            "first_seen_at", seen,
            "last_seen_at", now.toString(),
            "event_count", 1 + random.nextInt(200),
            "channels", List.of("web", "email"),
            "order_count", random.nextInt(20)));
    doc.put("as_of", now.toString());
    doc.put("updated_at", now.toString());
    doc.put("indexed_at", now.toString());
    doc.put("delta_version", 1);
    return doc;
  }

  private static Map<String, Object> surviving(Object value, String seen) {
    return Map.of(
        "value",
        value,
        "channel",
        "crm",
        "source_system",
        "crm_export",
        "event_id",
        "evt-" + Integer.toHexString(value.hashCode()),
        "observed_at",
        seen,
        "rule",
        "most_recent");
  }

  private static Map<String, Object> contactPoint(String value, String seen) {
    return Map.of(
        "value",
        value,
        "is_primary",
        true,
        "shared",
        false,
        "event_count",
        3,
        "first_seen_at",
        seen,
        "last_seen_at",
        seen,
        "sources",
        List.of("crm_export", "web"));
  }
}
