package io.opencdp.schemas.segment;

import static io.opencdp.schemas.segment.Operator.BETWEEN;
import static io.opencdp.schemas.segment.Operator.CONTAINS;
import static io.opencdp.schemas.segment.Operator.EQ;
import static io.opencdp.schemas.segment.Operator.EXISTS;
import static io.opencdp.schemas.segment.Operator.GT;
import static io.opencdp.schemas.segment.Operator.GTE;
import static io.opencdp.schemas.segment.Operator.IN;
import static io.opencdp.schemas.segment.Operator.LT;
import static io.opencdp.schemas.segment.Operator.LTE;
import static io.opencdp.schemas.segment.Operator.MISSING;
import static io.opencdp.schemas.segment.Operator.NEQ;
import static io.opencdp.schemas.segment.Operator.PREFIX;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The type of a catalog field: which operators it allows and which values it compares with
 * (docs/segments.md, "Types and the operators they allow").
 */
public enum FieldType {
  /** Strings; folded or exact as the field says. */
  TEXT(List.of(EQ, NEQ, IN, PREFIX, CONTAINS, EXISTS, MISSING)),
  /** JSON numbers; an integer field takes integers only. */
  NUMBER(List.of(EQ, NEQ, GT, GTE, LT, LTE, BETWEEN, IN, EXISTS, MISSING)),
  BOOLEAN(List.of(EQ, NEQ, EXISTS, MISSING)),
  /** A plain date: {@link DateValue} or {@link DaysAgo}. */
  DATE(List.of(EQ, NEQ, GT, GTE, LT, LTE, BETWEEN, EXISTS, MISSING)),
  /** An instant: {@link InstantValue}, {@link DateValue} (its start) or {@link DaysAgo}. */
  TIME(List.of(GT, GTE, LT, LTE, BETWEEN, EXISTS, MISSING)),
  /** A list of strings. */
  TEXT_LIST(List.of(CONTAINS, IN, EXISTS, MISSING));

  private final Set<Operator> operators;
  private final String wireName = name().toLowerCase(Locale.ROOT);

  FieldType(List<Operator> operators) {
    this.operators = Collections.unmodifiableSet(EnumSet.copyOf(operators));
  }

  /** The operators a field of this type allows. */
  public Set<Operator> operators() {
    return operators;
  }

  public boolean allows(Operator op) {
    return operators.contains(op);
  }

  /** The spelling of docs/segments.md, e.g. {@code text_list}. */
  public String wireName() {
    return wireName;
  }

  /** Whether {@code value} is of a kind this type compares with. */
  public boolean accepts(Value value) {
    return switch (this) {
      case TEXT, TEXT_LIST -> value instanceof TextValue;
      case NUMBER -> value instanceof NumberValue;
      case BOOLEAN -> value instanceof BooleanValue;
      case DATE -> value instanceof DateValue || value instanceof DaysAgo;
      case TIME ->
          value instanceof InstantValue || value instanceof DateValue || value instanceof DaysAgo;
    };
  }
}
