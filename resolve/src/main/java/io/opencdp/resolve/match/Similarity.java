package io.opencdp.resolve.match;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** The string measures the comparisons use; commons-text does the distance arithmetic. */
final class Similarity {
  private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
  private static final LevenshteinDistance WITHIN_TWO = new LevenshteinDistance(2);

  private Similarity() {}

  static double jaroWinkler(String a, String b) {
    return JARO_WINKLER.apply(a, b);
  }

  /** Levenshtein distance when at most 2, else -1. */
  static int editsUpToTwo(String a, String b) {
    return WITHIN_TWO.apply(a, b);
  }

  /**
   * One typing slip: one insertion, deletion or substitution, or two neighbouring characters
   * swapped (which Levenshtein counts as two edits).
   */
  static boolean oneSlip(String a, String b) {
    int edits = editsUpToTwo(a, b);
    return edits == 1 || (edits == 2 && adjacentTransposition(a, b));
  }

  static boolean adjacentTransposition(String a, String b) {
    if (a.length() != b.length()) {
      return false;
    }
    int first = -1;
    for (int i = 0; i < a.length(); i++) {
      if (a.charAt(i) != b.charAt(i)) {
        first = i;
        break;
      }
    }
    if (first < 0 || first + 1 >= a.length()) {
      return false;
    }
    return a.charAt(first) == b.charAt(first + 1)
        && a.charAt(first + 1) == b.charAt(first)
        && a.regionMatches(first + 2, b, first + 2, a.length() - first - 2);
  }
}
