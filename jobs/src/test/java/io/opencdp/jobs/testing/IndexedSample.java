package io.opencdp.jobs.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.ingest.spark.SampleData;
import io.opencdp.ingest.testing.SharedSpark;
import io.opencdp.jobs.index.IndexJob;
import io.opencdp.jobs.index.IndexMode;
import io.opencdp.jobs.index.IndexReport;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The profiled sample ({@link SampleCopies#privateCopyWithProfiles}) indexed in full into the test
 * JVM's Elasticsearch node once, for the tests that start from "the sample, indexed" and then
 * change it (IndexJobTest, SegmentRefreshJobTest, ErasureJobTest): a full {@code cdp index} of the
 * sample costs 17 to 26 s each time.
 *
 * <p>Each {@link #privateCopy} gets its own copy of the indexed work directory (its {@code
 * index_log} names the run) and the node put back as that run left it: the workspace's profiles,
 * identity and event indices are deleted and cloned, under their own names and with their aliases,
 * from read-only hidden copies taken after the run ({@code _clone} hard-links the segments; about a
 * second). The hidden copies are named {@code fixture-...}: no workspace pattern matches them and
 * {@code *} does not expand to hidden indices.
 */
public final class IndexedSample {
  private static final Logger LOG = LoggerFactory.getLogger(IndexedSample.class);
  private static final String SAVED = "fixture-indexed-sample-";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static IndexedSample instance;

  /** A private copy: its config (own work directory) and the report of the full run it holds. */
  public record Copy(CdpConfig config, IndexReport full) {}

  private final CdpConfig indexed;
  private final IndexReport full;
  private final String esUrl;
  private final String patterns;

  /** index -> its aliases and replicas when saved. */
  private final Map<String, ObjectNode> saved = new TreeMap<>();

  private IndexedSample(CdpConfig indexed, IndexReport full, String esUrl) {
    this.indexed = indexed;
    this.full = full;
    this.esUrl = esUrl;
    StoreIndices names = new StoreIndices(indexed.workspace());
    this.patterns =
        String.join(
            ",",
            names.profilesAlias() + "-*",
            names.identityAlias() + "-*",
            names.eventsIndexPattern());
  }

  /**
   * A private copy of the indexed sample, the node holding what its full run wrote (indexed now by
   * the first caller of the JVM).
   */
  public static synchronized Copy privateCopy(String prefix, String esUrl) {
    if (instance == null || !instance.esUrl.equals(esUrl)) {
      CdpConfig config = SampleCopies.privateCopyWithProfiles("indexed-sample");
      IndexReport full =
          new IndexJob(SharedSpark.session(), config, esUrl)
              .progress(line -> System.out.println("index: " + line))
              .run(IndexMode.INCREMENTAL);
      instance = new IndexedSample(config, full, esUrl);
      instance.save();
    } else {
      instance.restore();
    }
    Path work = SharedSpark.newTableDir(prefix);
    SampleData.copyTree(instance.indexed.workDir(), work);
    return new Copy(instance.indexed.withWorkDir(work), instance.full);
  }

  private void save() {
    long t0 = System.nanoTime();
    JsonNode aliases = json("GET", "/" + patterns + "/_alias", null);
    JsonNode settings =
        json("GET", "/" + patterns + "/_settings/index.number_of_replicas?flat_settings", null);
    List<String> indices = new ArrayList<>();
    aliases.fieldNames().forEachRemaining(indices::add);
    String all = String.join(",", indices);
    json("PUT", "/" + all + "/_settings", "{\"index.blocks.write\": true}");
    for (String index : indices) {
      ObjectNode state = Json.mapper().createObjectNode();
      state.set("aliases", aliases.path(index).path("aliases"));
      state.put(
          "replicas",
          settings.path(index).path("settings").path("index.number_of_replicas").asText("0"));
      saved.put(index, state);
      // the copy keeps the write block; hidden, so `*` never finds it
      json(
          "POST",
          "/" + index + "/_clone/" + SAVED + index,
          "{\"settings\": {\"index.hidden\": true, \"index.number_of_replicas\": 0}}");
    }
    json("PUT", "/" + all + "/_settings", "{\"index.blocks.write\": false}");
    LOG.info(
        "indexed sample: {} indices saved in {} ms",
        indices.size(),
        (System.nanoTime() - t0) / 1_000_000);
  }

  private void restore() {
    long t0 = System.nanoTime();
    List<String> current = new ArrayList<>();
    Iterator<String> names =
        json("GET", "/" + patterns + "/_alias?expand_wildcards=all", null).fieldNames();
    names.forEachRemaining(current::add);
    if (!current.isEmpty()) {
      json("DELETE", "/" + String.join(",", current), null);
    }
    for (Map.Entry<String, ObjectNode> e : saved.entrySet()) {
      ObjectNode body = Json.mapper().createObjectNode();
      body.putObject("settings")
          .put("index.hidden", false)
          .put("index.blocks.write", false)
          .put("index.number_of_replicas", e.getValue().path("replicas").asText());
      body.set("aliases", e.getValue().path("aliases"));
      json("POST", "/" + SAVED + e.getKey() + "/_clone/" + e.getKey(), body.toString());
    }
    json(
        "GET",
        "/_cluster/health/" + String.join(",", saved.keySet()) + "?wait_for_status=yellow",
        null);
    LOG.info(
        "indexed sample: {} indices restored in {} ms",
        saved.size(),
        (System.nanoTime() - t0) / 1_000_000);
  }

  private JsonNode json(String method, String path, String body) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(esUrl + path))
                  .header("Content-Type", "application/json")
                  .method(
                      method,
                      body == null
                          ? HttpRequest.BodyPublishers.noBody()
                          : HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            method + " " + path + ": " + response.statusCode() + " " + response.body());
      }
      return Json.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
