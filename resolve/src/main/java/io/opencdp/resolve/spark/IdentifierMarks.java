package io.opencdp.resolve.spark;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import io.opencdp.resolve.guardrail.LinkGuardrails;
import io.opencdp.resolve.guardrail.SharedIdentifierDetector;
import io.opencdp.schemas.event.IdentifierType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * Marks each (event, identifier) row with the guardrail's verdict on the value (blocked or not) and
 * the person name key the shared-identifier detector counts; the rules are the plain-Java ones the
 * stream uses too.
 */
final class IdentifierMarks implements MapPartitionsFunction<Row, Row> {
  static final StructType SCHEMA =
      new StructType()
          .add("event_id", StringType, false)
          .add("occurred_at", TimestampType, false)
          .add("received_at", TimestampType, false)
          .add("type", StringType, false)
          .add("value", StringType, false)
          .add("name_key", StringType)
          .add("blocked", BooleanType, false);

  private final LinkGuardrails guardrails;

  /** Every (event, identifier) row of the {@link ResolveInput#compact} events, marked. */
  static Dataset<Row> of(Dataset<Row> compact, LinkGuardrails guardrails) {
    return ResolveInput.identifierRows(compact)
        .mapPartitions(new IdentifierMarks(guardrails), Encoders.row(SCHEMA));
  }

  IdentifierMarks(LinkGuardrails guardrails) {
    this.guardrails = guardrails;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    // input: event_id, occurred_at, received_at, first_name, last_name, type, value
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        Row r = rows.next();
        String type = r.getString(5);
        String value = r.getString(6);
        String first = r.getString(3);
        String last = r.getString(4);
        String nameKey =
            first == null && last == null ? null : SharedIdentifierDetector.nameKey(first, last);
        boolean blocked = guardrails.blocked().isBlocked(IdentifierType.fromWireName(type), value);
        return RowFactory.create(r.get(0), r.get(1), r.get(2), type, value, nameKey, blocked);
      }
    };
  }

  static List<String> typesByPriority(LinkGuardrails guardrails) {
    List<String> types = new ArrayList<>();
    for (IdentifierType type : guardrails.limits().priority()) {
      types.add(type.wireName());
    }
    return types;
  }
}
