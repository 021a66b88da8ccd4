package io.opencdp.resolve.spark.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checkpoints of one connected-components run: Parquet files under {@code
 * <base>/connected-components-<uuid>/round-<n>}. Writing the edge set and reading it back gives the
 * next rounds a plan that starts at those files. Unlike {@code Dataset.checkpoint()}, whose files
 * stay until the context cleaner (off by default) removes them, each checkpoint is deleted as soon
 * as the next one replaces it, and the last when the run's result is closed.
 */
final class EdgeCheckpoints implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EdgeCheckpoints.class);

  private final SparkSession spark;
  private final Path runDir;
  private Path current;

  EdgeCheckpoints(SparkSession spark, String baseDir) {
    this.spark = spark;
    this.runDir = new Path(baseDir, "connected-components-" + UUID.randomUUID());
  }

  /** Writes {@code edges} (runs their plan), reads them back, and drops the previous checkpoint. */
  Dataset<Row> checkpoint(Dataset<Row> edges, int round) {
    Path target = new Path(runDir, "round-" + round);
    edges.write().parquet(target.toString());
    Dataset<Row> reread = spark.read().parquet(target.toString());
    delete(current);
    current = target;
    return reread;
  }

  Path runDir() {
    return runDir;
  }

  @Override
  public void close() {
    delete(runDir);
    current = null;
  }

  private void delete(Path path) {
    if (path == null) {
      return;
    }
    try {
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (fs.exists(path) && !fs.delete(path, true)) {
        LOG.warn("Could not delete connected-components checkpoint {}; remove it by hand", path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not delete checkpoint " + path, e);
    }
  }
}
