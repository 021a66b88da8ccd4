package io.opencdp.ingest.collector;

import io.opencdp.ingest.connector.ReasonCodes;

/**
 * The {@code code} of every problem body the collector answers. A message the connector would
 * dead-letter for the same reason carries the connector's reason code ({@link ReasonCodes}), so a
 * client sees one vocabulary; the rest are the collector's own. Codes are stable: clients may
 * branch on them.
 */
final class ProblemCodes {
  /** 400: the body is not valid JSON. */
  static final String JSON_MALFORMED = ReasonCodes.JSON_MALFORMED;

  /** 400: the body or a batch item is valid JSON but not an object. */
  static final String NOT_AN_OBJECT = ReasonCodes.NOT_AN_OBJECT;

  /** 400: a required field is missing, null or blank. */
  static final String MISSING_FIELD = ReasonCodes.MISSING_FIELD;

  /** 400: a field has the wrong JSON type. */
  static final String WRONG_TYPE = ReasonCodes.WRONG_TYPE;

  /** 400: {@code timestamp}, {@code sentAt} or {@code originalTimestamp} is not ISO-8601. */
  static final String TIMESTAMP_INVALID = ReasonCodes.TIMESTAMP_INVALID;

  /** 400: a batch item's {@code type} is not a Segment message type. */
  static final String UNKNOWN_EVENT_TYPE = ReasonCodes.UNKNOWN_EVENT_TYPE;

  /** 400: neither {@code userId} nor {@code anonymousId}; an alias without both ids. */
  static final String MISSING_IDENTIFIER = ReasonCodes.MISSING_IDENTIFIER;

  /** 400: the message's {@code type} differs from the route it was posted to. */
  static final String TYPE_MISMATCH = "type_mismatch";

  /** 400: the Content-Type is neither {@code application/json} nor {@code text/plain}. */
  static final String UNSUPPORTED_CONTENT_TYPE = "unsupported_content_type";

  /** 400: the Content-Encoding is neither absent, {@code identity} nor {@code gzip}. */
  static final String UNSUPPORTED_CONTENT_ENCODING = "unsupported_content_encoding";

  /** 401: no write key, or one the collector does not know. */
  static final String UNAUTHORIZED = "unauthorized";

  /** 404: no such route. */
  static final String NOT_FOUND = "not_found";

  /** 413: the body is larger than {@code collector.max_body_bytes}. */
  static final String BODY_TOO_LARGE = "body_too_large";

  /** 413: one message is larger than {@code collector.max_message_bytes}. */
  static final String MESSAGE_TOO_LARGE = "message_too_large";

  /** 413: a batch holds more than {@code collector.max_batch_messages} messages. */
  static final String BATCH_TOO_LARGE = "batch_too_large";

  /** 503: the landing file could not be written; nothing was accepted, retry. */
  static final String STORAGE_UNAVAILABLE = "storage_unavailable";

  /** 500: a bug. */
  static final String INTERNAL = "internal";

  private ProblemCodes() {}
}
