package io.opencdp.ingest.collector;

import static java.util.Objects.requireNonNull;

/**
 * A request the collector refuses, with the HTTP status, the stable {@link ProblemCodes code}, the
 * offending field (a path such as {@code batch[3].messageId}, or null for the request as a whole)
 * and a message that says what is wrong. {@link ProblemMapper} turns it into a problem body.
 */
final class CollectorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final String field;

  private CollectorException(
      int status, String code, String field, String detail, Throwable cause) {
    super(requireNonNull(detail, "detail is null"), cause);
    this.status = status;
    this.code = requireNonNull(code, "code is null");
    this.field = field;
  }

  /** 400: the request or one of its messages is invalid. */
  static CollectorException badRequest(String code, String field, String detail) {
    return new CollectorException(400, code, field, detail, null);
  }

  /** 401: no write key, or an unknown one. */
  static CollectorException unauthorized(String detail) {
    return new CollectorException(401, ProblemCodes.UNAUTHORIZED, null, detail, null);
  }

  /** 413: the body, a message or a batch is too large. */
  static CollectorException tooLarge(String code, String field, String detail) {
    return new CollectorException(413, code, field, detail, null);
  }

  /** 503: nothing was accepted because the landing file could not be written. */
  static CollectorException unavailable(String detail, Throwable cause) {
    return new CollectorException(503, ProblemCodes.STORAGE_UNAVAILABLE, null, detail, cause);
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  /** The offending field's path, or null. */
  String field() {
    return field;
  }
}
