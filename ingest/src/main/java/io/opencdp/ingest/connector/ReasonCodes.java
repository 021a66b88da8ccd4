package io.opencdp.ingest.connector;

import java.util.List;

/**
 * The stable reason codes of dead letters. The {@code dead_letters} table, reports and replay
 * tooling store these strings, so a code is never renamed or reused; add a new one instead.
 */
public final class ReasonCodes {
  /** The line is not valid JSON (truncated, unbalanced, trailing garbage). */
  public static final String JSON_MALFORMED = "json_malformed";

  /** The line is valid JSON but not an object (an array, a string, a number). */
  public static final String NOT_AN_OBJECT = "not_an_object";

  /** A required field (the natural key, the event time, the type) is missing, null or blank. */
  public static final String MISSING_FIELD = "missing_field";

  /** A field has the wrong JSON type or a CSV cell is not in its column's format. */
  public static final String WRONG_TYPE = "wrong_type";

  /** An event time does not parse in the source's documented format. */
  public static final String TIMESTAMP_INVALID = "timestamp_invalid";

  /** An event time is later than its received-at by more than the configured tolerance. */
  public static final String TIMESTAMP_IN_FUTURE = "timestamp_in_future";

  /** An event time in the right shape names a date that does not exist (February 30, month 13). */
  public static final String DATE_IMPOSSIBLE = "date_impossible";

  /** The record's type (Segment type, SendGrid event, Connect channel) is not one we know. */
  public static final String UNKNOWN_EVENT_TYPE = "unknown_event_type";

  /** The record carries none of the identifiers its source requires (who is it about?). */
  public static final String MISSING_IDENTIFIER = "missing_identifier";

  /** A money amount has more than 4 decimal places or 14 integer digits. */
  public static final String AMOUNT_INVALID = "amount_invalid";

  /** A card field holds a full card number; the number is masked in the dead letter's raw text. */
  public static final String CARD_NUMBER_IN_RECORD = "card_number_in_record";

  /** A CSV row is not RFC 4180 (an unterminated quote, text after a closing quote). */
  public static final String CSV_MALFORMED = "csv_malformed";

  /** A CSV row has fewer or more columns than the header. */
  public static final String CSV_COLUMN_COUNT = "csv_column_count";

  /** The file's header lacks a mapped column (every row of the file gets this code). */
  public static final String CSV_HEADER_MISMATCH = "csv_header_mismatch";

  /** The line's bytes are not valid UTF-8. */
  public static final String INVALID_UTF8 = "invalid_utf8";

  /** The line is longer than {@code ingest.max_line_bytes}. */
  public static final String LINE_TOO_LONG = "line_too_long";

  /** The file has no bytes, or only blank lines. */
  public static final String EMPTY_FILE = "empty_file";

  /** A value passed the connector's checks but the canonical event rejected it. */
  public static final String INVALID_VALUE = "invalid_value";

  /** Every code, for reports and documentation. */
  public static final List<String> ALL =
      List.of(
          JSON_MALFORMED,
          NOT_AN_OBJECT,
          MISSING_FIELD,
          WRONG_TYPE,
          TIMESTAMP_INVALID,
          TIMESTAMP_IN_FUTURE,
          DATE_IMPOSSIBLE,
          UNKNOWN_EVENT_TYPE,
          MISSING_IDENTIFIER,
          AMOUNT_INVALID,
          CARD_NUMBER_IN_RECORD,
          CSV_MALFORMED,
          CSV_COLUMN_COUNT,
          CSV_HEADER_MISMATCH,
          INVALID_UTF8,
          LINE_TOO_LONG,
          EMPTY_FILE,
          INVALID_VALUE);

  private ReasonCodes() {}
}
