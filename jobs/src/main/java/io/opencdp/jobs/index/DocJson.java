package io.opencdp.jobs.index;

import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * How the indexer turns Spark structs into document JSON: instants as ISO-8601 UTC with {@code Z}
 * (microseconds kept), dates {@code yyyy-MM-dd}, decimals as exact JSON numbers, null fields left
 * out.
 */
final class DocJson {
  static final Map<String, String> OPTIONS =
      Map.of(
          "timestampFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX",
          "dateFormat", "yyyy-MM-dd",
          "timeZone", "UTC",
          "ignoreNullFields", "true");

  private DocJson() {}

  /** The JSON text of a struct column. */
  static Column json(Column struct) {
    return to_json(struct, OPTIONS);
  }

  /**
   * Per id of {@code ids} (column {@code key}), the list of {@code element} over the matching rows
   * of {@code rows} (joined on {@code key} = {@code rowsKey}); an id without rows gets an empty
   * list.
   */
  static Dataset<Row> listPer(
      Dataset<Row> ids,
      String key,
      Dataset<Row> rows,
      String rowsKey,
      Column present,
      Column element,
      String as) {
    return ids.join(rows, ids.col(key).equalTo(rows.col(rowsKey)), "left")
        .groupBy(ids.col(key))
        .agg(collect_list(when(present, element)).as(as));
  }
}
