package io.opencdp.jobs.segment;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import io.opencdp.jobs.spark.ProfileFunctions;
import io.opencdp.schemas.normalize.SearchText;
import io.opencdp.schemas.segment.BooleanValue;
import io.opencdp.schemas.segment.Field;
import io.opencdp.schemas.segment.FieldCondition;
import io.opencdp.schemas.segment.FieldType;
import io.opencdp.schemas.segment.NumberValue;
import io.opencdp.schemas.segment.SegmentWindows;
import io.opencdp.schemas.segment.TextValue;
import io.opencdp.schemas.segment.Value;
import org.apache.spark.sql.Column;

/**
 * One field comparison as a Spark column (docs/segments.md, "Field comparisons"), the same
 * comparisons {@code io.opencdp.api.segment.FieldQueries} makes in Elasticsearch: values only ever
 * as literals ({@code contains} and {@code prefix} by {@link Column#contains}/{@link
 * Column#startsWith}, never a pattern), folded fields compare the folded value, a comparison never
 * holds on a field without a value. Every column is true or false, never null, so {@code not} flips
 * it exactly.
 */
final class FieldColumns {
  private final SegmentWindows windows;

  FieldColumns(SegmentWindows windows) {
    this.windows = requireNonNull(windows, "windows is null");
  }

  /**
   * {@code condition} on {@code value}, the column holding the field as the table stores it
   * (unfolded; engines fold here).
   */
  Column compile(FieldCondition condition, Column value) {
    Field field = condition.field();
    Column v = comparable(field, value);
    Column holds =
        switch (condition.op()) {
          case EQ -> v.equalTo(literal(field, condition.value()));
          case NEQ -> v.isNotNull().and(v.notEqual(literal(field, condition.value())));
          case GT -> v.gt(literal(field, condition.value()));
          case GTE -> v.geq(literal(field, condition.value()));
          case LT -> v.lt(literal(field, condition.value()));
          case LTE -> v.leq(literal(field, condition.value()));
          case BETWEEN ->
              v.geq(literal(field, condition.low())).and(v.leq(literal(field, condition.high())));
          case IN -> {
            Object[] values =
                condition.values().stream().map(each -> literalValue(field, each)).toArray();
            yield field.type() == FieldType.TEXT_LIST
                ? exists(v, element -> element.isin(values))
                : v.isin(values);
          }
          case EXISTS -> present(field, v);
          case MISSING -> not(present(field, v));
          case CONTAINS ->
              field.type() == FieldType.TEXT_LIST
                  ? exists(v, element -> element.equalTo(literal(field, condition.value())))
                  : v.contains(literalValue(field, condition.value()));
          case PREFIX -> v.startsWith((String) literalValue(field, condition.value()));
        };
    return coalesce(holds, lit(false));
  }

  /**
   * The column as Elasticsearch holds it: folded for a folded field, a time to the millisecond (a
   * {@code date} field keeps milliseconds; Delta keeps microseconds).
   */
  static Column comparable(Field field, Column value) {
    if (field.folded()) {
      return ProfileFunctions.FOLD.apply(value);
    }
    if (field.type() == FieldType.TIME) {
      return date_trunc("millisecond", value);
    }
    return value;
  }

  /** A list has a value when it has an element; anything else when it is not null. */
  private static Column present(Field field, Column value) {
    // a list column that is null (an event without the property) has no value either
    return field.type() == FieldType.TEXT_LIST
        ? coalesce(exists(value, Column::isNotNull), lit(false))
        : value.isNotNull();
  }

  private Column literal(Field field, Value value) {
    return lit(literalValue(field, value));
  }

  /**
   * The value as the column holds it: folded text for a folded field, the exact number, a {@code
   * LocalDate} for a date field, an {@code Instant} for a time field (by {@link SegmentWindows}).
   */
  private Object literalValue(Field field, Value value) {
    if (value instanceof TextValue text) {
      return field.folded() ? SearchText.fold(text.text()) : text.text();
    }
    if (value instanceof NumberValue number) {
      return number.number();
    }
    if (value instanceof BooleanValue bool) {
      return bool.value();
    }
    if (field.type() == FieldType.DATE) {
      return windows.date(value);
    }
    if (field.type() == FieldType.TIME) {
      return windows.instant(value);
    }
    throw new IllegalArgumentException("no literal of " + value + " for " + field.name());
  }
}
