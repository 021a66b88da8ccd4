package io.opencdp.ingest.connector;

/** Small edits of fixture lines that fail loudly when the text to edit is not there. */
final class Lines {
  private Lines() {}

  static String replace(String line, String from, String to) {
    if (!line.contains(from)) {
      throw new IllegalArgumentException("fixture line does not contain '" + from + "': " + line);
    }
    return line.replace(from, to);
  }

  /** Removes a JSON member, e.g. {@code "userId":"C100",}. */
  static String remove(String line, String member) {
    return replace(line, member, "");
  }
}
