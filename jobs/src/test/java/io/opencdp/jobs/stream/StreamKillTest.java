package io.opencdp.jobs.stream;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.api.store.EsConnection;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.api.testing.ElasticsearchExtension;
import io.opencdp.api.testing.EsTestCluster;
import io.opencdp.jobs.cli.CdpCli;
import io.opencdp.schemas.config.ConfigLoader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The exactly-once acceptance: {@code cdp stream} in its own JVM is killed with SIGKILL (kill -9)
 * while files keep landing, started again, and must end with every event once and the profiles a
 * clean run over the same files makes: no duplicate, no lost event, same profile ids and merges.
 */
@ExtendWith(ElasticsearchExtension.class)
class StreamKillTest {
  private static final int FILES = 16;
  private static final int PERSONS_PER_FILE = 10;

  /** Per person: a page from each of two sessions, then an identify in each joining them. */
  private static final int EVENTS_PER_PERSON = 4;

  private static final int EVENTS = FILES * PERSONS_PER_FILE * EVENTS_PER_PERSON;

  @TempDir Path dir;

  @Test
  void killedWithSigkillMidStreamAndRestartedItEndsWithEveryEventOnceAndTheSameProfiles(
      EsTestCluster cluster) throws Exception {
    Path landingRoot = dir.resolve("landing");
    Files.createDirectories(landingRoot.resolve("web"));
    Path yaml = config("stream-kill", landingRoot);
    StoreIndices killed = new StoreIndices("stream-kill");
    try (EsConnection es = EsConnection.open(cluster.url(), 30_000)) {
      Process first = startStream(yaml, cluster.url(), dir.resolve("first.log"));
      // the first half of the files lands one every 400 ms while the stream runs (and maybe while
      // it is killed), the second half while it is down
      CompletableFuture<Void> landing =
          CompletableFuture.runAsync(
              () -> {
                try {
                  for (int n = 0; n < FILES / 2; n++) {
                    land(landingRoot, n);
                    Thread.sleep(400);
                  }
                } catch (IOException | InterruptedException e) {
                  throw new CompletionException(e);
                }
              });
      try {
        StoreCounts.awaitEvents(es, killed, 1, Duration.ofSeconds(90));
        awaitCheckpoint(dir.resolve("stream-kill").resolve("stream").resolve("checkpoints"));
      } finally {
        first.destroyForcibly(); // SIGKILL: no cancel, no final checkpoint, no flush
        first.waitFor(30, TimeUnit.SECONDS);
      }
      long atKill = StoreCounts.count(es, killed.eventsAlias());
      LoggerFactory.getLogger(StreamKillTest.class)
          .info("killed with {} of {} event documents in the store", atKill, EVENTS);
      landing.get(60, TimeUnit.SECONDS);
      for (int n = FILES / 2; n < FILES; n++) {
        land(landingRoot, n);
      }

      Process second = startStream(yaml, cluster.url(), dir.resolve("second.log"));
      try {
        StoreCounts.awaitEvents(es, killed, EVENTS, Duration.ofSeconds(120));
        Thread.sleep(1000); // nothing more may arrive
      } finally {
        second.destroyForcibly();
        second.waitFor(30, TimeUnit.SECONDS);
      }

      new StreamJob(ConfigLoader.load(config("stream-clean", landingRoot)), es.url())
          .once(true)
          .run();
      StoreIndices clean = new StoreIndices("stream-clean");

      assertThat(atKill).isBetween(1L, EVENTS - 1L);
      assertThat(Files.readString(dir.resolve("second.log"))).contains("resuming from checkpoint");
      Map<String, String> events = profileOfEvent(es, killed);
      assertThat(events).hasSize(EVENTS).isEqualTo(profileOfEvent(es, clean));
      assertThat(profiles(es, killed))
          .isEqualTo(profiles(es, clean))
          .hasSize(FILES * PERSONS_PER_FILE);
    }
  }

  private Path config(String workspace, Path landing) throws IOException {
    Path yaml = dir.resolve(workspace + ".yaml");
    Files.writeString(
        yaml,
        "workspace: "
            + workspace
            + "\nwork_dir: "
            + dir.resolve(workspace)
            + "\ningest:\n  landing_root: "
            + landing
            + "\nstream:\n  state_backend: hashmap\n  checkpoint_interval_millis: 300\n"
            + "  monitor_interval_millis: 200\n");
    return yaml;
  }

  /** {@code cdp stream} in a JVM of its own, with this one's class path and module flags. */
  private static Process startStream(Path yaml, String esUrl, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-opens") || arg.startsWith("--add-exports")) {
        command.add(arg);
      }
    }
    command.add("-Xmx1g");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(CdpCli.class.getName());
    command.add("--config");
    command.add(yaml.toString());
    command.add("stream");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    builder.environment().put("CDP_ES_URL", esUrl);
    return builder.start();
  }

  /** File {@code n}: ten persons, each with two sessions an identify joins by email. */
  private static void land(Path landing, int n) throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int p = 0; p < PERSONS_PER_FILE; p++) {
      String person = n + "-" + p;
      String a = uuid(n, p, 1);
      String b = uuid(n, p, 2);
      String email = "person" + person + "@kill.test";
      String at = String.format("2026-05-%02dT10:%02d:00Z", n + 1, p);
      lines.append(page("pa-" + person, a, at));
      lines.append(page("pb-" + person, b, at));
      lines.append(identify("ia-" + person, a, email, at));
      lines.append(identify("ib-" + person, b, email, at));
    }
    Path temp = landing.resolve("web").resolve("_web-" + n + ".jsonl");
    Files.writeString(temp, lines);
    Files.move(
        temp,
        landing.resolve("web").resolve("web-" + n + ".jsonl"),
        StandardCopyOption.ATOMIC_MOVE);
  }

  private static String uuid(int file, int person, int session) {
    return String.format("00000000-0000-4000-8000-%04d%04d%04d", file, person, session);
  }

  private static String page(String id, String anonymous, String at) {
    return "{\"type\":\"page\",\"messageId\":\""
        + id
        + "\",\"anonymousId\":\""
        + anonymous
        + "\",\"name\":\"Home\",\"properties\":{\"path\":\"/\"},\"timestamp\":\""
        + at
        + "\",\"receivedAt\":\""
        + at
        + "\",\"version\":2}\n";
  }

  private static String identify(String id, String anonymous, String email, String at) {
    return "{\"type\":\"identify\",\"messageId\":\""
        + id
        + "\",\"anonymousId\":\""
        + anonymous
        + "\",\"traits\":{\"email\":\""
        + email
        + "\"},\"timestamp\":\""
        + at
        + "\",\"receivedAt\":\""
        + at
        + "\",\"version\":2}\n";
  }

  /**
   * Source key (the message id) → profile id; event ids differ between workspaces, the source's key
   * does not. Collecting fails on a duplicate key: an event written twice under two ids.
   */
  private static Map<String, String> profileOfEvent(EsConnection es, StoreIndices names)
      throws IOException {
    return hits(es, names.eventsAlias()).stream()
        .collect(
            Collectors.toMap(
                h -> h.source().get("event").get("source_key").asText(),
                h -> h.source().get("profile_id").asText(),
                (x, y) -> {
                  throw new AssertionError("an event is in the store twice");
                },
                TreeMap::new));
  }

  /** Profile id → its merged_from, as text. */
  private static Map<String, String> profiles(EsConnection es, StoreIndices names)
      throws IOException {
    return hits(es, names.profilesAlias()).stream()
        .collect(
            Collectors.toMap(
                Hit::id, h -> h.source().get("merged_from").toString(), (x, y) -> x, TreeMap::new));
  }

  private static List<Hit<ObjectNode>> hits(EsConnection es, String alias) throws IOException {
    es.client().indices().refresh(r -> r.index(alias));
    return es.client().search(s -> s.index(alias).size(1000), ObjectNode.class).hits().hits();
  }

  private static void awaitCheckpoint(Path checkpoints) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    while (Checkpoints.latest(checkpoints).isEmpty()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("no complete checkpoint under " + checkpoints);
      }
      Thread.sleep(20);
    }
  }
}
