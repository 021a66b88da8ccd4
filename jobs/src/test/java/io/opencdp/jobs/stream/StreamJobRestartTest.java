package io.opencdp.jobs.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencdp.api.store.EsConnection;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.api.testing.ElasticsearchExtension;
import io.opencdp.api.testing.EsTestCluster;
import io.opencdp.jobs.testing.StreamTestConfig;
import io.opencdp.schemas.config.CdpConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cdp stream} monitoring the landing area: a file landed while it runs reaches the store in
 * seconds, and after Ctrl-C (a cancel) the next run resumes from the retained checkpoint and writes
 * nothing twice.
 */
@ExtendWith(ElasticsearchExtension.class)
class StreamJobRestartTest {
  private static final String WORKSPACE = "stream-restart";

  @TempDir Path dir;

  @Test
  void aLandedFileReachesTheStoreInSecondsAndARestartResumesFromTheCheckpoint(EsTestCluster cluster)
      throws Exception {
    Path landing = dir.resolve("landing");
    StreamTestConfig.land(
        landing.resolve("web"), "web-1.jsonl", page("live-1", "2026-05-08T18:30:40Z"));
    CdpConfig config =
        StreamTestConfig.write(
            dir,
            WORKSPACE,
            landing,
            "stream:\n  state_backend: hashmap\n  checkpoint_interval_millis: 300\n"
                + "  monitor_interval_millis: 200\n");
    StoreIndices names = new StoreIndices(WORKSPACE);
    try (EsConnection es = EsConnection.open(cluster.url(), 30_000)) {
      AtomicReference<StreamReport> polled = new AtomicReference<>();
      StreamJob job = new StreamJob(config, es.url()).reports(polled::set);
      CompletableFuture<StreamReport> running = Background.run(job);
      Duration latency;
      StreamReport first;
      try {
        StoreCounts.awaitEvents(es, names, 1, Duration.ofSeconds(60));
        Instant landed = Instant.now();
        StreamTestConfig.land(
            landing.resolve("web"), "web-2.jsonl", page("live-2", "2026-05-08T18:31:40Z"));
        StoreCounts.awaitEvents(es, names, 2, Duration.ofSeconds(30));
        latency = Duration.between(landed, Instant.now());
        // the counters reach the job's report with the task managers' heartbeats: wait for them,
        // then for a checkpoint begun after them (a fixed sleep lost this race on a busy machine)
        await(() -> polled.get() != null && polled.get().files() == 2, "both files counted");
        long counted = checkpointNumber(job);
        await(() -> checkpointNumber(job) >= counted + 2, "a checkpoint after the second file");
      } finally {
        job.cancel();
        first = running.get(60, TimeUnit.SECONDS);
      }

      assertThat(latency).isLessThan(Duration.ofSeconds(5));
      assertThat(first.files()).isEqualTo(2);
      assertThat(Checkpoints.latest(job.checkpointDir())).isPresent();

      StreamReport again = new StreamJob(config, es.url()).once(true).run();

      assertThat(again.restoredFrom()).isNotNull();
      assertThat(again.replayed()).isEqualTo(2);
      assertThat(again.profileWrites() + again.eventWrites()).isZero();
      assertThat(StoreCounts.count(es, names.eventsAlias())).isEqualTo(2);
    }
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  /** The number of the latest complete checkpoint ({@code chk-<n>}), or -1. */
  private static long checkpointNumber(StreamJob job) {
    return Checkpoints.latest(job.checkpointDir())
        .map(chk -> Long.parseLong(chk.getFileName().toString().substring("chk-".length())))
        .orElse(-1L);
  }

  private static String page(String messageId, String at) {
    return "{\"type\":\"page\",\"messageId\":\""
        + messageId
        + "\",\"anonymousId\":\"5a1e2b7c-0d9e-4c1a-9f00-1b2c3d4e5f60\",\"userId\":\"C100200300\","
        + "\"name\":\"Home\",\"properties\":{\"path\":\"/\"},\"timestamp\":\""
        + at
        + "\",\"receivedAt\":\""
        + at
        + "\",\"version\":2}\n";
  }
}
