package io.opencdp.schemas.error;

import static java.util.Objects.requireNonNull;

/**
 * A user-facing error: says what went wrong and, where it can, how to fix it. The message is shown
 * to the person as it is, so it names the offending value, key or port.
 */
public class CdpException extends RuntimeException {
  private final ErrorCode code;

  public CdpException(ErrorCode code, String message) {
    super(requireNonNull(message, "message is null"));
    this.code = requireNonNull(code, "code is null");
  }

  public CdpException(ErrorCode code, String message, Throwable cause) {
    super(requireNonNull(message, "message is null"), cause);
    this.code = requireNonNull(code, "code is null");
  }

  public ErrorCode code() {
    return code;
  }
}
