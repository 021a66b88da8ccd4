package io.opencdp.schemas.normalize;

import java.util.Locale;

/**
 * Normalizes e-mail addresses: NFKC, trim (Unicode whitespace included), strip surrounding {@code
 * <>} and a {@code mailto:} prefix, lowercase with {@link Locale#ROOT}, then check the syntax.
 *
 * <p>Dots and {@code +tags} are kept: removing them is only right for some providers (Gmail ignores
 * dots, Yahoo uses {@code -} for tags, most providers treat both as significant), so it is a
 * matching decision for resolve, not a normalization. There is deliberately no "canonical for
 * matching" form here.
 *
 * <p>Syntax: exactly one {@code @}; a local part of 1-64 characters made of RFC 5322 atext ({@code
 * a-z 0-9 !#$%&'*+-/=?^_`{|}~}, or any non-ASCII letter or digit for internationalized addresses)
 * and single dots, not at either end; a domain of at least two dot-separated labels of letters,
 * digits and hyphens (1-63 characters, no hyphen at either end, a top-level label that is not all
 * digits); at most 254 characters in all. Quoted local parts and IP-literal domains are rejected:
 * no mail platform we export to accepts them.
 */
public final class EmailNormalizer {
  static final int MAX_LENGTH = 254;
  static final int MAX_LOCAL_LENGTH = 64;
  static final int MAX_LABEL_LENGTH = 63;
  private static final String ATEXT_SYMBOLS = "!#$%&'*+-/=?^_`{|}~";

  private EmailNormalizer() {}

  public static Normalized<String> normalize(String raw) {
    if (raw == null) {
      return Normalized.invalid(null, InvalidReason.EMPTY);
    }
    String s = Text.trim(Text.nfkc(raw));
    if (s.length() >= 2 && s.charAt(0) == '<' && s.charAt(s.length() - 1) == '>') {
      s = Text.trim(s.substring(1, s.length() - 1));
    }
    if (Text.startsWithIgnoreCase(s, "mailto:")) {
      s = Text.trim(s.substring("mailto:".length()));
    }
    if (s.isEmpty()) {
      return Normalized.invalid(raw, InvalidReason.EMPTY);
    }
    String email = s.toLowerCase(Locale.ROOT);
    return isValidSyntax(email)
        ? Normalized.valid(raw, email)
        : Normalized.invalid(raw, InvalidReason.EMAIL_SYNTAX);
  }

  static boolean isValidSyntax(String email) {
    if (email.length() > MAX_LENGTH) {
      return false;
    }
    int at = email.indexOf('@');
    if (at <= 0 || at > MAX_LOCAL_LENGTH || at != email.lastIndexOf('@')) {
      return false;
    }
    return isValidLocalPart(email, 0, at) && isValidDomain(email, at + 1, email.length());
  }

  private static boolean isValidLocalPart(String s, int start, int end) {
    if (s.charAt(start) == '.' || s.charAt(end - 1) == '.') {
      return false;
    }
    int i = start;
    while (i < end) {
      int cp = s.codePointAt(i);
      if (cp == '.') {
        if (s.charAt(i - 1) == '.') {
          return false;
        }
      } else if (!isAtext(cp)) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  private static boolean isAtext(int cp) {
    if (cp < 0x80) {
      return (cp >= 'a' && cp <= 'z')
          || (cp >= 'A' && cp <= 'Z')
          || (cp >= '0' && cp <= '9')
          || ATEXT_SYMBOLS.indexOf(cp) >= 0;
    }
    return Character.isLetterOrDigit(cp);
  }

  private static boolean isValidDomain(String s, int start, int end) {
    int labels = 0;
    int labelStart = start;
    boolean allDigits = true;
    for (int i = start; i <= end; ) {
      if (i == end || s.charAt(i) == '.') {
        int labelLength = i - labelStart;
        if (labelLength == 0
            || labelLength > MAX_LABEL_LENGTH
            || s.charAt(labelStart) == '-'
            || s.charAt(i - 1) == '-') {
          return false;
        }
        labels++;
        if (i == end) {
          break;
        }
        labelStart = i + 1;
        allDigits = true;
        i++;
        continue;
      }
      int cp = s.codePointAt(i);
      if (!isLabelChar(cp)) {
        return false;
      }
      if (cp < '0' || cp > '9') {
        allDigits = false;
      }
      i += Character.charCount(cp);
    }
    return labels >= 2 && !allDigits;
  }

  private static boolean isLabelChar(int cp) {
    if (cp < 0x80) {
      return (cp >= 'a' && cp <= 'z')
          || (cp >= 'A' && cp <= 'Z')
          || (cp >= '0' && cp <= '9')
          || cp == '-';
    }
    return Character.isLetterOrDigit(cp);
  }
}
