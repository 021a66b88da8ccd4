package io.opencdp.api.segment;

import static java.util.Objects.requireNonNull;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import io.opencdp.schemas.normalize.SearchText;
import io.opencdp.schemas.segment.BooleanValue;
import io.opencdp.schemas.segment.DateValue;
import io.opencdp.schemas.segment.DaysAgo;
import io.opencdp.schemas.segment.Field;
import io.opencdp.schemas.segment.FieldCondition;
import io.opencdp.schemas.segment.FieldType;
import io.opencdp.schemas.segment.InstantValue;
import io.opencdp.schemas.segment.NumberValue;
import io.opencdp.schemas.segment.SegmentWindows;
import io.opencdp.schemas.segment.TextValue;
import io.opencdp.schemas.segment.Value;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * One field comparison as an Elasticsearch query on the document field that holds it
 * (docs/segments.md, "Field comparisons"): values only ever as literals of {@code term}, {@code
 * terms}, {@code range}, {@code prefix}, {@code wildcard} (with {@code *}, {@code ?} and {@code \}
 * escaped) and {@code exists}; folded fields compare the folded value.
 */
final class FieldQueries {
  private static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private final SegmentWindows windows;

  FieldQueries(SegmentWindows windows) {
    this.windows = requireNonNull(windows, "windows is null");
  }

  /** {@code condition} on the document field {@code path}. */
  Query compile(FieldCondition condition, String path) {
    Field field = condition.field();
    return switch (condition.op()) {
      case EQ -> term(path, fieldValue(field, condition.value()));
      case NEQ ->
          Queries.bool(
              List.of(exists(path)), List.of(term(path, fieldValue(field, condition.value()))));
      case GT -> range(path, r -> r.gt(json(field, condition.value())));
      case GTE -> range(path, r -> r.gte(json(field, condition.value())));
      case LT -> range(path, r -> r.lt(json(field, condition.value())));
      case LTE -> range(path, r -> r.lte(json(field, condition.value())));
      case BETWEEN ->
          range(path, r -> r.gte(json(field, condition.low())).lte(json(field, condition.high())));
      case IN ->
          Query.of(
              q ->
                  q.terms(
                      t ->
                          t.field(path)
                              .terms(
                                  v ->
                                      v.value(
                                          condition.values().stream()
                                              .map(value -> fieldValue(field, value))
                                              .toList()))));
      case EXISTS -> exists(path);
      case MISSING -> Queries.not(exists(path));
      case CONTAINS ->
          field.type() == FieldType.TEXT_LIST
              ? term(path, fieldValue(field, condition.value()))
              : Query.of(
                  q ->
                      q.wildcard(
                          w ->
                              w.field(path)
                                  .value("*" + escapeWildcard(text(field, condition)) + "*")));
      case PREFIX -> Query.of(q -> q.prefix(p -> p.field(path).value(text(field, condition))));
    };
  }

  /**
   * An instant as Elasticsearch reads it exactly: UTC with all the digits to the millisecond. Not
   * {@code Instant.toString()}, which leaves out a zero fraction: for {@code gt} and {@code lte}
   * Elasticsearch rounds a date string up by filling its missing parts with their largest value, so
   * {@code lte "2026-03-14T08:00:00Z"} would also hold at {@code 08:00:00.999}.
   */
  static String instant(Instant instant) {
    return INSTANT.format(instant);
  }

  /** {@code text} with the wildcard syntax ({@code *}, {@code ?}, {@code \}) escaped. */
  static String escapeWildcard(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '*' || c == '?' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  private String text(Field field, FieldCondition condition) {
    return (String) literal(field, condition.value());
  }

  private static Query term(String path, FieldValue value) {
    return Query.of(q -> q.term(t -> t.field(path).value(value)));
  }

  static Query exists(String path) {
    return Query.of(q -> q.exists(e -> e.field(path)));
  }

  private static Query range(
      String path,
      java.util.function.UnaryOperator<
              co.elastic.clients.elasticsearch._types.query_dsl.UntypedRangeQuery.Builder>
          bounds) {
    return Query.of(q -> q.range(r -> r.untyped(u -> bounds.apply(u.field(path)))));
  }

  private FieldValue fieldValue(Field field, Value value) {
    Object literal = literal(field, value);
    if (literal instanceof String s) {
      return FieldValue.of(s);
    }
    if (literal instanceof Long l) {
      return FieldValue.of(l);
    }
    if (literal instanceof Double d) {
      return FieldValue.of(d);
    }
    return FieldValue.of((Boolean) literal);
  }

  private JsonData json(Field field, Value value) {
    return JsonData.of(literal(field, value));
  }

  /**
   * The value as the document holds it: folded text for a folded field, a long for an integer
   * field, a double for other numbers, {@code yyyy-MM-dd} for a date field, an ISO-8601 UTC instant
   * for a time field.
   */
  private Object literal(Field field, Value value) {
    if (value instanceof TextValue text) {
      return field.folded() ? SearchText.fold(text.text()) : text.text();
    }
    if (value instanceof NumberValue number) {
      return field.integer()
          ? (Object) number.number().longValueExact()
          : (Object) number.number().doubleValue();
    }
    if (value instanceof BooleanValue bool) {
      return bool.value();
    }
    if (field.type() == FieldType.DATE) {
      return windows.date(value).toString();
    }
    if (value instanceof InstantValue || value instanceof DateValue || value instanceof DaysAgo) {
      return instant(windows.instant(value));
    }
    throw new IllegalArgumentException("no literal of " + value + " for " + field.name());
  }
}
