package io.opencdp.jobs.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load generator in its own process against a tiny in-process server that stalls once for 300
 * ms: the stall must show in the latencies from the intended send time, for every request that
 * queued behind it, and hardly in the service times.
 */
class LoadGeneratorProcessTest {
  private static final int STALLED_REQUEST = 250;
  private static final long STALL_MILLIS = 300;

  private final AtomicInteger received = new AtomicInteger();
  private Javalin server;

  @BeforeEach
  void startServer() {
    server =
        Javalin.create(config -> config.showJavalinBanner = false)
            .get(
                "/fast/{n}",
                ctx -> {
                  if (received.incrementAndGet() == STALLED_REQUEST) {
                    Thread.sleep(STALL_MILLIS);
                  }
                  ctx.result("ok " + ctx.pathParam("n"));
                })
            .start("127.0.0.1", 0);
  }

  @AfterEach
  void stopServer() {
    server.stop();
  }

  @Test
  void aServerStallShowsInLatencyFromTheIntendedTimeButHardlyInServiceTime(@TempDir Path dir)
      throws Exception {
    LoadRun run = new LoadRun(dir);
    List<RequestLine> lines =
        java.util.stream.IntStream.range(0, 50)
            .mapToObj(n -> RequestLine.get("/fast/" + n, Map.of("Authorization", "Bearer k")))
            .toList();
    Path requests = run.writeRequests("fast", lines);
    LoadSpec spec =
        LoadSpec.open("stall", "http://127.0.0.1:" + server.port(), requests, 200, 0.5, 2.0, 1, 7);

    LoadResult result = run.run(spec);

    // 0.5 s warm-up (100 requests) then 2 s at 200 req/s; the stall hits request 250
    assertThat(result.requests()).isEqualTo(400);
    assertThat(result.completed()).isEqualTo(400);
    assertThat(result.errors()).isEqualTo(Collections.emptyMap());
    assertThat(result.statuses()).containsEntry("200", 400L);
    assertThat(result.achievedRate()).isBetween(180.0, 220.0);
    // ~60 requests were due during the stall and waited for the one connection
    assertThat(result.backlogged()).isGreaterThanOrEqualTo(40);
    assertThat(result.latency().p999()).isGreaterThanOrEqualTo(280.0);
    assertThat(result.latency().p99()).isGreaterThanOrEqualTo(250.0);
    assertThat(result.latency().p90()).isGreaterThanOrEqualTo(50.0);
    assertThat(result.service().max()).isGreaterThanOrEqualTo(290.0);
    assertThat(result.service().p99()).isLessThan(100.0);
    assertThat(result.service().p90()).isLessThan(result.latency().p90() / 5);
  }

  @Test
  void countsUnexpectedStatusesAsErrors(@TempDir Path dir) throws Exception {
    LoadRun run = new LoadRun(dir);
    Path requests = run.writeRequests("missing", List.of(RequestLine.get("/nothing", Map.of())));
    LoadSpec spec =
        LoadSpec.open("missing", "http://127.0.0.1:" + server.port(), requests, 100, 0, 0.5, 2, 1);

    LoadResult result = run.run(spec);

    assertThat(result.statuses()).containsEntry("404", 50L);
    assertThat(result.errors()).containsEntry("status_404", 50L);
    assertThat(run.run(spec.withExpectedStatuses(java.util.Set.of(404))).errorCount()).isZero();
  }
}
