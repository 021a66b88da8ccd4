package io.opencdp.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.TestCase;
import io.opencdp.api.store.EsConnection;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.api.testing.EsTestCluster;
import io.opencdp.schemas.config.ApiConfig;
import io.opencdp.schemas.config.SegmentsConfig;
import io.opencdp.schemas.json.Json;
import io.opencdp.schemas.segment.ProfileFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A workspace of its own for the segment routes ({@code segapi}): seven hand-built profiles behind
 * the profiles alias, an empty segments index per test class, keys of every role, a fixed clock.
 *
 * <ul>
 *   <li>{@code p-a} .. {@code p-e}: country US, each with an email and a phone; {@code p-a} and
 *       {@code p-b} have orders ({@code traits.order_count} 3 and 1)
 *   <li>{@code p-f} (DE) and {@code p-g} (FR), without contact points
 * </ul>
 */
final class SegmentFixture implements AutoCloseable {
  static final String WORKSPACE = "segapi";
  static final StoreIndices INDICES = new StoreIndices(WORKSPACE);
  static final String AGENT = "segapi-agent-key-0123456789";
  static final String MARKETER = "segapi-marketer-key-0123456789";
  static final String ADMIN = "segapi-admin-key-0123456789";
  static final List<String> US = List.of("p-a", "p-b", "p-c", "p-d", "p-e");
  static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");
  private static final String PROFILES_INDEX = INDICES.profilesIndex(NOW);

  private static boolean seeded;

  private final EsConnection es;

  private SegmentFixture(EsConnection es) {
    this.es = es;
  }

  /** Seeds the profiles once per JVM and starts each test class without saved segments. */
  static SegmentFixture open(EsTestCluster cluster) {
    EsConnection es = EsConnection.open(cluster.url(), 30_000);
    try {
      ElasticsearchClient client = es.client();
      client.indices().delete(d -> d.index(INDICES.segmentsIndex()).ignoreUnavailable(true));
      seed(client);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new SegmentFixture(es);
  }

  private static synchronized void seed(ElasticsearchClient client) throws IOException {
    if (seeded) {
      return;
    }
    client.indices().delete(d -> d.index(PROFILES_INDEX).ignoreUnavailable(true));
    StoreFixture.create(client, PROFILES_INDEX, INDICES.profilesAlias(), "profiles");
    BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(Refresh.True);
    int n = 0;
    for (String id : List.of("p-a", "p-b", "p-c", "p-d", "p-e", "p-f", "p-g")) {
      ObjectNode p = Json.mapper().createObjectNode();
      p.put("workspace_id", WORKSPACE).put("profile_id", id);
      p.put("country", US.contains(id) ? "US" : id.equals("p-f") ? "DE" : "FR");
      if (US.contains(id)) {
        String email = id.substring(2) + ".person@example.com";
        String phone = "+1555010000" + n;
        p.putObject("email").put("value", email);
        p.putObject("phone").put("value", phone);
        p.putArray("emails").addObject().put("value", email);
        p.putArray("phones").addObject().put("value", phone);
        ObjectNode identifiers = p.putObject("identifiers");
        identifiers.putArray("email").add(email);
        identifiers.putArray("phone").add(phone);
      }
      if (id.equals("p-a") || id.equals("p-b")) {
        p.putObject("traits").put("order_count", id.equals("p-a") ? 3 : 1);
      }
      p.put("indexed_at", "2026-03-15T00:00:00Z");
      n++;
      bulk.operations(o -> o.index(i -> i.index(PROFILES_INDEX).id(id).document(p)));
    }
    if (client.bulk(bulk.build()).errors()) {
      throw new IllegalStateException("seeding the segapi profiles failed");
    }
    seeded = true;
  }

  static ApiConfig config() {
    return ApiFixture.config()
        .withKeys(
            List.of(
                ApiFixture.key("seg-agent", AGENT, ApiConfig.Role.AGENT, WORKSPACE),
                ApiFixture.key("seg-marketer", MARKETER, ApiConfig.Role.MARKETER, WORKSPACE),
                ApiFixture.key("seg-admin", ADMIN, ApiConfig.Role.ADMIN, WORKSPACE)));
  }

  EsConnection connection() {
    return es;
  }

  /**
   * Runs {@code test} against a server of workspace {@code segapi}, clock fixed at {@link #NOW}.
   */
  void test(TestCase test) {
    test(ProfileFields.withCustomTraits(List.of("favourite_store")), test);
  }

  /** {@link #test(TestCase)} with the profile fields {@code fields}. */
  void test(ProfileFields fields, TestCase test) {
    ApiServer server =
        new ApiServer(
            config(),
            WORKSPACE,
            fields,
            new SegmentsConfig(ZoneId.of("Europe/Berlin")),
            Clock.fixed(NOW, ZoneOffset.UTC),
            new ApiFixture.FixedReadiness("green"),
            es);
    JavalinTest.test(server.app(), test);
  }

  @Override
  public void close() {
    es.close();
  }
}
