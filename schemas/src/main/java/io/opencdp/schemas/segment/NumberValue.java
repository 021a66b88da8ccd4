package io.opencdp.schemas.segment;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/** An exact number (at most 14 integer digits and 4 decimal places, as the tables store). */
public record NumberValue(BigDecimal number) implements Value {
  public NumberValue {
    requireNonNull(number, "number is null");
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitNumber(this);
  }
}
