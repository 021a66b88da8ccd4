package io.opencdp.jobs.stream;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.api.store.EsConnection;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.api.testing.ElasticsearchExtension;
import io.opencdp.api.testing.EsTestCluster;
import io.opencdp.ingest.connector.Connectors;
import io.opencdp.ingest.connector.LandedFileParser;
import io.opencdp.ingest.connector.ParseResult;
import io.opencdp.jobs.testing.StreamTestConfig;
import io.opencdp.resolve.guardrail.NeverLinkRules;
import io.opencdp.resolve.stream.MemoryState;
import io.opencdp.resolve.stream.SeedFile;
import io.opencdp.resolve.stream.StreamSeed;
import io.opencdp.resolve.stream.StreamState;
import io.opencdp.resolve.stream.StreamingResolver;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.event.TouchpointEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reconciliation in the running job: a seed that {@code cdp resolve} writes while the stream runs
 * (here built with the same plain-Java code from a batch verdict the stream's rules would not
 * reach: a probabilistic join of two persons) replaces the stream's state on the next event; an
 * event the stream read after the batch's ingest is resolved again on top, and the store then holds
 * the batch's profile, the stream's other id gone and listed in its merged_from.
 */
@ExtendWith(ElasticsearchExtension.class)
class StreamReconcileTest {
  private static final String WORKSPACE = "stream-reconcile";
  private static final String[] MIA = StreamJobTest.JOINING.split("\n");

  /** The phone's visitor again, after the batch's ingest. */
  private static final String PHONE_AGAIN =
      """
      {"type":"page","messageId":"mia-5","anonymousId":"0c7d5e62-1f7b-4a57-9a3e-6c1d2b3a4f02","name":"Home","properties":{"path":"/"},"timestamp":"2026-07-02T10:00:00Z","receivedAt":"2026-07-02T10:00:01Z","version":2}
      """;

  /** The email's visitor again: the first event after the seed appears. */
  private static final String EMAIL_AGAIN =
      """
      {"type":"page","messageId":"mia-6","anonymousId":"0c7d5e62-1f7b-4a57-9a3e-6c1d2b3a4f01","name":"Cart","properties":{"path":"/cart"},"timestamp":"2026-07-02T11:00:00Z","receivedAt":"2026-07-02T11:00:01Z","version":2}
      """;

  @TempDir Path dir;

  @Test
  void aNewerSeedReplacesTheStateAndLaterEventsResolveOnTop(EsTestCluster cluster)
      throws Exception {
    Path web = dir.resolve("landing").resolve("web");
    StreamTestConfig.land(web, "web-1.jsonl", MIA[0] + "\n" + MIA[1] + "\n");
    CdpConfig config =
        StreamTestConfig.write(
            dir,
            WORKSPACE,
            dir.resolve("landing"),
            "stream:\n  state_backend: hashmap\n  checkpoint_interval_millis: 300\n"
                + "  monitor_interval_millis: 200\n");
    StoreIndices names = new StoreIndices(WORKSPACE);
    try (EsConnection es = EsConnection.open(cluster.url(), 30_000)) {
      StreamJob job = new StreamJob(config, es.url());
      CompletableFuture<StreamReport> running = Background.run(job);
      String kept;
      String alias;
      try {
        StoreCounts.awaitEvents(es, names, 2, Duration.ofSeconds(60));
        assertThat(profiles(es, names)).hasSize(2);

        // the batch's verdict on the first file: one person, the email's id kept
        List<TouchpointEvent> batchEvents = parse(config, web.resolve("web-1.jsonl"));
        StreamingResolver resolver = StreamJob.resolver(config);
        MemoryState alone = StreamState.inMemory();
        batchEvents.forEach(e -> resolver.resolve(e, alone));
        kept = alone.events().get(batchEvents.get(0).eventId()).profileId();
        alias = alone.events().get(batchEvents.get(1).eventId()).profileId();
        StreamSeed.BatchResult batch =
            new StreamSeed.BatchResult(
                batchEvents,
                List.of(
                    List.of(
                        alone.profiles().get(kept).clusterKey(),
                        alone.profiles().get(alias).clusterKey())),
                Map.of(batchEvents.get(0).eventId(), kept, batchEvents.get(1).eventId(), kept),
                Map.of(alias, kept));

        StreamTestConfig.land(
            web, "web-2.jsonl", PHONE_AGAIN); // read by the stream after the batch's ingest
        StoreCounts.awaitEvents(es, names, 3, Duration.ofSeconds(30));
        SeedFile.write(
            SeedFile.directory(config.workDir()),
            WORKSPACE,
            "resolve-" + Instant.now().toEpochMilli() + "-test",
            StreamSeed.build(resolver, batch).state(),
            batchEvents,
            NeverLinkRules.none());
        Thread.sleep(StreamResolveFunction.SEED_CHECK_MILLIS + 300);
        StreamTestConfig.land(web, "web-3.jsonl", EMAIL_AGAIN);

        awaitOneProfile(es, names, kept, 4, Duration.ofSeconds(30));
      } finally {
        job.cancel();
        running.get(60, TimeUnit.SECONDS);
      }

      Map<String, ObjectNode> profiles = profiles(es, names);
      assertThat(profiles).containsOnlyKeys(kept);
      assertThat(profiles.get(kept).path("merged_from").toString()).contains(alias);
      assertThat(eventProfiles(es, names).values()).hasSize(4).containsOnly(kept);
    }
  }

  private static void awaitOneProfile(
      EsConnection es, StoreIndices names, String id, int events, Duration timeout)
      throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      Map<String, String> of = eventProfiles(es, names);
      if (profiles(es, names).keySet().equals(java.util.Set.of(id))
          && of.size() == events
          && of.values().stream().allMatch(id::equals)) {
        return;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not one profile " + id + " after " + timeout + ": " + of);
      }
      Thread.sleep(100);
    }
  }

  /** The events a web landing file holds, parsed as the stream parses them. */
  static List<TouchpointEvent> parse(CdpConfig config, Path file) throws IOException {
    List<TouchpointEvent> events = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      LandedFileParser.parse(
          in,
          "web/" + file.getFileName(),
          Connectors.create("web", config.ingest(), config.workspace()),
          config.ingest().maxLineBytes(),
          Instant.now(),
          r -> events.add(((ParseResult.Parsed) r).event()));
    }
    return events;
  }

  private static Map<String, ObjectNode> profiles(EsConnection es, StoreIndices names)
      throws IOException {
    return search(es, names.profilesAlias()).stream()
        .collect(Collectors.toMap(Hit::id, Hit::source, (a, b) -> a, TreeMap::new));
  }

  private static Map<String, String> eventProfiles(EsConnection es, StoreIndices names)
      throws IOException {
    return search(es, names.eventsAlias()).stream()
        .collect(
            Collectors.toMap(
                Hit::id, h -> h.source().get("profile_id").asText(), (a, b) -> a, TreeMap::new));
  }

  private static List<Hit<ObjectNode>> search(EsConnection es, String alias) throws IOException {
    es.client().indices().refresh(r -> r.index(alias));
    return es.client().search(s -> s.index(alias).size(100), ObjectNode.class).hits().hits();
  }
}
