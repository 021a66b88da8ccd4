package io.opencdp.jobs.privacy;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * What erasure removed in one place: a Delta table (with the version of its DELETE), an
 * Elasticsearch index, the landing files, the exports, the stream seeds.
 *
 * @param location {@code delta:<table>}, {@code es:<index>}, {@code landing}, {@code exports},
 *     {@code stream_seed}
 * @param rows rows, documents or lines removed
 * @param deltaVersion the Delta version of the DELETE; null elsewhere
 * @param at when
 */
public record Removed(String location, long rows, Long deltaVersion, Instant at) {
  public Removed {
    requireNonNull(location, "location is null");
    requireNonNull(at, "at is null");
  }

  Row toRow() {
    return RowFactory.create(location, rows, deltaVersion, at);
  }

  static Removed fromRow(Row r) {
    return new Removed(
        r.getString(0), r.getLong(1), r.isNullAt(2) ? null : r.getLong(2), r.getAs(3));
  }

  @Override
  public String toString() {
    return location + " " + rows + (deltaVersion == null ? "" : " @v" + deltaVersion);
  }
}
