package io.opencdp.jobs.index;

import static java.util.Objects.requireNonNull;

import io.opencdp.api.store.EventDocument;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.ingest.spark.EventRows;
import java.time.Instant;
import java.util.Iterator;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;

/**
 * Writes rows of {@code events} joined with their {@code profile_id} as event documents, each into
 * the monthly index of its {@code occurred_at} ({@link EventDocument}, the one place that builds
 * them from the event model).
 */
final class EventWriter implements ForeachPartitionFunction<Row> {
  private final EsTarget target;
  private final String workspace;
  private final Instant indexedAt;
  private final LongAccumulator written;
  private final LongAccumulator deleted;

  EventWriter(
      EsTarget target,
      String workspace,
      Instant indexedAt,
      LongAccumulator written,
      LongAccumulator deleted) {
    this.target = requireNonNull(target, "target is null");
    this.workspace = requireNonNull(workspace, "workspace is null");
    this.indexedAt = requireNonNull(indexedAt, "indexedAt is null");
    this.written = written;
    this.deleted = deleted;
  }

  @Override
  public void call(Iterator<Row> rows) {
    StoreIndices names = new StoreIndices(workspace);
    target.write(
        writer -> {
          while (rows.hasNext()) {
            Row row = rows.next();
            EventDocument doc =
                EventDocument.of(EventRows.fromRow(row), row.getAs("profile_id"), indexedAt);
            writer.index(doc.index(names), doc.eventId(), doc.toJson());
          }
        },
        written,
        deleted);
  }
}
