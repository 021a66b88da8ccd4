package io.opencdp.resolve.spark;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The events as resolution reads them: per event, its times, name and usable identifiers. */
final class ResolveInput {
  private ResolveInput() {}

  /**
   * One row per event: workspace_id, event_id, occurred_at, received_at, first_name, last_name,
   * identifiers (array of struct type, value: the valid, normalized ones, each once, sorted).
   */
  static Dataset<Row> compact(Dataset<Row> events) {
    Column valid =
        filter(
            col("identifiers"), i -> i.getField("valid").and(i.getField("normalized").isNotNull()));
    Column pairs =
        transform(
            valid,
            i -> struct(i.getField("type").as("type"), i.getField("normalized").as("value")));
    return events.select(
        col("workspace_id"),
        col("event_id"),
        col("occurred_at"),
        col("received_at"),
        col("person.first_name").as("first_name"),
        col("person.last_name").as("last_name"),
        array_sort(array_distinct(pairs)).as("identifiers"));
  }

  /**
   * One row per (event, identifier) of {@link #compact} rows: event_id, occurred_at, received_at,
   * first_name, last_name, type, value, the input of {@link IdentifierMarks}.
   */
  static Dataset<Row> identifierRows(Dataset<Row> compact) {
    return compact
        .select(
            col("event_id"),
            col("occurred_at"),
            col("received_at"),
            col("first_name"),
            col("last_name"),
            explode(col("identifiers")).as("id"))
        .select(
            col("event_id"),
            col("occurred_at"),
            col("received_at"),
            col("first_name"),
            col("last_name"),
            col("id.type").as("type"),
            col("id.value").as("value"));
  }
}
