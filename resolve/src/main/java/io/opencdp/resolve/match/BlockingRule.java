package io.opencdp.resolve.match;

import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Records whose key parts are all present and all equal become candidate pairs. Candidates are the
 * union over all rules.
 *
 * @param keys the key parts, at least one
 */
public record BlockingRule(List<BlockingKey> keys) implements Serializable {
  public BlockingRule {
    keys = List.copyOf(keys);
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("a blocking rule needs at least one key");
    }
  }

  /** Parses {@code "family_name:metaphone + postal_code"}. */
  public static BlockingRule parse(String text) {
    return new BlockingRule(
        java.util.Arrays.stream(text.split("\\+")).map(BlockingKey::parse).toList());
  }

  /** The record's block key under this rule, or null when a part is missing. */
  public String keyOf(MatchRecord record) {
    if (keys.size() == 1) {
      return keys.get(0).keyOf(record);
    }
    StringBuilder key = new StringBuilder();
    for (BlockingKey part : keys) {
      String value = part.keyOf(record);
      if (value == null) {
        return null;
      }
      key.append(value).append('\u001f');
    }
    return key.toString();
  }

  /** The rule as config writes it. */
  public String name() {
    return keys.stream().map(BlockingKey::toString).collect(Collectors.joining(" + "));
  }

  @Override
  public String toString() {
    return name();
  }
}
