package io.opencdp.jobs.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.api.store.EsConnection;
import io.opencdp.api.store.IndexAdmin;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.api.testing.ElasticsearchExtension;
import io.opencdp.api.testing.EsTestCluster;
import io.opencdp.schemas.json.Json;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link IndexAdmin#replayStreamWrites}: a full re-index loads new indices from Delta while the
 * stream keeps writing through the alias into the old one: after the swap, what the stream wrote
 * during the load is in the new index, with the stream's version, and the ids it merged away are
 * gone from it.
 */
@ExtendWith(ElasticsearchExtension.class)
class StreamWritesReplayTest {
  private static final Instant LOAD_STARTED = Instant.parse("2026-11-24T10:00:00Z");
  private static final String OLD = "cdp-replay-profiles-old";
  private static final String NEW = "cdp-replay-profiles-new";
  private static final long STREAM_VERSION = 1_795_000_000_000_000L;

  private static EsConnection es;
  private static ElasticsearchClient client;
  private static long replayed;

  @BeforeAll
  static void loadWhileTheStreamWrites(EsTestCluster cluster) throws IOException {
    es = EsConnection.open(cluster.url(), 30_000);
    client = es.client();
    IndexAdmin admin = new IndexAdmin(client, new StoreIndices("replay"));
    admin.createProfilesIndexForLoad(OLD);
    admin.createProfilesIndexForLoad(NEW);
    // the old index: a batch document, the stream's write before the load, its write during it
    put(OLD, doc("p_batch", 7, "2026-11-24T09:00:00Z"), null);
    put(OLD, doc("p_before", -1, "2026-11-24T09:59:59Z"), STREAM_VERSION - 5);
    ObjectNode during = doc("p_survivor", -1, "2026-11-24T10:00:03Z");
    during.putArray("merged_from").add("p_alias");
    put(OLD, during, STREAM_VERSION);
    // the new index, from Delta: the batch's view of the three
    put(NEW, doc("p_batch", 8, "2026-11-24T10:00:05Z"), null);
    put(NEW, doc("p_survivor", 8, "2026-11-24T10:00:05Z"), null);
    put(NEW, doc("p_alias", 8, "2026-11-24T10:00:05Z"), null);
    admin.finishLoad(OLD, 0);
    admin.finishLoad(NEW, 0);

    replayed = admin.replayStreamWrites(OLD, NEW, LOAD_STARTED, ProfileDocument.NOT_FROM_DELTA);
    admin.refresh(NEW);
  }

  @AfterAll
  static void close() {
    if (es != null) {
      es.close();
    }
  }

  @Test
  void theStreamsWriteDuringTheLoadIsInTheNewIndexWithItsVersion() throws IOException {
    GetResponse<ObjectNode> survivor = get("p_survivor");
    assertThat(replayed).isEqualTo(1);
    assertThat(survivor.source().get("delta_version").asLong()).isEqualTo(-1);
    assertThat(survivor.version()).isEqualTo(STREAM_VERSION);
  }

  @Test
  void theIdItMergedAwayIsDeletedFromTheNewIndex() throws IOException {
    assertThat(get("p_alias").found()).isFalse();
  }

  @Test
  void writesBeforeTheLoadAndBatchDocumentsAreNotReplayed() throws IOException {
    assertThat(get("p_batch").source().get("delta_version").asLong()).isEqualTo(8);
    assertThat(get("p_before").found()).isFalse();
  }

  private static ObjectNode doc(String id, long deltaVersion, String indexedAt) {
    ObjectNode doc = Json.mapper().createObjectNode();
    doc.put("profile_id", id);
    doc.put("indexed_at", indexedAt);
    doc.put("delta_version", deltaVersion);
    return doc;
  }

  private static void put(String index, ObjectNode doc, Long externalVersion) throws IOException {
    String id = doc.get("profile_id").asText();
    client.index(
        i -> {
          i.index(index).id(id).document(doc);
          if (externalVersion != null) {
            i.version(externalVersion).versionType(VersionType.External);
          }
          return i;
        });
  }

  private static GetResponse<ObjectNode> get(String id) throws IOException {
    return client.get(g -> g.index(NEW).id(id), ObjectNode.class);
  }
}
