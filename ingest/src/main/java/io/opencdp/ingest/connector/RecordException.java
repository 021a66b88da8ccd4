package io.opencdp.ingest.connector;

import static java.util.Objects.requireNonNull;

/**
 * Why one record cannot become an event; the record's parser turns it into a dead letter. Carries
 * no stack trace: it is an expected outcome on a hot path, not a bug.
 */
final class RecordException extends RuntimeException {
  private final String reasonCode;
  private final transient String maskedRawText;

  RecordException(String reasonCode, String message) {
    this(reasonCode, message, null);
  }

  /** With {@code maskedRawText} to store instead of the raw line (it held a secret). */
  RecordException(String reasonCode, String message, String maskedRawText) {
    super(requireNonNull(message, "message is null"), null, false, false);
    this.reasonCode = requireNonNull(reasonCode, "reasonCode is null");
    this.maskedRawText = maskedRawText;
  }

  String reasonCode() {
    return reasonCode;
  }

  /** The raw text to keep instead of the record's, or null to keep the record's. */
  String maskedRawText() {
    return maskedRawText;
  }

  static RecordException missing(String field) {
    return new RecordException(ReasonCodes.MISSING_FIELD, "field '" + field + "' is missing");
  }

  static RecordException wrongType(String field, String expected, String actual) {
    return new RecordException(
        ReasonCodes.WRONG_TYPE, "field '" + field + "' must be " + expected + ", got " + actual);
  }
}
