package io.opencdp.schemas.normalize;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * The forms of one normalized name.
 *
 * @param display NFKC, whitespace collapsed and trimmed, original case: what a profile shows
 * @param matchKey {@code display} lowercased with {@link java.util.Locale#ROOT}, diacritics kept
 * @param asciiFolded {@code matchKey} with diacritics stripped ({@code zoë} to {@code zoe});
 *     letters of non-Latin scripts are kept as they are
 */
public record PersonName(String display, String matchKey, String asciiFolded)
    implements Serializable {
  public PersonName {
    requireNonNull(display, "display is null");
    requireNonNull(matchKey, "matchKey is null");
    requireNonNull(asciiFolded, "asciiFolded is null");
  }
}
