package io.opencdp.schemas.normalize;

import java.text.Normalizer;

/** Unicode-aware text clean-up shared by the normalizers. No regular expressions. */
final class Text {
  private Text() {}

  /**
   * Whitespace in the Unicode sense: Java whitespace (tabs, newlines, ...) plus the space
   * separators Java leaves out (no-break space U+00A0, U+2007, U+202F).
   */
  static boolean isSpace(char c) {
    return c == ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  /** Invisible characters that copy-paste and CSV exports leave behind: zero-width space, BOM. */
  static boolean isInvisible(char c) {
    return c == '\u200B' || c == '\uFEFF' || c == '\u2060';
  }

  /** NFKC (full-width letters to ASCII, ligatures split, compatibility spaces to U+0020). */
  static String nfkc(String s) {
    if (isAscii(s)) {
      return s;
    }
    return Normalizer.normalize(s, Normalizer.Form.NFKC);
  }

  static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** Strips Unicode whitespace and invisible characters from both ends. */
  static String trim(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && (isSpace(s.charAt(start)) || isInvisible(s.charAt(start)))) {
      start++;
    }
    while (end > start && (isSpace(s.charAt(end - 1)) || isInvisible(s.charAt(end - 1)))) {
      end--;
    }
    return s.substring(start, end);
  }

  /**
   * Removes invisible characters, turns every run of whitespace into one ASCII space and trims.
   * Returns the same instance when nothing changes.
   */
  static String collapseWhitespace(String s) {
    int n = s.length();
    char[] out = new char[n];
    int len = 0;
    boolean pendingSpace = false;
    boolean changed = false;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (isInvisible(c)) {
        changed = true;
      } else if (isSpace(c)) {
        if (c != ' ' || pendingSpace || len == 0) {
          changed = true;
        }
        pendingSpace = len > 0;
      } else {
        if (pendingSpace) {
          out[len++] = ' ';
          pendingSpace = false;
        }
        out[len++] = c;
      }
    }
    if (pendingSpace) {
      changed = true;
    }
    return changed ? new String(out, 0, len) : s;
  }

  /** NFKC, then whitespace collapsed and trimmed: the display form of free text. */
  static String clean(String s) {
    return collapseWhitespace(nfkc(s));
  }

  /**
   * Strips diacritics: NFD, then drops combining marks, then spells out the few Latin letters that
   * have no decomposition ({@code ß ø ł đ ð æ œ þ ı}). Expects lowercase input. Letters of other
   * scripts are kept, so the result is ASCII only for Latin-script input.
   */
  static String foldDiacritics(String lower) {
    if (isAscii(lower)) {
      return lower;
    }
    String nfd = Normalizer.normalize(lower, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(nfd.length());
    for (int i = 0; i < nfd.length(); i++) {
      char c = nfd.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue;
      }
      switch (c) {
        case '\u00DF' -> out.append("ss"); // ß
        case '\u00F8' -> out.append('o'); // ø
        case '\u0142' -> out.append('l'); // ł
        case '\u0111', '\u00F0' -> out.append('d'); // đ ð
        case '\u00E6' -> out.append("ae"); // æ
        case '\u0153' -> out.append("oe"); // œ
        case '\u00FE' -> out.append("th"); // þ
        case '\u0131' -> out.append('i'); // dotless ı
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Whether the ASCII-insensitive {@code s} starts with the lowercase ASCII {@code prefix}. */
  static boolean startsWithIgnoreCase(String s, String prefix) {
    return s.regionMatches(true, 0, prefix, 0, prefix.length());
  }
}
