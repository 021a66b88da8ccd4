package io.opencdp.ingest.collector;

import static java.util.Objects.requireNonNull;

/**
 * An accepted message ready to land: its messageId (the dedup key) and its line, the message's JSON
 * with the server fields set, ending in {@code \n}.
 */
record Message(String messageId, byte[] line) {
  Message {
    requireNonNull(messageId, "messageId is null");
    requireNonNull(line, "line is null");
    if (line.length == 0 || line[line.length - 1] != '\n') {
      throw new IllegalArgumentException("a line must end in a newline");
    }
  }
}
