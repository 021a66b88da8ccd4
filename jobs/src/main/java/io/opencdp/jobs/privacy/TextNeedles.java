package io.opencdp.jobs.privacy;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * Finds an erased person's values in text (a raw landing line, a dead letter's {@code raw_text}, an
 * export row, a seed entry): a value counts only as a whole token, so {@code C1234} does not match
 * inside {@code C12345} nor {@code ann@mail.test} inside {@code joann@mail.test}. Case-sensitive
 * for ids; emails are compared lowercased, as they are normalized.
 */
final class TextNeedles implements Serializable {
  private final List<String> needles;

  TextNeedles(Set<String> values) {
    requireNonNull(values, "values is null");
    this.needles = values.stream().filter(v -> !v.isBlank()).sorted().toList();
  }

  boolean isEmpty() {
    return needles.isEmpty();
  }

  /** Whether {@code text} holds any of the values as a whole token. */
  boolean foundIn(String text) {
    if (text == null || needles.isEmpty()) {
      return false;
    }
    String lower = null;
    for (String needle : needles) {
      if (containsToken(text, needle)) {
        return true;
      }
      if (needle.indexOf('@') >= 0) {
        if (lower == null) {
          lower = text.toLowerCase(java.util.Locale.ROOT);
        }
        if (containsToken(lower, needle.toLowerCase(java.util.Locale.ROOT))) {
          return true;
        }
      }
    }
    return false;
  }

  static boolean containsToken(String text, String needle) {
    for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      int end = at + needle.length();
      if (!tokenChar(text, at - 1) && !tokenChar(text, end)) {
        return true;
      }
    }
    return false;
  }

  private static boolean tokenChar(String text, int i) {
    if (i < 0 || i >= text.length()) {
      return false;
    }
    char c = text.charAt(i);
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
