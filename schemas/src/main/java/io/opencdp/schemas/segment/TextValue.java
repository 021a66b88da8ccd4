package io.opencdp.schemas.segment;

import static java.util.Objects.requireNonNull;

/**
 * A string as written, never folded, trimmed or interpreted: {@code "a* OR b"} is those seven
 * characters. An engine folds it for a folded field ({@link Field#folded}) and escapes it for
 * pattern-based queries ({@code prefix}, {@code contains}).
 */
public record TextValue(String text) implements Value {
  public TextValue {
    requireNonNull(text, "text is null");
    if (text.isEmpty()) {
      throw new IllegalArgumentException("text is empty");
    }
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitText(this);
  }
}
