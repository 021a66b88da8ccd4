package io.opencdp.ingest.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trim;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opencdp.ingest.connector.ReasonCodes;
import io.opencdp.ingest.spark.SampleData.FileLine;
import io.opencdp.ingest.spark.SampleData.Key;
import io.opencdp.ingest.spark.SampleData.TruthRecord;
import io.opencdp.ingest.testing.SharedSpark;
import io.opencdp.schemas.config.IngestConfig;
import io.opencdp.schemas.config.SourceConfig;
import io.opencdp.schemas.json.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reconciles one full ingest of the committed sample with the generator's truth and manifest: every
 * raw record is accounted for exactly once, the counts per source are the injected ones, the tables
 * have the documented layout, and a second run changes nothing.
 */
class IngestSampleTest {
  private static SparkSession spark;
  private static IngestedSample sample;

  @BeforeAll
  static void ingestTheSample() {
    spark = SharedSpark.session();
    sample = IngestedSample.get();
  }

  @Test
  void everyRawRecordIsAnEventADeadLetterOrSupersededByTheStoredEventOfItsNaturalKey()
      throws IOException {
    List<TruthRecord> truth = SampleData.truth();
    Map<FileLine, TruthRecord> truthAt = new HashMap<>();
    truth.forEach(t -> assertThat(truthAt.put(t.at(), t)).as("truth row %s", t.at()).isNull());

    Map<FileLine, Key> eventAt = new HashMap<>();
    Map<Key, Integer> storedPerKey = new HashMap<>();
    List<String> problems = new ArrayList<>();
    for (Row r :
        events()
            .select("source_file", "source_line", "source_system", "source_key")
            .collectAsList()) {
      FileLine at = new FileLine(r.getString(0), r.isNullAt(1) ? -1 : r.getLong(1));
      Key key = new Key(r.getString(2), r.getString(3));
      if (eventAt.put(at, key) != null) {
        problems.add("two events come from " + at);
      }
      storedPerKey.merge(key, 1, Integer::sum);
    }
    Set<FileLine> deadAt = new HashSet<>();
    for (Row r : deadLetters().select("source_file", "source_line").collectAsList()) {
      FileLine at = new FileLine(r.getString(0), r.getLong(1));
      if (!deadAt.add(at)) {
        problems.add("two dead letters for " + at);
      }
    }
    Map<FileLine, Key> parsedKey = SampleData.naturalKeys(sample.config, sample.landing);

    long superseded = 0;
    Map<Key, List<TruthRecord>> byKey = new HashMap<>();
    for (TruthRecord t : truth) {
      FileLine at = t.at();
      boolean event = eventAt.containsKey(at);
      boolean dead = deadAt.contains(at);
      Key key = parsedKey.get(at);
      if (key != null) {
        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
      }
      if (event && dead) {
        problems.add(at + " (" + t.kind() + ") is both an event and a dead letter");
      } else if (event) {
        if (!eventAt.get(at).equals(key)) {
          problems.add(at + ": stored under " + eventAt.get(at) + ", its connector says " + key);
        }
      } else if (!dead) {
        if (key == null) {
          problems.add(at + " (" + t.kind() + ") is neither an event nor a dead letter");
        } else if (storedPerKey.getOrDefault(key, 0) != 1) {
          problems.add(
              at
                  + " ("
                  + t.kind()
                  + ") is not stored, and its key "
                  + key
                  + " has "
                  + storedPerKey.getOrDefault(key, 0)
                  + " rows in events");
        } else {
          superseded++;
        }
      }
    }
    eventAt.keySet().stream()
        .filter(at -> !truthAt.containsKey(at))
        .forEach(at -> problems.add("event from " + at + " is no raw record of the truth"));
    deadAt.stream()
        .filter(at -> !truthAt.containsKey(at))
        .forEach(at -> problems.add("dead letter " + at + " is no raw record of the truth"));
    // a natural key that several raw records share is one record and its re-deliveries
    byKey.forEach(
        (key, records) -> {
          long redelivered =
              records.stream()
                  .filter(t -> t.kind().equals("duplicate") || t.kind().equals("redelivery"))
                  .count();
          if (records.size() - 1 != redelivered) {
            problems.add(
                key + " is shared by " + records + ", of which " + redelivered + " re-deliveries");
          }
        });
    // dead letters are exactly the malformed records, but for the documented CRM birth dates
    Set<FileLine> malformedEvents = new HashSet<>();
    for (TruthRecord t : truth) {
      boolean malformed = t.kind().equals("malformed");
      if (deadAt.contains(t.at()) && !malformed) {
        problems.add(t.at() + " is a dead letter but the generator wrote it " + t.kind());
      }
      if (malformed && !deadAt.contains(t.at())) {
        malformedEvents.add(t.at());
      }
    }

    assertThat(problems).as("records not accounted for (%d)", problems.size()).isEmpty();
    assertThat(malformedEvents)
        .as("malformed records kept as events: only CRM rows whose birth_date alone is impossible")
        .isEqualTo(SampleData.malformedCrmRowsKeptAsEvents(truth));
    assertThat(truth).hasSize(SampleData.manifest().path("totals").path("records").asInt());
    assertThat(eventAt.size() + deadAt.size() + superseded)
        .as(
            "events %d + dead letters %d + superseded %d == raw records",
            eventAt.size(), deadAt.size(), superseded)
        .isEqualTo(truth.size());
    long injected =
        truth.stream()
            .filter(t -> t.kind().equals("duplicate") || t.kind().equals("redelivery"))
            .count();
    assertThat(superseded).as("superseded records == injected re-deliveries").isEqualTo(injected);
  }

  @Test
  void deadLettersAndDuplicatesOfEverySourceAreTheManifestsInjectedCounts() {
    IngestConfig ingest = sample.config.ingest();
    Map<String, Long> keptPerFile = new HashMap<>();
    SampleData.malformedCrmRowsKeptAsEvents(SampleData.truth())
        .forEach(at -> keptPerFile.merge(at.file(), 1L, Long::sum));
    Map<String, long[]> expected = new LinkedHashMap<>();
    for (SourceConfig source : ingest.sources().values()) {
      expected.put(source.name(), new long[5]);
    }
    for (Map.Entry<String, JsonNode> f : SampleData.manifestFiles().entrySet()) {
      SourceConfig source = SampleData.sourceOf(ingest, f.getKey());
      JsonNode m = f.getValue();
      long dead = m.path("malformed").asLong() - keptPerFile.getOrDefault(f.getKey(), 0L);
      long duplicates = m.path("duplicate").asLong() + m.path("redelivery").asLong();
      long[] e = expected.get(source.name());
      e[0] += 1;
      e[1] += m.path("records").asLong();
      e[2] += dead;
      e[3] += duplicates;
      e[4] += m.path("records").asLong() - dead - duplicates;
    }
    Map<String, Row> logged = new HashMap<>();
    for (Row r :
        DeltaContent.read(spark, sample.tables.ingestLog())
            .groupBy("source")
            .agg(
                count("*"),
                sum("records_read"),
                sum("dead_lettered"),
                sum("duplicates"),
                sum("events_written"))
            .collectAsList()) {
      logged.put(r.getString(0), r);
    }
    Map<String, Long> deadPerChannel = new HashMap<>();
    for (Row r : deadLetters().groupBy("channel").count().collectAsList()) {
      deadPerChannel.put(r.getString(0), r.getLong(1));
    }

    String[] metrics = {"files", "records", "dead letters", "duplicates", "written"};
    StringBuilder table =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%-12s %-13s %9s %9s %11s%n",
                "source",
                "metric",
                "manifest",
                "run",
                "ingest_log"));
    boolean mismatch = false;
    for (SourceCounts c : sample.report.sources()) {
      long[] e = expected.get(c.source());
      long[] run = {
        c.files(), c.recordsRead(), c.deadLettered(), c.duplicates(), c.eventsWritten()
      };
      Row log = logged.get(c.source());
      for (int i = 0; i < metrics.length; i++) {
        long fromLog = log == null ? 0 : log.getLong(i + 1);
        boolean ok = e[i] == run[i] && run[i] == fromLog;
        mismatch |= !ok;
        table.append(
            String.format(
                Locale.ROOT,
                "%-12s %-13s %9d %9d %11d%s%n",
                c.source(),
                metrics[i],
                e[i],
                run[i],
                fromLog,
                ok ? "" : "   <-- differs"));
      }
      long deadRows = deadPerChannel.getOrDefault(c.channel(), 0L);
      if (deadRows != c.deadLettered()) {
        mismatch = true;
        table.append(
            String.format(
                Locale.ROOT,
                "%-12s dead_letters table has %d rows of channel %s   <-- differs%n",
                c.source(),
                deadRows,
                c.channel()));
      }
    }
    assertThat(sample.report.sources())
        .extracting(SourceCounts::source)
        .containsExactlyElementsOf(expected.keySet());
    assertThat(mismatch).as("per-source counts of the run vs manifest.json:%n%s", table).isFalse();
    assertThat(sample.report.total().skippedFiles()).isZero();
  }

  @Test
  void eventsHoldOneRowPerNaturalKeyAndTheLatestVersionOfEachConnectContact() throws IOException {
    assertThat(
            events()
                .groupBy("workspace_id", "source_system", "source_key")
                .count()
                .where(col("count").gt(1))
                .limit(10)
                .collectAsList())
        .as("natural keys stored more than once")
        .isEmpty();

    SourceConfig connect =
        sample.config.ingest().sources().values().stream()
            .filter(s -> s.path().equals("callcenter"))
            .findFirst()
            .orElseThrow();
    Set<FileLine> malformed = new HashSet<>();
    SampleData.truth().stream()
        .filter(t -> t.kind().equals("malformed"))
        .forEach(t -> malformed.add(t.at()));
    Map<String, Instant> latest = new HashMap<>();
    Map<String, Instant> first = new HashMap<>();
    long deliveries = 0;
    Path dir = sample.landing.resolve(connect.path());
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          if (malformed.contains(new FileLine(connect.path() + "/" + file.getFileName(), i + 1))
              || lines.get(i).isBlank()) {
            continue;
          }
          JsonNode ctr = Json.mapper().readTree(lines.get(i));
          String contactId = ctr.path("ContactId").asText();
          Instant version = Instant.parse(ctr.path("LastUpdateTimestamp").asText());
          latest.merge(contactId, version, (a, b) -> a.isAfter(b) ? a : b);
          first.putIfAbsent(contactId, version);
          deliveries++;
        }
      }
    }
    Map<String, Instant> stored = new HashMap<>();
    for (Row r :
        events()
            .where(col("source_system").equalTo(connect.sourceSystem()))
            .select("source_key", "source_version")
            .collectAsList()) {
      stored.put(r.getString(0), r.getAs(1));
    }

    long redeliveries =
        SampleData.manifest().path("files").properties().stream()
            .filter(e -> e.getKey().startsWith(connect.path() + "/"))
            .mapToLong(e -> e.getValue().path("redelivery").asLong())
            .sum();
    assertThat(deliveries - latest.size()).as("Connect re-deliveries").isEqualTo(redeliveries);
    assertThat(latest.entrySet().stream().filter(e -> !e.getValue().equals(first.get(e.getKey()))))
        .as("contacts whose re-delivery is newer than the first delivery")
        .isNotEmpty();
    assertThat(stored).as("stored Connect contacts and their source_version").isEqualTo(latest);
  }

  @Test
  void eventsArePartitionedByEventDateAndChannelWithTheChangeDataFeedOn() {
    Row detail = spark.sql("DESCRIBE DETAIL delta.`" + sample.tables.events() + "`").head();
    assertThat(detail.<String>getList(detail.fieldIndex("partitionColumns")))
        .containsExactly("event_date", "channel");
    for (String table :
        List.of(sample.tables.events(), sample.tables.deadLetters(), sample.tables.ingestLog())) {
      Row d = spark.sql("DESCRIBE DETAIL delta.`" + table + "`").head();
      assertThat(d.<String, String>getJavaMap(d.fieldIndex("properties")))
          .as("properties of %s", table)
          .containsEntry("delta.enableChangeDataFeed", "true");
    }
    assertThat(events().where(col("event_date").notEqual(to_date(col("occurred_at")))).count())
        .as("events whose event_date is not the UTC date of occurred_at")
        .isZero();

    Path root = Path.of(URI.create(sample.tables.events()));
    Set<String> channels = new TreeSet<>();
    try (Stream<Path> dates = Files.list(root)) {
      for (Path date : dates.filter(Files::isDirectory).toList()) {
        String name = date.getFileName().toString();
        if (name.equals("_delta_log") || name.equals("_change_data")) {
          continue;
        }
        assertThat(name).matches("event_date=\\d{4}-\\d{2}-\\d{2}");
        try (Stream<Path> inner = Files.list(date)) {
          inner
              .filter(Files::isDirectory)
              .forEach(
                  c -> {
                    assertThat(c.getFileName().toString()).startsWith("channel=");
                    channels.add(c.getFileName().toString().substring("channel=".length()));
                  });
        }
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    Set<String> expectedChannels = new TreeSet<>();
    sample
        .config
        .ingest()
        .sources()
        .values()
        .forEach(s -> expectedChannels.add(s.channel().wireName()));
    assertThat(channels).isEqualTo(expectedChannels);
    // the change data feed can be read back from the first commit on
    assertThat(
            spark
                .read()
                .format("delta")
                .option("readChangeFeed", "true")
                .option("startingVersion", 0)
                .load(sample.tables.events())
                .where(col("_change_type").equalTo("insert"))
                .count())
        .isEqualTo(events().count());
  }

  @Test
  void everyDeadLetterSaysWhyAndKeepsItsRawText() {
    Dataset<Row> dead = deadLetters();
    assertThat(dead.count()).isPositive();
    assertThat(
            dead.where(
                    col("reason_code")
                        .isNull()
                        .or(length(trim(col("reason_code"))).equalTo(0))
                        .or(col("message").isNull())
                        .or(length(trim(col("message"))).equalTo(0))
                        .or(
                            col("reason_code")
                                .notEqual(ReasonCodes.EMPTY_FILE)
                                .and(
                                    col("raw_text")
                                        .isNull()
                                        .or(length(col("raw_text")).equalTo(0))))
                        .or(
                            col("reason_code")
                                .notEqual(ReasonCodes.EMPTY_FILE)
                                .and(col("source_line").leq(0))))
                .limit(10)
                .collectAsList())
        .as("dead letters without reason, message, raw text or line")
        .isEmpty();
    assertThat(
            dead.select("reason_code").distinct().collectAsList().stream()
                .map(r -> r.getString(0))
                .toList())
        .isSubsetOf(ReasonCodes.ALL);
  }

  @Test
  void ingestLogHoldsEveryLandedFileWithItsSizeTimeAndSha256() throws Exception {
    Map<String, List<Object>> expected = new HashMap<>();
    for (String relative : SampleData.manifestFiles().keySet()) {
      Path file = sample.landing.resolve(relative);
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      expected.put(
          relative,
          List.of(
              Files.size(file),
              Files.getLastModifiedTime(file).toMillis(),
              HexFormat.of().formatHex(sha.digest(Files.readAllBytes(file))),
              "done"));
    }
    Map<String, List<Object>> logged = new HashMap<>();
    String root = sample.landing.toAbsolutePath().toUri().getPath();
    for (Row r :
        DeltaContent.read(spark, sample.tables.ingestLog())
            .select("path", "size_bytes", "modified_at", "checksum_sha256", "status")
            .collectAsList()) {
      String path = URI.create(r.getString(0)).getPath();
      assertThat(path).startsWith(root);
      logged.put(
          path.substring(root.length()),
          List.of(
              r.getLong(1), r.<Instant>getAs(2).toEpochMilli(), r.getString(3), r.getString(4)));
    }
    assertThat(logged).isEqualTo(expected);
  }

  @Test
  void aSecondRunReadsNoFileAndCommitsToNoTable(@TempDir Path temp) throws IOException {
    // on a copy of the tables: the shared ones stay as the clean run left them
    Path work = temp.resolve("work");
    SampleData.copyTree(sample.config.workDir(), work);
    IngestJob job = new IngestJob(spark, sample.config.withWorkDir(work));
    TableLocations tables = job.tables();
    List<String> locations = List.of(tables.events(), tables.deadLetters(), tables.ingestLog());
    Map<String, long[]> before = new LinkedHashMap<>();
    for (String t : locations) {
      before.put(t, new long[] {DeltaContent.version(spark, t), DeltaContent.count(spark, t)});
    }

    IngestReport second = job.run(Optional.empty());

    SourceCounts total = second.total();
    assertThat(total.files()).as("files read by the second run").isZero();
    assertThat(total.skippedFiles()).isEqualTo(SampleData.manifestFiles().size());
    assertThat(total.recordsRead() + total.eventsWritten() + total.duplicates())
        .as("records read, written, duplicated")
        .isZero();
    assertThat(total.deadLettered()).isZero();
    for (String t : locations) {
      assertThat(new long[] {DeltaContent.version(spark, t), DeltaContent.count(spark, t)})
          .as("version and row count of %s", t)
          .containsExactly(before.get(t));
      assertThat(before.get(t)[0]).as("version of %s", t).isNotNegative();
    }
  }

  private static Dataset<Row> events() {
    return DeltaContent.read(spark, sample.tables.events());
  }

  private static Dataset<Row> deadLetters() {
    return DeltaContent.read(spark, sample.tables.deadLetters());
  }
}
