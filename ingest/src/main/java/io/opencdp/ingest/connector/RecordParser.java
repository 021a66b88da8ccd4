package io.opencdp.ingest.connector;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.event.TouchpointEvent;
import io.opencdp.schemas.normalize.BirthDateNormalizer;
import io.opencdp.schemas.normalize.PhoneNormalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The file parser every connector shares: one record in, one event or one dead letter out. A
 * subclass reads one record and throws {@link RecordException} for anything that makes it unusable.
 * Birth dates are judged against the run's date, so a file parses the same way on every re-run of
 * one ingest.
 */
abstract class RecordParser implements Connector.FileParser {
  final ConnectorSettings settings;
  final String file;
  final Instant ingestedAt;
  private final PhoneNormalizer phones;
  private final BirthDateNormalizer dates;

  RecordParser(ConnectorSettings settings, String file, Instant ingestedAt) {
    this.settings = requireNonNull(settings, "settings is null");
    this.file = requireNonNull(file, "file is null");
    this.ingestedAt = requireNonNull(ingestedAt, "ingestedAt is null");
    this.phones = new PhoneNormalizer(settings.defaultPhoneRegion());
    this.dates = new BirthDateNormalizer(Clock.fixed(ingestedAt, ZoneOffset.UTC));
  }

  @Override
  public final ParseResult parse(RawRecord record) {
    RecordContext context = new RecordContext(settings, file, record, ingestedAt, phones, dates);
    try {
      return new ParseResult.Parsed(read(context));
    } catch (RecordException e) {
      return context.reject(e.reasonCode(), e.getMessage(), e.maskedRawText());
    }
  }

  /** Reads one record into an event, or throws {@link RecordException} saying why not. */
  abstract TouchpointEvent read(RecordContext context);
}
