package io.opencdp.jobs.segment;

import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The members of one refresh run as Spark sees them: the driver reads them page by page from
 * Elasticsearch and writes them to a run-private Parquet directory in batches, so it holds at most
 * one batch of ids however many members a segment has; the diff then runs in Spark. Also holds the
 * run's diff, written once so the Delta commit and the document updates read the same rows. Deleted
 * with {@link #close}.
 */
final class MemberStage implements AutoCloseable {
  static final int BATCH = 50_000;

  static final StructType SCHEMA =
      new StructType()
          .add("segment_id", StringType, false)
          .add("segment_version", LongType, false)
          .add("profile_id", StringType, false);

  private final SparkSession spark;
  private final Path directory;
  private final List<Row> batch = new ArrayList<>();
  private boolean written;

  MemberStage(SparkSession spark, Path directory) {
    this.spark = spark;
    this.directory = directory;
  }

  /** Adds one member. */
  void add(String segmentId, long version, String profileId) {
    batch.add(RowFactory.create(segmentId, version, profileId));
    if (batch.size() >= BATCH) {
      flush();
    }
  }

  /** Writes the buffered members. */
  void flush() {
    if (batch.isEmpty()) {
      return;
    }
    spark.createDataFrame(batch, SCHEMA).write().mode("append").parquet(uri("members"));
    batch.clear();
    written = true;
  }

  /** Every member added ({@link #SCHEMA}). */
  Dataset<Row> members() {
    flush();
    if (!written) {
      return spark.createDataFrame(List.of(), SCHEMA);
    }
    return spark.read().schema(SCHEMA).parquet(uri("members"));
  }

  /** Writes {@code rows} once under {@code name} and reads them back: a fixed result. */
  Dataset<Row> fix(String name, Dataset<Row> rows) {
    rows.write().mode("overwrite").parquet(uri(name));
    return spark.read().parquet(uri(name));
  }

  private String uri(String name) {
    return directory.resolve(name).toUri().toString();
  }

  @Override
  public void close() {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + directory, e);
    }
  }
}
