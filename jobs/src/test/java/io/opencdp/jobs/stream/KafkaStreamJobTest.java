package io.opencdp.jobs.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.api.store.EsConnection;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.api.testing.ElasticsearchExtension;
import io.opencdp.api.testing.EsTestCluster;
import io.opencdp.ingest.connector.Connectors;
import io.opencdp.ingest.connector.LandedFileParser;
import io.opencdp.ingest.connector.ParseResult;
import io.opencdp.ingest.connector.ReasonCodes;
import io.opencdp.jobs.kafka.LocalKafkaBroker;
import io.opencdp.jobs.testing.StreamTestConfig;
import io.opencdp.schemas.config.CdpConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cdp stream --kafka ... --once} against the local broker ({@link LocalKafkaBroker}, its own
 * JVM) and the test Elasticsearch node: StreamJobTest's web messages, one a record, the bad one
 * among them.
 */
@ExtendWith(ElasticsearchExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaStreamJobTest {
  private static final String WORKSPACE = "stream-kafka";
  private static final String TOPIC = "cdp-stream-kafka-events";

  @TempDir static Path dir;
  private static LocalKafkaBroker broker;
  private static String servers;
  private static CdpConfig config;
  private static EsConnection es;
  private static StoreIndices names;

  @BeforeAll
  static void startBroker(EsTestCluster cluster) throws Exception {
    broker = new LocalKafkaBroker(dir.resolve("kafka"), 0);
    servers = broker.start().bootstrapServers();
    Properties admin = new Properties();
    admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    try (Admin client = Admin.create(admin)) {
      client.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
    }
    config =
        StreamTestConfig.write(
            dir,
            WORKSPACE,
            dir.resolve("landing"),
            "stream:\n  checkpoint_interval_millis: 500\n  kafka:\n    bootstrap_servers: "
                + servers
                + "\n");
    es = EsConnection.open(cluster.url(), 30_000);
    names = new StoreIndices(WORKSPACE);
  }

  @AfterAll
  static void stop() {
    if (es != null) {
      es.close();
    }
    if (broker != null) {
      broker.stop();
    }
  }

  @Test
  @Order(1)
  void streamsTheTopicsEventsAndCountsTheBadRecordWithTheBatchReasonCode() throws Exception {
    produce(StreamJobTest.WEB);

    StreamReport report = new StreamJob(config, es.url()).once(true).run();

    assertThat(report.kafkaRecords()).isEqualTo(3);
    assertThat(report.events()).isEqualTo(2);
    assertThat(report.deadLettersByReason()).containsOnly(entry(ReasonCodes.JSON_MALFORMED, 1L));
    assertThat(storedEventIds()).hasSize(2);
  }

  @Test
  @Order(2)
  void writesWhatItReadAsLandingFilesThatTheBatchConnectorParsesToTheStoredEvents()
      throws Exception {
    assertThat(landedLines()).containsExactlyElementsOf(lines(StreamJobTest.WEB));
    assertThat(eventIdsOfLandingFiles()).isEqualTo(storedEventIds());
  }

  @Test
  @Order(3)
  void aRunWithFreshStateReadsTheTopicAgainButLandsOnlyNewRecords() throws Exception {
    produce(StreamJobTest.MORE_WEB);

    // --once leaves no checkpoint: this run rebuilds the resolver's state from the whole topic
    StreamReport report = new StreamJob(config, es.url()).once(true).run();

    assertThat(report.kafkaRecords()).isEqualTo(5);
    assertThat(report.events()).isEqualTo(4);
    List<String> all = new ArrayList<>(lines(StreamJobTest.WEB));
    all.addAll(lines(StreamJobTest.MORE_WEB));
    assertThat(landedLines()).containsExactlyInAnyOrderElementsOf(all);
    Set<String> stored = storedEventIds();
    assertThat(stored).hasSize(4).isEqualTo(eventIdsOfLandingFiles());
    // one visitor (one anonymous id): one profile
    assertThat(search(names.eventsAlias()).stream().map(h -> h.source().get("profile_id")))
        .hasSize(4)
        .containsOnly(search(names.eventsAlias()).get(0).source().get("profile_id"));
  }

  @Test
  @Order(4)
  void aMonitoringRunResumedFromItsCheckpointLandsEveryRecordOnce() throws Exception {
    StreamJob job = new StreamJob(config, es.url());
    CompletableFuture<StreamReport> running = Background.run(job);
    try {
      produce(StreamJobTest.JOINING);
      StoreCounts.awaitEvents(es, names, 7, Duration.ofSeconds(60));
      awaitLanded(8, Duration.ofSeconds(30)); // a checkpoint after the three records completed
      Thread.sleep(1500); // and more, so their offsets are committed to the group (asynchronously)
    } finally {
      job.cancel();
      running.get(60, TimeUnit.SECONDS);
    }
    // the group's offset says what is in a finished landing file: the eight records
    assertThat(committedOffset()).isEqualTo(8);
    produce(StreamJobTest.APP);

    StreamReport again = new StreamJob(config, es.url()).once(true).run();

    assertThat(again.restoredFrom()).isNotNull();
    List<String> all = new ArrayList<>();
    Stream.of(StreamJobTest.WEB, StreamJobTest.MORE_WEB, StreamJobTest.JOINING, StreamJobTest.APP)
        .forEach(m -> all.addAll(lines(m)));
    assertThat(landedLines()).containsExactlyInAnyOrderElementsOf(all);
    assertThat(storedEventIds()).hasSize(8).isEqualTo(eventIdsOfLandingFiles());
  }

  private static long committedOffset() throws Exception {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    try (Admin client = Admin.create(props)) {
      return client
          .listConsumerGroupOffsets("cdp-stream-" + WORKSPACE)
          .partitionsToOffsetAndMetadata()
          .get()
          .get(new TopicPartition(TOPIC, 0))
          .offset();
    }
  }

  private static void awaitLanded(int lines, Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    // while the job runs a file may be in progress (hidden): count the finished ones only
    while (finishedLines() < lines) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("fewer than " + lines + " landed lines after " + timeout);
      }
      Thread.sleep(100);
    }
  }

  private static void produce(String messages) throws Exception {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (String line : lines(messages)) {
        producer.send(new ProducerRecord<>(TOPIC, line.getBytes(StandardCharsets.UTF_8))).get();
      }
    }
  }

  private static List<String> lines(String text) {
    return text.lines().filter(l -> !l.isBlank()).toList();
  }

  /** The finished landing files' lines, in file order; fails on a file still in progress. */
  private static List<String> landedLines() throws IOException {
    List<String> lines = new ArrayList<>();
    for (Path file : landingFiles()) {
      assertThat(file.getFileName().toString()).startsWith("kafka-" + TOPIC).endsWith(".jsonl");
      lines.addAll(lines(Files.readString(file)));
    }
    return lines;
  }

  private static long finishedLines() throws IOException {
    long count = 0;
    for (Path file : landingFiles()) {
      if (!file.getFileName().toString().startsWith(".")) {
        count += lines(Files.readString(file)).size();
      }
    }
    return count;
  }

  private static List<Path> landingFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("landing/web/kafka").resolve(TOPIC))) {
      return files.sorted().toList();
    }
  }

  /** What the batch ingest's parse makes of the landing files: the ids of their events. */
  private static Set<String> eventIdsOfLandingFiles() throws IOException {
    Set<String> ids = new TreeSet<>();
    for (Path file : landingFiles()) {
      try (InputStream in = Files.newInputStream(file)) {
        LandedFileParser.parse(
            in,
            "web/kafka/" + file.getFileName(),
            Connectors.create("web", config.ingest(), WORKSPACE),
            config.ingest().maxLineBytes(),
            Instant.now(),
            result -> {
              if (result instanceof ParseResult.Parsed parsed) {
                ids.add(parsed.event().eventId());
              }
            });
      }
    }
    return ids;
  }

  private static Set<String> storedEventIds() throws IOException {
    return search(names.eventsAlias()).stream()
        .map(Hit::id)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static List<Hit<ObjectNode>> search(String alias) throws IOException {
    es.client().indices().refresh(r -> r.index(alias));
    return es.client().search(s -> s.index(alias).size(100), ObjectNode.class).hits().hits();
  }
}
