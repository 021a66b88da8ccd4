package io.opencdp.schemas.segment;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * {@code {"field": F, "op": OP, "value": V}}: a field compared with literal values. On a profile it
 * is a field of {@link ProfileFields}; in an event condition's {@code where}, of {@link
 * EventFields}. A comparison never holds on a field without a value (but {@code missing}).
 *
 * @param field the catalog field
 * @param op an operator the field's type allows
 * @param values as many as the operator takes ({@link Operator.Arity}): none for {@code exists} and
 *     {@code missing}, {@code [low, high]} for {@code between}, 1..1,000 for {@code in}, else one;
 *     each of a kind the field's type accepts
 */
public record FieldCondition(Field field, Operator op, List<Value> values) implements Condition {
  public FieldCondition {
    requireNonNull(field, "field is null");
    requireNonNull(op, "op is null");
    values = List.copyOf(values);
    if (!field.type().allows(op)) {
      throw new IllegalArgumentException(
          "op "
              + op.wireName()
              + " is not allowed on "
              + field.type().wireName()
              + " field "
              + field.name());
    }
    boolean arityHolds =
        switch (op.arity()) {
          case NONE -> values.isEmpty();
          case ONE -> values.size() == 1;
          case TWO -> values.size() == 2;
          case MANY -> !values.isEmpty() && values.size() <= SegmentLimits.MAX_IN_VALUES;
        };
    if (!arityHolds) {
      throw new IllegalArgumentException(
          "op " + op.wireName() + " does not take " + values.size() + " values");
    }
    for (Value value : values) {
      if (!field.type().accepts(value)) {
        throw new IllegalArgumentException(
            field.name()
                + " is a "
                + field.type().wireName()
                + " field; it does not take "
                + value);
      }
    }
  }

  /** A condition with one value ({@code eq}, {@code gt}, {@code contains}, ...). */
  public static FieldCondition of(Field field, Operator op, Value value) {
    return new FieldCondition(field, op, List.of(value));
  }

  /** The value of a one-value operator. */
  public Value value() {
    if (op.arity() != Operator.Arity.ONE) {
      throw new IllegalStateException(op.wireName() + " takes no single value");
    }
    return values.get(0);
  }

  /** The low end of {@code between}. */
  public Value low() {
    requireBetween();
    return values.get(0);
  }

  /** The high end of {@code between}. */
  public Value high() {
    requireBetween();
    return values.get(1);
  }

  private void requireBetween() {
    if (op != Operator.BETWEEN) {
      throw new IllegalStateException(op.wireName() + " is not between");
    }
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitField(this);
  }
}
