package io.opencdp.ingest.connector;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.event.SourceRef;
import io.opencdp.schemas.event.TouchpointEvent;
import io.opencdp.schemas.event.TouchpointEventBuilder;
import io.opencdp.schemas.normalize.BirthDateNormalizer;
import io.opencdp.schemas.normalize.PhoneNormalizer;
import java.time.Instant;

/**
 * The state of parsing one record: the settings, the record, the run's time and the identifiers
 * read so far (kept on a dead letter so erasure can find it).
 */
final class RecordContext {
  final ConnectorSettings settings;
  final String file;
  final RawRecord record;
  final Instant ingestedAt;
  final IdentifierCollector identifiers;
  final BirthDateNormalizer dates;

  RecordContext(
      ConnectorSettings settings,
      String file,
      RawRecord record,
      Instant ingestedAt,
      PhoneNormalizer phones,
      BirthDateNormalizer dates) {
    this.settings = requireNonNull(settings, "settings is null");
    this.file = requireNonNull(file, "file is null");
    this.record = requireNonNull(record, "record is null");
    this.ingestedAt = requireNonNull(ingestedAt, "ingestedAt is null");
    this.identifiers = new IdentifierCollector(phones);
    this.dates = requireNonNull(dates, "dates is null");
  }

  /** A builder with the workspace, channel, source system, identifiers and source ref set. */
  TouchpointEventBuilder builder() {
    TouchpointEventBuilder builder =
        TouchpointEvent.builder()
            .workspaceId(settings.workspaceId())
            .channel(settings.channel())
            .sourceSystem(settings.sourceSystem())
            .sourceRef(new SourceRef(record.file(), record.line(), record.offset()));
    return builder;
  }

  /** Fails unless {@code time} is within the tolerance of {@code reference}. */
  void checkNotInFuture(String field, Instant time, String referenceName, Instant reference) {
    EventTimes.checkNotInFuture(field, time, referenceName, reference, settings.futureTolerance());
  }

  /** Builds the event; a value the event's own checks reject is an {@code invalid_value}. */
  TouchpointEvent build(TouchpointEventBuilder builder) {
    identifiers.list().forEach(builder::identifier);
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new RecordException(ReasonCodes.INVALID_VALUE, e.getMessage());
    }
  }

  ParseResult reject(String reasonCode, String message, String maskedRawText) {
    return new ParseResult.Rejected(
        new DeadLetter(
            settings.channel(),
            settings.sourceSystem(),
            record.file(),
            record.line(),
            record.offset(),
            maskedRawText != null ? maskedRawText : record.text(),
            reasonCode,
            message,
            identifiers.list()));
  }
}
