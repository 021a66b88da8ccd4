package io.opencdp.jobs.index;

import static java.util.Objects.requireNonNull;

import io.opencdp.api.store.BulkWriter;
import io.opencdp.api.store.EsConnection;
import io.opencdp.schemas.config.IndexConfig;
import java.io.Serializable;
import java.util.function.Consumer;
import org.apache.spark.util.LongAccumulator;

/**
 * Where Spark tasks write: the cluster URL and the bulk settings, shipped to every task, which
 * opens one connection and one {@link BulkWriter} per partition (so it works the same on a
 * cluster).
 */
public record EsTarget(String url, IndexConfig config) implements Serializable {
  public EsTarget {
    requireNonNull(url, "url is null");
    requireNonNull(config, "config is null");
  }

  /** Runs {@code work} with a writer for one partition, then adds what it wrote to the counters. */
  void write(Consumer<BulkWriter> work, LongAccumulator written, LongAccumulator deleted) {
    BulkWriter.Result result = write(work);
    written.add(result.indexed());
    deleted.add(result.deleted());
  }

  /** Runs {@code work} with a writer for one partition and returns what it wrote. */
  public BulkWriter.Result write(Consumer<BulkWriter> work) {
    try (EsConnection es = EsConnection.open(url, config.requestTimeoutSeconds() * 1000)) {
      BulkWriter writer = new BulkWriter(es.client(), config);
      try {
        work.accept(writer);
      } finally {
        writer.close();
      }
      return writer.result();
    }
  }
}
