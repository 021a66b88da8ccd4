package io.opencdp.schemas.error;

import static java.util.Objects.requireNonNull;

/**
 * A user-facing error: says what went wrong and, where it can, how to fix it. The message is shown
 * to the person as it is, so it names the offending value, key or port. An error about one member
 * of a request (a query parameter, a field of a JSON body such as {@code
 * condition.and[1].event.count.gte}) names it in {@link #parameter}; the API puts it in the problem
 * body's {@code parameter}.
 */
public class CdpException extends RuntimeException {
  private final ErrorCode code;
  private final String parameter;

  public CdpException(ErrorCode code, String message) {
    this(code, message, null, null);
  }

  public CdpException(ErrorCode code, String message, Throwable cause) {
    this(code, message, null, cause);
  }

  /**
   * @param parameter the offending parameter or JSON path; null when the input as a whole is at
   *     fault
   * @param cause what was caught, or null
   */
  public CdpException(ErrorCode code, String message, String parameter, Throwable cause) {
    super(requireNonNull(message, "message is null"), cause);
    this.code = requireNonNull(code, "code is null");
    this.parameter = parameter;
  }

  public ErrorCode code() {
    return code;
  }

  /** The offending parameter or JSON path, or null when the input as a whole is at fault. */
  public String parameter() {
    return parameter;
  }
}
