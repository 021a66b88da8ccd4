package io.opencdp.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencdp.api.store.EsConnection;
import io.opencdp.api.testing.ElasticsearchExtension;
import io.opencdp.api.testing.EsTestCluster;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** How a create that finds its document already there reads, against a real node. */
@ExtendWith(ElasticsearchExtension.class)
class EsCallsTest {
  private static final String INDEX = "escalls-created";
  private static EsConnection es;

  @BeforeAll
  static void open(EsTestCluster cluster) throws IOException {
    es = EsConnection.open(cluster.url(), 30_000);
    es.client().indices().delete(d -> d.index(INDEX).ignoreUnavailable(true));
  }

  @AfterAll
  static void close() {
    es.close();
  }

  private static boolean create(String id, String value) {
    return EsCalls.createDocument(es.client(), INDEX, id, Map.of("value", value));
  }

  @Test
  void aSecondCreateOfTheSameIdIsEmptyNotAnOutageAndKeepsTheFirst() throws IOException {
    assertThat(create("one", "first")).isTrue();
    // the 409 must not read as Elasticsearch being unavailable (a 503 to the caller)
    assertThat(create("one", "second")).isFalse();
    assertThat(es.client().get(g -> g.index(INDEX).id("one"), Map.class).source().get("value"))
        .isEqualTo("first");
  }
}
