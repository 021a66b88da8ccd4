package io.opencdp.jobs.index;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;

/**
 * Writes rows of {@code id}, {@code json} into one index or alias: a document per row, or a delete
 * when {@code json} is null.
 */
final class DocWriter implements ForeachPartitionFunction<Row> {
  private final EsTarget target;
  private final String index;
  private final LongAccumulator written;
  private final LongAccumulator deleted;

  DocWriter(EsTarget target, String index, LongAccumulator written, LongAccumulator deleted) {
    this.target = requireNonNull(target, "target is null");
    this.index = requireNonNull(index, "index is null");
    this.written = written;
    this.deleted = deleted;
  }

  @Override
  public void call(Iterator<Row> rows) {
    target.write(
        writer -> {
          while (rows.hasNext()) {
            Row row = rows.next();
            String id = row.getString(0);
            String json = row.getString(1);
            if (json == null) {
              writer.delete(index, id);
            } else {
              writer.index(index, id, json.getBytes(StandardCharsets.UTF_8));
            }
          }
        },
        written,
        deleted);
  }
}
