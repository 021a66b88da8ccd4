package io.opencdp.resolve.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

import io.opencdp.ingest.spark.DeltaTables;
import io.opencdp.ingest.spark.TableLocations;
import io.opencdp.resolve.stream.StreamIdLog;
import io.opencdp.schemas.privacy.SuppressedIdentifiers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ids {@code cdp stream} gave out, brought into Delta {@code stream_profile_ids} so that the
 * batch can keep them (docs/streaming.md, "Reconciliation"). The stream writes a line per
 * identifier it placed in a profile ({@link StreamIdLog}) in files it commits with its checkpoints;
 * each resolve run merges the finished files into the table (a line already there adds nothing) and
 * then deletes them. Read back, the rows are previous ids like the identity map's: a person the
 * stream saw first keeps the stream's id, and a stream id the batch does not keep becomes an alias
 * of the profile holding its identifiers, so no lookup that worked breaks.
 */
final class StreamProfileIds {
  private static final Logger LOG = LoggerFactory.getLogger(StreamProfileIds.class);

  private static final StructType LINE =
      new StructType()
          .add(StreamIdLog.WORKSPACE_ID, DataTypes.StringType)
          .add(StreamIdLog.PROFILE_ID, DataTypes.StringType)
          .add(StreamIdLog.IDENTIFIER_TYPE, DataTypes.StringType)
          .add(StreamIdLog.IDENTIFIER_VALUE, DataTypes.StringType)
          .add(StreamIdLog.FIRST_SEEN_AT, DataTypes.StringType);

  private StreamProfileIds() {}

  /**
   * Merges the stream's finished files into the table, deletes them, and returns the workspace's
   * rows (profile_id, identifier_type, identifier_value, first_seen_at), or null when the stream
   * never wrote any. Lines of identifiers erased since the stream wrote them ({@code erased}) are
   * left out.
   */
  static Dataset<Row> sync(
      SparkSession spark,
      TableLocations tables,
      Path workDir,
      String workspace,
      Instant now,
      SuppressedIdentifiers erased) {
    String table = tables.table(ResolveTables.STREAM_PROFILE_IDS);
    List<Path> files = finishedFiles(StreamIdLog.directory(workDir));
    if (!files.isEmpty()) {
      Dataset<Row> lines =
          spark
              .read()
              .schema(LINE)
              .json(files.stream().map(f -> f.toUri().toString()).toArray(String[]::new))
              .where(
                  col(StreamIdLog.WORKSPACE_ID)
                      .isNotNull()
                      .and(col(StreamIdLog.PROFILE_ID).isNotNull())
                      .and(col(StreamIdLog.IDENTIFIER_TYPE).isNotNull())
                      .and(col(StreamIdLog.IDENTIFIER_VALUE).isNotNull()))
              .filter(
                  (FilterFunction<Row>)
                      r ->
                          !erased.suppresses(
                              r.getAs(StreamIdLog.IDENTIFIER_TYPE),
                              r.getAs(StreamIdLog.IDENTIFIER_VALUE)))
              .groupBy(
                  StreamIdLog.WORKSPACE_ID,
                  StreamIdLog.PROFILE_ID,
                  StreamIdLog.IDENTIFIER_TYPE,
                  StreamIdLog.IDENTIFIER_VALUE)
              .agg(min(col(StreamIdLog.FIRST_SEEN_AT).cast("timestamp")).as("first_seen_at"))
              .withColumn("recorded_at", lit(now));
      DeltaTables.createIfNotExists(spark, table, ResolveTables.STREAM_PROFILE_IDS_SCHEMA)
          .as("t")
          .merge(
              lines.as("s"),
              "t.workspace_id = s.workspace_id AND t.profile_id = s.profile_id"
                  + " AND t.identifier_type = s.identifier_type"
                  + " AND t.identifier_value = s.identifier_value")
          .whenNotMatched()
          .insertAll()
          .execute();
      // the lines are in Delta now; a file left behind by a failed delete adds nothing next time
      files.forEach(StreamProfileIds::deleteQuietly);
      LOG.info(
          "stream profile ids: {} file(s) of the stream merged into {}",
          files.size(),
          ResolveTables.STREAM_PROFILE_IDS);
    }
    if (!DeltaTables.exists(spark, table)) {
      return null;
    }
    return spark
        .read()
        .format("delta")
        .load(table)
        .where(col("workspace_id").equalTo(workspace))
        .select("profile_id", "identifier_type", "identifier_value", "first_seen_at");
  }

  /** The stream's committed files: in-progress ones start with a dot and are left alone. */
  private static List<Path> finishedFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths
          .filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> !p.getFileName().toString().startsWith("_"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("could not delete {} (already merged; harmless): {}", file, e.toString());
    }
  }
}
