package io.opencdp.ingest.connector;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.event.TouchpointEvent;

/** What a connector made of one raw record: a canonical event, or a dead letter saying why not. */
public sealed interface ParseResult {
  record Parsed(TouchpointEvent event) implements ParseResult {
    public Parsed {
      requireNonNull(event, "event is null");
    }
  }

  record Rejected(DeadLetter deadLetter) implements ParseResult {
    public Rejected {
      requireNonNull(deadLetter, "dead_letter is null");
    }
  }
}
