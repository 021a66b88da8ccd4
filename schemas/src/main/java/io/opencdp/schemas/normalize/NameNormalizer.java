package io.opencdp.schemas.normalize;

import java.util.Locale;

/**
 * Normalizes a personal name (first, last or full) into its display, match and folded forms (see
 * {@link PersonName}). Only an empty or blank name is invalid: initials, single letters and
 * placeholder names are for resolve's guardrails to judge.
 */
public final class NameNormalizer {
  private NameNormalizer() {}

  public static Normalized<PersonName> normalize(String raw) {
    if (raw == null) {
      return Normalized.invalid(null, InvalidReason.EMPTY);
    }
    String display = Text.clean(raw);
    if (display.isEmpty()) {
      return Normalized.invalid(raw, InvalidReason.EMPTY);
    }
    String matchKey = display.toLowerCase(Locale.ROOT);
    return Normalized.valid(raw, new PersonName(display, matchKey, Text.foldDiacritics(matchKey)));
  }
}
