package io.opencdp.schemas.segment;

/** {@code true} or {@code false}. */
public record BooleanValue(boolean value) implements Value {
  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitBoolean(this);
  }
}
