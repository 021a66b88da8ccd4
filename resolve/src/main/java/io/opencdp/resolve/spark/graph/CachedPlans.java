package io.opencdp.resolve.spark.graph;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * The datasets one round caches, handed out as plans without a logical lineage.
 *
 * <p>Each round's plan refers to the previous round's results several times over (a union, the two
 * sides of a hub split, a join and an aggregate of the same rows). Were those plain persisted
 * datasets, their whole logical plans would be analyzed, optimized and printed again inside every
 * later plan, and that tree grows exponentially with the rounds: a few rounds over a hub graph
 * exhausted a 3 GB heap. {@link #leaf} persists the data and returns a dataset over its RDD, so a
 * later plan sees one scan. Unlike a local checkpoint, the RDD keeps its (linear) RDD lineage: a
 * block lost with an executor is recomputed back to the last Parquet checkpoint.
 */
final class CachedPlans {
  private final List<Dataset<Row>> persisted = new ArrayList<>();

  Dataset<Row> leaf(Dataset<Row> data) {
    Dataset<Row> cached = data.persist(StorageLevel.MEMORY_AND_DISK());
    persisted.add(cached);
    return data.sparkSession().createDataFrame(cached.javaRDD(), cached.schema());
  }

  /** Persists {@code data} that already has a short plan (a Parquet read). */
  Dataset<Row> persist(Dataset<Row> data) {
    Dataset<Row> cached = data.persist(StorageLevel.MEMORY_AND_DISK());
    persisted.add(cached);
    return cached;
  }

  void release() {
    persisted.forEach(d -> d.unpersist(false));
    persisted.clear();
  }
}
