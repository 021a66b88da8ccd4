package io.opencdp.jobs.privacy;

import io.delta.tables.DeltaTable;
import io.opencdp.ingest.spark.DeltaTables;
import io.opencdp.ingest.spark.TableLocations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.Snapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Option;

/**
 * Makes erased rows physically unreadable in the Delta tables with personal data: sets the tables'
 * {@code delta.deletedFileRetentionDuration} and {@code delta.logRetentionDuration} to {@code
 * privacy.erasure.*}, purges soft-deleted rows ({@code REORG TABLE ... APPLY (PURGE)}, where
 * deletion vectors are on), {@code VACUUM}s the files of deleted rows and the change data feed's
 * {@code _change_data} files older than the retention, writes a checkpoint of the current state,
 * and deletes the {@code _delta_log} entries before it that are older than the log retention (their
 * file statistics and commit information can hold erased values). Delta's own log cleanup would do
 * the last step only at a day's granularity; this one honours the configured hours.
 */
final class PhysicalPurge {
  private static final Logger LOG = LoggerFactory.getLogger(PhysicalPurge.class);
  private static final Pattern VERSIONED = Pattern.compile("^(\\d{20})\\..*");

  /** What the purge did to one table and what it checked afterwards. */
  record TablePurge(
      String table,
      long filesRemoved,
      long logFilesRemoved,
      long checkpointVersion,
      long oldest,
      long staleChangeFiles) {}

  private final SparkSession spark;
  private final TableLocations tables;
  private final Duration fileRetention;
  private final Duration logRetention;

  PhysicalPurge(
      SparkSession spark, TableLocations tables, Duration fileRetention, Duration logRetention) {
    this.spark = spark;
    this.tables = tables;
    this.fileRetention = fileRetention;
    this.logRetention = logRetention;
  }

  /** Purges {@code names}, the tables with personal data the due erasures deleted rows from. */
  List<TablePurge> run(Set<String> names) {
    List<TablePurge> done = new ArrayList<>();
    for (String table : ErasureTables.PERSONAL.keySet()) {
      String location = tables.table(table);
      if (names.contains(table) && DeltaTables.exists(spark, location)) {
        done.add(purge(table, location));
      }
    }
    DeltaLog.clearCache();
    return done;
  }

  private TablePurge purge(String table, String location) {
    Path dir = Path.of(URI.create(location));
    long before = dataFiles(dir);
    String sqlName = "delta.`" + location + "`";
    long t0 = System.nanoTime();
    Row detail = DeltaTable.forPath(spark, location).detail().first();
    Map<String, String> properties = detail.getJavaMap(detail.fieldIndex("properties"));
    String files = "interval " + fileRetention.toHours() + " hours";
    String logs = "interval " + logRetention.toHours() + " hours";
    if (!files.equals(properties.get("delta.deletedFileRetentionDuration"))
        || !logs.equals(properties.get("delta.logRetentionDuration"))) {
      spark.sql(
          String.format(
              Locale.ROOT,
              "ALTER TABLE %s SET TBLPROPERTIES ("
                  + "'delta.deletedFileRetentionDuration' = '%s', "
                  + "'delta.logRetentionDuration' = '%s')",
              sqlName,
              files,
              logs));
    }
    long t1 = System.nanoTime();
    if ("true".equalsIgnoreCase(properties.get("delta.enableDeletionVectors"))) {
      spark.sql("REORG TABLE " + sqlName + " APPLY (PURGE)");
    }
    // VACUUM lists the table with parallelPartitionDiscovery.parallelism tasks (10,000 by
    // default): seconds of empty tasks per table on a small machine
    String parallelism = "spark.sql.sources.parallelPartitionDiscovery.parallelism";
    String previous = spark.conf().get(parallelism, null);
    spark.conf().set(parallelism, spark.conf().get("spark.sql.shuffle.partitions"));
    try {
      spark.sql(
          String.format(
              Locale.ROOT, "VACUUM %s RETAIN %d HOURS", sqlName, fileRetention.toHours()));
    } finally {
      if (previous == null) {
        spark.conf().unset(parallelism);
      } else {
        spark.conf().set(parallelism, previous);
      }
    }
    long t2 = System.nanoTime();
    DeltaLog log = DeltaLog.forTable(spark, location);
    Snapshot snapshot = log.update(false, Option.empty(), Option.empty());
    log.checkpoint(snapshot, Option.empty());
    long t3 = System.nanoTime();
    LOG.info(
        "purge {}: properties {} ms, vacuum {} ms, checkpoint {} ms",
        table,
        (t1 - t0) / 1_000_000,
        (t2 - t1) / 1_000_000,
        (t3 - t2) / 1_000_000);
    long checkpoint = snapshot.version();
    long logRemoved = expireLog(dir.resolve("_delta_log"), checkpoint);
    long oldest = oldestVersion(dir.resolve("_delta_log"));
    long removed = Math.max(0, before - dataFiles(dir));
    LOG.info(
        "purge {}: {} data file(s) vacuumed, {} log file(s) expired, log starts at {} (checkpoint {})",
        table,
        removed,
        logRemoved,
        oldest,
        checkpoint);
    return new TablePurge(
        table,
        removed,
        logRemoved,
        checkpoint,
        oldest,
        staleChangeFiles(dir.resolve("_change_data")));
  }

  /** Deletes the log files of versions before {@code checkpoint} older than the retention. */
  private long expireLog(Path logDir, long checkpoint) {
    Instant cutoff = Instant.now().minus(logRetention);
    long removed = 0;
    try (Stream<Path> files = Files.list(logDir)) {
      for (Path file : files.sorted().toList()) {
        long version = versionOf(file);
        if (version >= 0
            && version < checkpoint
            && !Files.getLastModifiedTime(file).toInstant().isAfter(cutoff)) {
          Files.delete(file);
          removed++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot expire the log " + logDir, e);
    }
    return removed;
  }

  /** The smallest version of a commit or checkpoint file in the log. */
  static long oldestVersion(Path logDir) {
    try (Stream<Path> files = Files.list(logDir)) {
      return files.mapToLong(PhysicalPurge::versionOf).filter(v -> v >= 0).min().orElse(-1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long versionOf(Path file) {
    Matcher m = VERSIONED.matcher(file.getFileName().toString());
    return m.matches() ? Long.parseLong(m.group(1)) : -1;
  }

  /** Change-data files older than the file retention: VACUUM must have removed every one. */
  private long staleChangeFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    Instant cutoff = Instant.now().minus(fileRetention);
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(
              p -> {
                try {
                  return Files.getLastModifiedTime(p).toInstant().isBefore(cutoff);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Data and change-data files of the table (everything outside {@code _delta_log}). */
  static long dataFiles(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> !dir.relativize(p).startsWith("_delta_log"))
          .count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
