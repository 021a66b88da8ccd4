package io.opencdp.ingest.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import io.delta.tables.DeltaTable;
import io.opencdp.ingest.connector.Connector;
import io.opencdp.ingest.connector.Connectors;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.config.IngestConfig;
import io.opencdp.schemas.config.SourceConfig;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batch ingest ({@code cdp ingest}): new landing files only, parsed by the connectors in Spark
 * tasks, events MERGEd into Delta {@code events} on the source's natural key (the latest version
 * wins where the source versions its records), dead letters and the per-file {@code ingest_log}
 * MERGEd likewise, so a re-run, or a run after a crash at any point, writes nothing twice.
 */
public final class IngestJob {
  private static final Logger LOG = LoggerFactory.getLogger(IngestJob.class);

  private final SparkSession spark;
  private final CdpConfig config;
  private final TableLocations tables;

  public IngestJob(SparkSession spark, CdpConfig config) {
    this(spark, config, TableLocations.of(config));
  }

  public IngestJob(SparkSession spark, CdpConfig config, TableLocations tables) {
    this.spark = spark;
    this.config = config;
    this.tables = tables;
  }

  public TableLocations tables() {
    return tables;
  }

  /** Ingests every configured source, or only {@code onlySource}. */
  public IngestReport run(Optional<String> onlySource) throws IOException {
    Instant started = Instant.now();
    String runId =
        "ingest-" + started.toEpochMilli() + "-" + UUID.randomUUID().toString().substring(0, 8);
    IngestConfig ingest = config.ingest();
    List<SourceConfig> sources = selectSources(ingest, onlySource);
    LandingScanner scanner = new LandingScanner(ingest, spark.sparkContext().hadoopConfiguration());

    Map<String, LoggedFile> logged = readIngestLog();
    List<LandedFile> toRead = new ArrayList<>();
    Map<String, Long> skipped = new HashMap<>();
    List<String> changed = new ArrayList<>();
    for (SourceConfig source : sources) {
      for (LandedFile file : scanner.list(source)) {
        LoggedFile previous = logged.get(file.uri());
        if (previous == null) {
          toRead.add(file);
        } else if (previous.unchanged(file)
            || previous.checksum().equals(scanner.checksum(file.uri()))) {
          skipped.merge(source.name(), 1L, Long::sum);
        } else {
          changed.add(file.uri());
        }
      }
    }
    if (!changed.isEmpty()) {
      throw new CdpException(
          ErrorCode.INPUT_CHANGED,
          changed.size()
              + " landing file(s) changed after they were ingested (size, time or SHA-256 differ): "
              + String.join(", ", changed)
              + ". Landing files are immutable: write new data to a new file, and move a corrected"
              + " file to a new name.");
    }
    LOG.info(
        "ingest run {}: {} new file(s) to read, {} already ingested, sources {}",
        runId,
        toRead.size(),
        skipped.values().stream().mapToLong(Long::longValue).sum(),
        sources.stream().map(SourceConfig::name).toList());

    Map<String, SourceCounts> counts = new LinkedHashMap<>();
    for (SourceConfig source : sources) {
      counts.put(
          source.name(),
          new SourceCounts(
              source.name(),
              source.channel().wireName(),
              0,
              skipped.getOrDefault(source.name(), 0L),
              0,
              0,
              0,
              0));
    }
    if (!toRead.isEmpty()) {
      ingestFiles(sources, toRead, runId, started, counts);
    }
    return new IngestReport(
        runId, List.copyOf(counts.values()), Duration.between(started, Instant.now()));
  }

  private void ingestFiles(
      List<SourceConfig> sources,
      List<LandedFile> files,
      String runId,
      Instant started,
      Map<String, SourceCounts> counts) {
    Map<String, Connector> connectors = new HashMap<>();
    for (SourceConfig source : sources) {
      connectors.put(
          source.name(), Connectors.create(source.name(), config.ingest(), config.workspace()));
    }
    ParseFilesFunction parse =
        new ParseFilesFunction(
            connectors,
            spark.sparkContext().hadoopConfiguration(),
            config.ingest().maxLineBytes(),
            config.workspace(),
            runId,
            started,
            SuppressionListTable.erased(spark, tables, config));
    JavaRDD<Row> rows =
        JavaSparkContext.fromSparkContext(spark.sparkContext())
            .parallelize(files, files.size())
            .flatMap(parse);
    Dataset<Row> parsed =
        spark.createDataFrame(rows, ParsedRows.SCHEMA).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      spark.sparkContext().setJobDescription("ingest: parse " + files.size() + " file(s)");
      List<Row> summaries =
          parsed
              .where(col("kind").equalTo(ParsedRows.SUMMARY))
              .select("file_summary.*")
              .collectAsList();
      LOG.info("parsed {} file(s)", summaries.size());

      DeltaTable events =
          DeltaTables.createIfNotExists(
              spark, tables.events(), EventsTable.SCHEMA, EventsTable.PARTITION_COLUMNS);
      List<String> channels =
          sources.stream().map(source -> source.channel().wireName()).distinct().toList();
      Map<String, Long> writtenPerFile = mergeEvents(events, parsed, channels);
      long deadLetters = summaries.stream().mapToLong(r -> r.getAs("dead_lettered")).sum();
      if (deadLetters > 0) {
        mergeDeadLetters(parsed);
      }
      List<Row> logRows = new ArrayList<>();
      Instant finished = Instant.now();
      for (Row s : summaries) {
        String source = s.getAs("source");
        String relative = s.getAs("relative_path");
        long parsedEvents = s.getAs("events_parsed");
        long written = writtenPerFile.getOrDefault(relative, 0L);
        SourceCounts fileCounts =
            new SourceCounts(
                source,
                "",
                1,
                0,
                s.getAs("records_read"),
                written,
                parsedEvents - written,
                s.getAs("dead_lettered"),
                s.getAs("suppressed"));
        counts.merge(source, fileCounts, SourceCounts::plus);
        logRows.add(
            IngestLogRows.row(
                config.workspace(),
                s,
                connectors.get(source),
                fileCounts,
                runId,
                started,
                finished));
      }
      IngestLogRows.merge(spark, tables.ingestLog(), logRows);
    } finally {
      parsed.unpersist();
      spark.sparkContext().setJobDescription(null);
    }
  }

  /**
   * MERGEs the parsed events: the latest version per natural key within the batch, inserted when
   * new, replacing the stored row when newer. Which rows were written is read back from the
   * commit's change data feed, so no extra join is needed to count them. Returns, per file, how
   * many of its events were written.
   */
  private Map<String, Long> mergeEvents(
      DeltaTable events, Dataset<Row> parsed, List<String> channels) {
    spark.sparkContext().setJobDescription("ingest: merge events");
    Dataset<Row> batch = parsed.where(col("kind").equalTo(ParsedRows.EVENT)).select("event.*");
    Dataset<Row> latest =
        batch
            .withColumn(
                "_rank",
                row_number()
                    .over(
                        Window.partitionBy(keyColumns(batch))
                            .orderBy(
                                col("source_version").desc_nulls_last(),
                                col("source_file"),
                                col("source_line"))))
            .where(col("_rank").equalTo(1))
            .drop("_rank");
    long before = latestVersion(events);
    // channel is a partition column and fixed per source: the IN list prunes partitions of other
    // channels
    String channelList =
        channels.stream().map(c -> "'" + c + "'").reduce((a, b) -> a + ", " + b).orElse("''");
    events
        .as("t")
        .merge(
            latest.as("s"),
            "t.channel IN ("
                + channelList
                + ") AND t.workspace_id = s.workspace_id AND t.source_system = s.source_system"
                + " AND t.source_key = s.source_key")
        .whenMatched(
            "s.source_version > t.source_version"
                + " OR (t.source_version IS NULL AND s.source_version IS NOT NULL)")
        .updateAll()
        .whenNotMatched()
        .insertAll()
        .execute();
    long after = latestVersion(events);
    Map<String, Long> perFile = new HashMap<>();
    if (after > before) {
      for (Row r :
          spark
              .read()
              .format("delta")
              .option("readChangeFeed", "true")
              .option("startingVersion", after)
              .option("endingVersion", after)
              .load(tables.events())
              .where(col("_change_type").isin("insert", "update_postimage"))
              .groupBy("source_file")
              .count()
              .collectAsList()) {
        perFile.put(r.getString(0), r.getLong(1));
      }
    }
    LOG.info(
        "wrote {} event(s) to {} (version {})",
        perFile.values().stream().mapToLong(Long::longValue).sum(),
        tables.events(),
        after);
    return perFile;
  }

  private static long latestVersion(DeltaTable table) {
    return table.history(1).select("version").head().getLong(0);
  }

  private void mergeDeadLetters(Dataset<Row> parsed) {
    spark.sparkContext().setJobDescription("ingest: merge dead letters");
    DeltaTable deadLetters =
        DeltaTables.createIfNotExists(spark, tables.deadLetters(), DeadLettersTable.SCHEMA);
    Dataset<Row> batch =
        parsed
            .where(col("kind").equalTo(ParsedRows.DEAD_LETTER))
            .select("dead_letter.*")
            .dropDuplicates(DeadLettersTable.KEY_COLUMNS);
    deadLetters
        .as("t")
        .merge(
            batch.as("s"),
            "t.workspace_id = s.workspace_id AND t.source_file = s.source_file"
                + " AND t.source_line = s.source_line")
        .whenNotMatched()
        .insertAll()
        .execute();
  }

  private Map<String, LoggedFile> readIngestLog() {
    Map<String, LoggedFile> logged = new HashMap<>();
    if (!DeltaTables.exists(spark, tables.ingestLog())) {
      return logged;
    }
    for (Row r :
        spark
            .read()
            .format("delta")
            .load(tables.ingestLog())
            .where(col("workspace_id").equalTo(config.workspace()))
            .select("path", "size_bytes", "modified_at", "checksum_sha256")
            .collectAsList()) {
      Instant modified = r.getAs("modified_at");
      logged.put(
          r.getString(0), new LoggedFile(r.getLong(1), modified.toEpochMilli(), r.getString(3)));
    }
    return logged;
  }

  private static Column[] keyColumns(Dataset<Row> ds) {
    return new Column[] {ds.col("workspace_id"), ds.col("source_system"), ds.col("source_key")};
  }

  private static List<SourceConfig> selectSources(IngestConfig ingest, Optional<String> only) {
    if (only.isEmpty()) {
      return List.copyOf(ingest.sources().values());
    }
    SourceConfig source = ingest.sources().get(only.get());
    if (source == null) {
      throw new CdpException(
          ErrorCode.BAD_ARGUMENT,
          "unknown source '"
              + only.get()
              + "'; configured sources: "
              + String.join(", ", ingest.sources().keySet()));
    }
    return List.of(source);
  }

  /** A file as ingest_log remembers it. */
  record LoggedFile(long size, long modifiedAtMillis, String checksum) {
    boolean unchanged(LandedFile file) {
      return size == file.size() && modifiedAtMillis == file.modifiedAtMillis();
    }
  }
}
