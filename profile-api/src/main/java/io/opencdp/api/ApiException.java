package io.opencdp.api;

import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;

/**
 * A refusal of one API request: a {@link CdpException} that may name the offending request
 * parameter. The message is the problem body's {@code detail}, so it never holds internals.
 */
final class ApiException extends CdpException {
  ApiException(ErrorCode code, String detail) {
    this(code, detail, null);
  }

  ApiException(ErrorCode code, String detail, String parameter) {
    super(code, detail, parameter, null);
  }
}
