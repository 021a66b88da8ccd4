package io.opencdp.api;

/**
 * Masks personal data for callers that may see that a value exists but not the value (marketers):
 * an email keeps its first character and its domain ({@code j***@example.com}), a phone number its
 * last four digits ({@code ***2000}). Anything that does not look like the expected kind masks to
 * {@code ***}. Null stays null.
 */
public final class PiiMasker {
  static final String MASK = "***";

  private PiiMasker() {}

  public static String email(String email) {
    if (email == null) {
      return null;
    }
    int at = email.lastIndexOf('@');
    if (at <= 0 || at == email.length() - 1) {
      return MASK;
    }
    return email.substring(0, email.offsetByCodePoints(0, 1)) + MASK + email.substring(at);
  }

  public static String phone(String phone) {
    if (phone == null) {
      return null;
    }
    StringBuilder digits = new StringBuilder();
    for (int i = 0; i < phone.length(); i++) {
      char c = phone.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      }
    }
    // fewer than 7 digits would leave too much of the number visible
    if (digits.length() < 7) {
      return MASK;
    }
    return MASK + digits.substring(digits.length() - 4);
  }
}
