package io.opencdp.ingest.connector;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.event.Channel;
import io.opencdp.schemas.event.Identifier;
import java.util.List;

/**
 * A record that could not become an event, with a stable reason code and a message a person can act
 * on ("field 'messageId' is missing", not a stack trace). The raw text is kept, so nothing is lost;
 * identifiers that could still be read are kept so erasure can find the row.
 */
public record DeadLetter(
    Channel channel,
    String sourceSystem,
    String file,
    long line,
    long offset,
    String rawText,
    String reasonCode,
    String message,
    List<Identifier> identifiers) {

  public DeadLetter {
    requireNonNull(channel, "channel is null");
    requireNonNull(sourceSystem, "source_system is null");
    requireNonNull(file, "file is null");
    requireNonNull(rawText, "raw_text is null");
    requireNonNull(reasonCode, "reason_code is null");
    requireNonNull(message, "message is null");
    identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
  }
}
