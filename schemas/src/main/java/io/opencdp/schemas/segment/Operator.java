package io.opencdp.schemas.segment;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The comparison operators of a field condition; which ones a field allows depends on its type. */
public enum Operator {
  EQ(Arity.ONE),
  NEQ(Arity.ONE),
  GT(Arity.ONE),
  GTE(Arity.ONE),
  LT(Arity.ONE),
  LTE(Arity.ONE),
  /** {@code [low, high]}, both ends included. */
  BETWEEN(Arity.TWO),
  /** One of 1..1,000 values; on a list field, an element is one of them. */
  IN(Arity.MANY),
  /** The field has a value (a list field: is not empty). */
  EXISTS(Arity.NONE),
  /** The field has no value (a list field: is empty). */
  MISSING(Arity.NONE),
  /** Text: the value contains the string; a list: one element equals it. */
  CONTAINS(Arity.ONE),
  /** Text: the value starts with the string. */
  PREFIX(Arity.ONE);

  /** How many values an operator takes. */
  public enum Arity {
    /** No {@code value} member. */
    NONE,
    /** One value. */
    ONE,
    /** {@code [low, high]}. */
    TWO,
    /** A list of 1..{@value SegmentLimits#MAX_IN_VALUES} values. */
    MANY
  }

  private final Arity arity;
  private final String wireName = name().toLowerCase(Locale.ROOT);

  Operator(Arity arity) {
    this.arity = arity;
  }

  public Arity arity() {
    return arity;
  }

  /** The JSON spelling, e.g. {@code gte}. */
  public String wireName() {
    return wireName;
  }

  /** The operator spelled {@code name} in JSON, if any. */
  public static Optional<Operator> fromWireName(String name) {
    return Arrays.stream(values()).filter(op -> op.wireName.equals(name)).findFirst();
  }

  static String wireNames(Iterable<Operator> operators) {
    StringBuilder out = new StringBuilder();
    for (Operator op : operators) {
      out.append(out.length() == 0 ? "" : ", ").append(op.wireName);
    }
    return out.toString();
  }

  static String allWireNames() {
    return Arrays.stream(values()).map(Operator::wireName).collect(Collectors.joining(", "));
  }
}
