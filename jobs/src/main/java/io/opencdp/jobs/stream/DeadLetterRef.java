package io.opencdp.jobs.stream;

import static java.util.Objects.requireNonNull;

import io.opencdp.ingest.connector.DeadLetter;
import java.io.Serializable;

/**
 * What the stream keeps of a dead letter: where it was and the batch's reason code. The dead letter
 * itself reaches Delta {@code dead_letters} through {@code cdp ingest} of the same file.
 */
public record DeadLetterRef(
    String source, String file, long line, String reasonCode, String message)
    implements Serializable {
  public DeadLetterRef {
    requireNonNull(source, "source is null");
    requireNonNull(file, "file is null");
    requireNonNull(reasonCode, "reasonCode is null");
  }

  static DeadLetterRef of(String source, DeadLetter letter) {
    return new DeadLetterRef(
        source, letter.file(), letter.line(), letter.reasonCode(), letter.message());
  }
}
