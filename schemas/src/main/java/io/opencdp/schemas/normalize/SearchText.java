package io.opencdp.schemas.normalize;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one folding of names, cities and search input: accents removed (José → jose, Müller → muller,
 * ß → ss, Ø → o), lower case, runs of spaces collapsed. The indexer writes folded values into the
 * {@code search.*} fields, the search route folds its query and segment conditions fold their
 * values on folded fields (the Elasticsearch compiler and the Spark reference alike) the same way,
 * so every side always agrees. Done in Java rather than with Elasticsearch's {@code asciifolding}
 * filter because that filter lives in the analysis-common module, which not every distribution (the
 * integration-test one included) ships.
 */
public final class SearchText {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private SearchText() {}

  /** The folded form of {@code text}; null stays null. */
  public static String fold(String text) {
    if (text == null) {
      return null;
    }
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
    String stripped = MARKS.matcher(decomposed).replaceAll("");
    StringBuilder out = new StringBuilder(stripped.length());
    for (int i = 0; i < stripped.length(); i++) {
      char c = stripped.charAt(i);
      switch (c) {
        case 'ß' -> out.append("ss");
        case 'ø', 'Ø' -> out.append('o');
        case 'æ', 'Æ' -> out.append("ae");
        case 'œ', 'Œ' -> out.append("oe");
        case 'ł', 'Ł' -> out.append('l');
        case 'đ', 'Đ' -> out.append('d');
        case 'þ', 'Þ' -> out.append("th");
        case 'ı' -> out.append('i');
        default -> out.append(c);
      }
    }
    return SPACES.matcher(out.toString().toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }
}
