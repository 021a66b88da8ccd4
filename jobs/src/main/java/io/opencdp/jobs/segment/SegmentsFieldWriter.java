package io.opencdp.jobs.segment;

import static java.util.Objects.requireNonNull;

import io.opencdp.api.store.BulkWriter;
import io.opencdp.jobs.index.EsTarget;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;

/**
 * Sets the {@code segments} field of profile documents with partial updates: rows of {@code id},
 * {@code segments} (a list of segment ids). A document that is not there (merged away, not indexed
 * yet) is skipped and counted as missing.
 */
final class SegmentsFieldWriter implements ForeachPartitionFunction<Row> {
  private final EsTarget target;
  private final String index;
  private final LongAccumulator updated;
  private final LongAccumulator missing;

  SegmentsFieldWriter(
      EsTarget target, String index, LongAccumulator updated, LongAccumulator missing) {
    this.target = requireNonNull(target, "target is null");
    this.index = requireNonNull(index, "index is null");
    this.updated = updated;
    this.missing = missing;
  }

  @Override
  public void call(Iterator<Row> rows) {
    BulkWriter.Result result =
        target.write(
            writer -> {
              while (rows.hasNext()) {
                Row row = rows.next();
                List<String> segments = row.getList(1);
                writer.update(index, row.getString(0), Map.of("segments", List.copyOf(segments)));
              }
            });
    updated.add(result.indexed());
    missing.add(result.missing());
  }
}
