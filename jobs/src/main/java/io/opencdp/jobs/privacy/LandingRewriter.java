package io.opencdp.jobs.privacy;

import static org.apache.spark.sql.functions.col;

import io.delta.tables.DeltaTable;
import io.opencdp.ingest.spark.DeltaTables;
import io.opencdp.ingest.spark.LandedFile;
import io.opencdp.ingest.spark.LandingScanner;
import io.opencdp.ingest.spark.TableLocations;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.config.SourceConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Removes an erased person's records from the landing files ({@code ingest.sources[*]}): a line
 * that became one of their events or dead letters, or that holds one of their identifier values, is
 * blanked (its bytes removed, its line end kept), so every other record keeps its bytes and its
 * line number, and ingest, which skips blank lines, reads the same records at the same lines. The
 * file's {@code ingest_log} row is updated to the new size, time and SHA-256, so ingest still knows
 * the file as read and neither re-reads it nor fails with {@code INPUT_CHANGED}.
 */
final class LandingRewriter {
  private final SparkSession spark;
  private final CdpConfig config;
  private final TableLocations tables;

  LandingRewriter(SparkSession spark, CdpConfig config, TableLocations tables) {
    this.spark = spark;
    this.config = config;
    this.tables = tables;
  }

  /** Blanks the person's lines; the number of lines blanked. */
  long rewrite(ErasedPerson person, Map<String, Set<Long>> lines) {
    TextNeedles needles = new TextNeedles(person.textValues());
    LandingScanner scanner =
        new LandingScanner(config.ingest(), spark.sparkContext().hadoopConfiguration());
    long blanked = 0;
    List<Row> rewritten = new ArrayList<>();
    try {
      for (SourceConfig source : config.ingest().sources().values()) {
        Path dir = Path.of(URI.create(scanner.sourceUri(source)));
        if (!Files.isDirectory(dir)) {
          continue;
        }
        for (LandedFile file : scanner.list(source)) {
          Set<Long> known = lines.getOrDefault(file.relativePath(), Set.of());
          Path path = Path.of(URI.create(file.uri()));
          long n =
              LineFiles.rewrite(
                  path,
                  path.getFileName().toString().endsWith(".gz"),
                  (line, text) ->
                      known.contains(line) || needles.foundIn(text)
                          ? LineFiles.Action.BLANK
                          : LineFiles.Action.KEEP);
          if (n > 0) {
            blanked += n;
            rewritten.add(
                RowFactory.create(
                    file.uri(),
                    Files.size(path),
                    Files.getLastModifiedTime(path).toInstant(),
                    scanner.checksum(file.uri())));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    relog(rewritten);
    return blanked;
  }

  /** Points the ingest_log rows of the rewritten files at their new bytes: one MERGE. */
  private void relog(List<Row> files) {
    String location = tables.ingestLog();
    if (files.isEmpty() || !DeltaTables.exists(spark, location)) {
      return;
    }
    StructType schema =
        new StructType()
            .add("path", DataTypes.StringType)
            .add("size_bytes", DataTypes.LongType)
            .add("modified_at", DataTypes.TimestampType)
            .add("checksum_sha256", DataTypes.StringType);
    DeltaTable.forPath(spark, location)
        .as("t")
        .merge(
            spark.createDataFrame(files, schema).as("s"),
            col("t.workspace_id")
                .equalTo(config.workspace())
                .and(col("t.path").equalTo(col("s.path"))))
        .whenMatched()
        .updateExpr(
            Map.of(
                "size_bytes", "s.size_bytes",
                "modified_at", "s.modified_at",
                "checksum_sha256", "s.checksum_sha256"))
        .execute();
  }
}
