package io.opencdp.ingest.generator;

/**
 * A minimal streaming JSON writer into a reused StringBuilder: fields in the order written, strings
 * escaped per RFC 8259, money as fixed two-decimal numbers. Much cheaper than object trees.
 */
final class JsonLine {
  private final StringBuilder sb = new StringBuilder(1024);
  private final boolean[] needComma = new boolean[32];
  private int depth;

  JsonLine reset() {
    sb.setLength(0);
    depth = 0;
    return this;
  }

  StringBuilder buffer() {
    return sb;
  }

  JsonLine begin() {
    comma();
    sb.append('{');
    needComma[++depth] = false;
    return this;
  }

  JsonLine end() {
    sb.append('}');
    depth--;
    return this;
  }

  JsonLine object(String name) {
    key(name);
    sb.append('{');
    needComma[++depth] = false;
    return this;
  }

  JsonLine array(String name) {
    key(name);
    sb.append('[');
    needComma[++depth] = false;
    return this;
  }

  JsonLine endArray() {
    sb.append(']');
    depth--;
    return this;
  }

  JsonLine str(String name, String value) {
    key(name);
    if (value == null) {
      sb.append("null");
    } else {
      quote(value);
    }
    return this;
  }

  /** Writes the field only when the value is not null. */
  JsonLine strIf(String name, String value) {
    return value == null ? this : str(name, value);
  }

  JsonLine element(String value) {
    comma();
    quote(value);
    return this;
  }

  JsonLine num(String name, long value) {
    key(name);
    sb.append(value);
    return this;
  }

  JsonLine money(String name, long cents) {
    key(name);
    appendMoney(sb, cents);
    return this;
  }

  JsonLine bool(String name, boolean value) {
    key(name);
    sb.append(value);
    return this;
  }

  JsonLine nul(String name) {
    key(name);
    sb.append("null");
    return this;
  }

  /** A timestamp field {@code 2026-07-14T13:05:22.123Z}. */
  JsonLine isoMillis(String name, long epochMs) {
    key(name);
    sb.append('"');
    Times.isoMillis(sb, epochMs);
    sb.append('"');
    return this;
  }

  /** A timestamp field {@code 2026-07-14T13:05:22Z}. */
  JsonLine isoSeconds(String name, long epochMs) {
    key(name);
    sb.append('"');
    Times.isoSeconds(sb, epochMs);
    sb.append('"');
    return this;
  }

  /** Opens the name of a field whose value the caller appends raw to {@link #buffer()}. */
  JsonLine key(String name) {
    comma();
    // field names are plain ASCII and never need escaping
    sb.append('"').append(name).append("\":");
    return this;
  }

  @Override
  public String toString() {
    return sb.toString();
  }

  static void appendMoney(StringBuilder sb, long cents) {
    if (cents < 0) {
      sb.append('-');
      cents = -cents;
    }
    sb.append(cents / 100).append('.');
    long c = cents % 100;
    if (c < 10) {
      sb.append('0');
    }
    sb.append(c);
  }

  private void comma() {
    if (depth > 0) {
      if (needComma[depth]) {
        sb.append(',');
      }
      needComma[depth] = true;
    }
  }

  private void quote(String value) {
    sb.append('"');
    int n = value.length();
    int clean = 0;
    while (clean < n) {
      char c = value.charAt(clean);
      if (c == '"' || c == '\\' || c < 0x20) {
        break;
      }
      clean++;
    }
    sb.append(value, 0, clean);
    for (int i = clean; i < n; i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
