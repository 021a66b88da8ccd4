package io.opencdp.ingest.generator;

/** One RFC-4180 CSV row in a reused StringBuilder; quotes a field only when it needs it. */
final class CsvLine {
  private final StringBuilder sb = new StringBuilder(256);
  private boolean first = true;

  CsvLine reset() {
    sb.setLength(0);
    first = true;
    return this;
  }

  CsvLine add(String value) {
    sep();
    if (value == null || value.isEmpty()) {
      return this;
    }
    if (needsQuotes(value)) {
      sb.append('"');
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == '"') {
          sb.append('"');
        }
        sb.append(c);
      }
      sb.append('"');
    } else {
      sb.append(value);
    }
    return this;
  }

  CsvLine add(long value) {
    sep();
    sb.append(value);
    return this;
  }

  CsvLine money(long cents) {
    sep();
    JsonLine.appendMoney(sb, cents);
    return this;
  }

  /** Appends the rest of a field raw; the caller guarantees it needs no quoting. */
  StringBuilder raw() {
    sep();
    return sb;
  }

  @Override
  public String toString() {
    return sb.toString();
  }

  static String header(String... names) {
    return String.join(",", names);
  }

  private void sep() {
    if (!first) {
      sb.append(',');
    }
    first = false;
  }

  private static boolean needsQuotes(String value) {
    if (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ') {
      return true;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }
}
