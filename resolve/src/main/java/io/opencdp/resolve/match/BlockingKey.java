package io.opencdp.resolve.match;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * One part of a blocking rule: a field and how it is turned into a key, written {@code
 * family_name:metaphone} in config ({@code family_name} alone means the value).
 */
public record BlockingKey(MatchField field, KeyTransform transform) implements Serializable {
  public BlockingKey {
    requireNonNull(field, "field is null");
    requireNonNull(transform, "transform is null");
  }

  /** Parses {@code field} or {@code field:transform}. */
  public static BlockingKey parse(String text) {
    int colon = text.indexOf(':');
    if (colon < 0) {
      return new BlockingKey(MatchField.fromWireName(text.trim()), KeyTransform.VALUE);
    }
    return new BlockingKey(
        MatchField.fromWireName(text.substring(0, colon).trim()),
        KeyTransform.fromWireName(text.substring(colon + 1).trim()));
  }

  String keyOf(MatchRecord record) {
    return transform.apply(record.get(field));
  }

  @Override
  public String toString() {
    return transform == KeyTransform.VALUE
        ? field.wireName()
        : field.wireName() + ":" + transform.wireName();
  }
}
