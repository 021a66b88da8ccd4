package io.opencdp.jobs.stream;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.api.store.EsConnection;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.api.testing.ElasticsearchExtension;
import io.opencdp.api.testing.EsTestCluster;
import io.opencdp.jobs.testing.StreamTestConfig;
import io.opencdp.resolve.guardrail.NeverLinkRules;
import io.opencdp.resolve.stream.SeedFile;
import io.opencdp.resolve.stream.StreamSeed;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.event.TouchpointEvent;
import io.opencdp.schemas.privacy.IdentifierHasher;
import io.opencdp.schemas.privacy.SuppressedIdentifiers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Erasure in the running job (docs/privacy.md): the seed an erasure writes carries the salted
 * hashes of the person's identifiers and events; the stream takes it on its next event, forgets the
 * person's events (their profile and event documents deleted), drops and counts the person's events
 * that arrive again, and its next checkpoints hold nothing of them.
 */
@ExtendWith(ElasticsearchExtension.class)
class StreamErasureTest {
  private static final String WORKSPACE = "stream-erasure";
  private static final String[] MIA = StreamJobTest.JOINING.split("\n");

  /** The erased visitor's cookie and email. */
  private static final String ERASED_COOKIE = "0c7d5e62-1f7b-4a57-9a3e-6c1d2b3a4f01";

  private static final String ERASED_EMAIL = "mia.stone@example.com";

  /** The erased visitor again, later: dropped by its cookie. */
  private static final String ERASED_AGAIN =
      """
      {"type":"page","messageId":"mia-6","anonymousId":"0c7d5e62-1f7b-4a57-9a3e-6c1d2b3a4f01","name":"Cart","properties":{"path":"/cart"},"timestamp":"2026-07-02T11:00:00Z","receivedAt":"2026-07-02T11:00:01Z","version":2}
      """;

  /** The other visitor again: kept. */
  private static final String OTHER_AGAIN =
      """
      {"type":"page","messageId":"mia-5","anonymousId":"0c7d5e62-1f7b-4a57-9a3e-6c1d2b3a4f02","name":"Home","properties":{"path":"/"},"timestamp":"2026-07-02T10:00:00Z","receivedAt":"2026-07-02T10:00:01Z","version":2}
      """;

  @TempDir Path dir;

  @Test
  void anErasureSeedMakesTheStreamForgetThePersonAndDropTheirLaterEvents(EsTestCluster cluster)
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
    StreamReport report;
    try (EsConnection es = EsConnection.open(cluster.url(), 30_000)) {
      AtomicReference<StreamReport> polled = new AtomicReference<>();
      StreamJob job = new StreamJob(config, es.url()).reports(polled::set);
      CompletableFuture<StreamReport> running = Background.run(job);
      try {
        StoreCounts.awaitEvents(es, names, 2, Duration.ofSeconds(60));
        assertThat(search(es, names.profilesAlias())).hasSize(2);
        long landed1 = checkpointNumber(job);
        await(() -> checkpointNumber(job) >= landed1 + 2, "a checkpoint holding both visitors");
        // the grep below can see the person in a checkpoint
        assertThat(filesHolding(job.checkpointDir(), ERASED_COOKIE)).isNotEmpty();

        // what the erasure leaves: the other visitor's event; the hashes of the erased one's
        List<TouchpointEvent> parsed =
            StreamReconcileTest.parse(config, web.resolve("web-1.jsonl"));
        TouchpointEvent erased = parsed.get(0);
        TouchpointEvent kept = parsed.get(1);
        IdentifierHasher hasher =
            IdentifierHasher.fromFile(config.privacy().saltFileIn(config.workDir()));
        Set<String> hashes = new HashSet<>(SuppressedIdentifiers.keysOf(erased, hasher));
        StreamSeed.BatchResult batch =
            new StreamSeed.BatchResult(List.of(kept), List.of(), Map.of(), Map.of());
        SeedFile.write(
            SeedFile.directory(config.workDir()),
            WORKSPACE,
            "resolve-" + Instant.now().toEpochMilli() + "-erasure",
            StreamSeed.build(StreamJob.resolver(config), batch).state(),
            List.of(kept),
            NeverLinkRules.none(),
            hashes,
            false);
        Thread.sleep(StreamResolveFunction.SEED_CHECK_MILLIS + 300);
        // the erased visitor's first event re-sent, a later one, and the other visitor's
        StreamTestConfig.land(web, "web-2.jsonl", MIA[0] + "\n" + ERASED_AGAIN + OTHER_AGAIN);

        await(
            () -> {
              List<Hit<ObjectNode>> events = search(es, names.eventsAlias());
              return events.size() == 2
                  && events.stream().noneMatch(h -> h.source().toString().contains("4f01"))
                  && search(es, names.profilesAlias()).size() == 1;
            },
            "the erased visitor gone from the store, the other one's two events kept");
        long swapped = checkpointNumber(job);
        await(() -> checkpointNumber(job) >= swapped + 2, "two checkpoints after the erasure");
        assertThat(filesHolding(job.checkpointDir(), ERASED_COOKIE, ERASED_EMAIL)).isEmpty();
        assertThat(filesHolding(SeedFile.directory(config.workDir()), ERASED_COOKIE, ERASED_EMAIL))
            .isEmpty();
        assertThat(search(es, names.profilesAlias()).toString())
            .doesNotContain(ERASED_COOKIE)
            .doesNotContain(ERASED_EMAIL);
        // the counters reach the job's report with the task managers' heartbeats
        await(
            () -> polled.get() != null && polled.get().suppressed() == 2,
            "the dropped events counted");
      } finally {
        job.cancel();
        report = running.get(60, TimeUnit.SECONDS);
      }
    }
    assertThat(report.suppressed()).isEqualTo(2);
    assertThat(report.progressLine()).contains("2 event(s) of erased people dropped");
  }

  private static long checkpointNumber(StreamJob job) {
    return Checkpoints.latest(job.checkpointDir())
        .map(p -> Long.parseLong(p.getFileName().toString().substring("chk-".length())))
        .orElse(-1L);
  }

  /** The files under {@code root} whose bytes contain any of {@code values}. */
  private static List<Path> filesHolding(Path root, String... values) throws IOException {
    if (!Files.exists(root)) {
      return List.of();
    }
    List<Path> holding = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        for (String value : values) {
          if (text.contains(value)) {
            holding.add(file);
            break;
          }
        }
      }
    }
    return holding;
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not within 60 s: " + what);
      }
      Thread.sleep(100);
    }
  }

  private static List<Hit<ObjectNode>> search(EsConnection es, String alias) {
    try {
      es.client().indices().refresh(r -> r.index(alias).ignoreUnavailable(true));
      return es.client().search(s -> s.index(alias).size(100), ObjectNode.class).hits().hits();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
